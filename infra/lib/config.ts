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
  /**
   * PSTN voice (`-c voice=true`): the SIP media application, its SIP rule and the voice stack. Undefined when off
   * (the default): AWS closed SIP media applications to new accounts on 2026-10-29, so only accounts that already
   * have them can turn this on. Calls from the site (Chime SDK meetings) work either way.
   */
  readonly voice?: VoiceConfig;
  /**
   * Control region of the Chime SDK meetings API (`-c chimeMeetingsRegion=…`): `CHIME_MEETINGS_REGION` and the
   * region of the meeting ARNs granted. Undefined: the stack's region.
   */
  readonly chimeMeetingsRegion?: string;
  /** The verified SES identity alert e-mails come from (`-c alertEmailFrom=…`). Undefined: alert e-mails are not sent. */
  readonly alertEmailFrom?: string;
  /** The sender id alert SMS show where the country allows one (`-c alertSmsSenderId=…`, up to 11 letters and digits). */
  readonly alertSmsSenderId?: string;
}

/** The voice part of {@link AppConfig}. */
export interface VoiceConfig {
  /**
   * The account's existing Chime SDK phone number (E.164, product type SIP media application dial-in) that the SIP
   * rule routes to the SMA (`-c voicePhoneNumber=+1…`). Ordering a number is a purchase, so the app never does it.
   */
  readonly phoneNumber: string;
  /** Days a call recording is kept before S3 expires it (`-c voiceRecordingRetentionDays=…`). @default 90 */
  readonly recordingRetentionDays: number;
}

const STAGE_PATTERN = /^[a-z][a-z0-9-]{0,19}$/;
/** E.164: a plus, then up to 15 digits, the first not 0. */
const E164_PATTERN = /^\+[1-9][0-9]{6,14}$/;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-[0-9]$/;

/**
 * Reads the app configuration: context first, then `CDK_DEFAULT_ACCOUNT`/`CDK_DEFAULT_REGION` for
 * the environment (set by the CLI when credentials exist; absent offline, which is fine for synth).
 * @throws Error when `stage`, `tableEncryption`, `voice`, `voicePhoneNumber`, `voiceRecordingRetentionDays` or
 * `chimeMeetingsRegion` is malformed, or `voice=true` comes without `voicePhoneNumber`.
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
  const chimeMeetingsRegion = context('chimeMeetingsRegion');
  if (chimeMeetingsRegion !== undefined && !REGION_PATTERN.test(chimeMeetingsRegion)) {
    throw new Error(`Context "chimeMeetingsRegion" must be an AWS region such as us-east-1, got "${chimeMeetingsRegion}"`);
  }
  const alertEmailFrom = context('alertEmailFrom');
  if (alertEmailFrom !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alertEmailFrom)) throw new Error(`Context "alertEmailFrom" must be an e-mail address verified in SES, got "${alertEmailFrom}"`);
  const alertSmsSenderId = context('alertSmsSenderId');
  if (alertSmsSenderId !== undefined && !/^[A-Za-z0-9]{1,11}$/.test(alertSmsSenderId)) throw new Error(`Context "alertSmsSenderId" must be 1 to 11 letters or digits, got "${alertSmsSenderId}"`);
  return {
    stage,
    env: account || region ? { account, region } : undefined,
    ...(alertEmailFrom && { alertEmailFrom }),
    ...(alertSmsSenderId && { alertSmsSenderId }),
    alarmEmail: context('alarmEmail'),
    webDistDir: webDist ? path.resolve(REPO_ROOT, webDist) : DEFAULT_WEB_DIST_DIR,
    tableEncryption,
    voice: readVoiceConfig(context),
    chimeMeetingsRegion,
  };
}

function readVoiceConfig(context: (key: string) => string | undefined): VoiceConfig | undefined {
  const flag = context('voice') ?? 'false';
  if (flag !== 'true' && flag !== 'false') throw new Error(`Context "voice" must be "true" or "false", got "${flag}"`);
  if (flag === 'false') return undefined;
  const phoneNumber = context('voicePhoneNumber');
  if (phoneNumber === undefined) {
    throw new Error(
      'Context "voice=true" needs "voicePhoneNumber": an E.164 number the account already owns in the Chime SDK (product type SIP media application dial-in), e.g. -c voicePhoneNumber=+12065550143. The app never orders numbers (a purchase); see infra/README.md.',
    );
  }
  if (!E164_PATTERN.test(phoneNumber)) throw new Error(`Context "voicePhoneNumber" must be an E.164 number such as +12065550143, got "${phoneNumber}"`);
  const retention = context('voiceRecordingRetentionDays') ?? '90';
  const recordingRetentionDays = Number(retention);
  if (!Number.isInteger(recordingRetentionDays) || recordingRetentionDays < 1) {
    throw new Error(`Context "voiceRecordingRetentionDays" must be a whole number of days, at least 1, got "${retention}"`);
  }
  return { phoneNumber, recordingRetentionDays };
}
