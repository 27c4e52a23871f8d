import path from 'node:path';
import type { App, Environment } from 'aws-cdk-lib';
import { DEFAULT_WEB_DIST_DIR, REPO_ROOT } from './paths.ts';

/** How the table is encrypted at rest. */
export type TableEncryptionMode = 'aws-managed' | 'customer-managed';

/** Everything the stacks vary on, read once from CDK context (`-c key=value` or `cdk.json`). */
export interface AppConfig {
  /** Deployment name (`dev`, `prod`…): prefix of every stack name and tag value. */
  readonly stage: string;
  /** Account and region; both undefined gives environment-agnostic stacks (offline synth). */
  readonly env: Environment | undefined;
  /** Email subscribed to the alarm topic, if any. */
  readonly alarmEmail?: string;
  /** The built SPA; a placeholder page is deployed when it has no `index.html`. */
  readonly webDistDir: string;
  /** @default 'aws-managed' */
  readonly tableEncryption: TableEncryptionMode;
}

const STAGE_PATTERN = /^[a-z][a-z0-9-]{0,19}$/;

/**
 * Reads the app configuration: context first, then `CDK_DEFAULT_ACCOUNT`/`CDK_DEFAULT_REGION` for
 * the environment (set by the CLI when credentials exist; absent offline, which is fine for synth).
 * @throws Error when `stage` or `tableEncryption` is malformed.
 */
export function readAppConfig(app: App, env: NodeJS.ProcessEnv = process.env): AppConfig {
  const context = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    return value === undefined || value === null || value === '' ? undefined : String(value);
  };
  const stage = context('stage') ?? 'dev';
  if (!STAGE_PATTERN.test(stage)) throw new Error(`Context "stage" must match ${STAGE_PATTERN}, got "${stage}"`);
  const tableEncryption = context('tableEncryption') ?? 'aws-managed';
  if (tableEncryption !== 'aws-managed' && tableEncryption !== 'customer-managed') {
    throw new Error(`Context "tableEncryption" must be "aws-managed" or "customer-managed", got "${tableEncryption}"`);
  }
  const account = context('account') ?? env.CDK_DEFAULT_ACCOUNT;
  const region = context('region') ?? env.CDK_DEFAULT_REGION;
  const webDist = context('webDistDir');
  return {
    stage,
    env: account || region ? { account, region } : undefined,
    alarmEmail: context('alarmEmail'),
    webDistDir: webDist ? path.resolve(REPO_ROOT, webDist) : DEFAULT_WEB_DIST_DIR,
    tableEncryption,
  };
}
