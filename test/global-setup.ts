import type { TestProject } from 'vitest/node';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { startDynamoDbLocal, type RunningDynamoDbLocal } from '../functions/local/dynamodb-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

/** Shared by the projects of one run: each runs its global setup, all in the main process. */
const shared = globalThis as typeof globalThis & { ccDynamoDbLocal?: { running: Promise<RunningDynamoDbLocal>; users: number } };

/**
 * One in-memory DynamoDB Local for the whole run, whichever projects need it (integration, browser,
 * infra); each test file creates its own tables. Stopped when the last of those projects finishes.
 */
export default async function setup(project: TestProject) {
  shared.ccDynamoDbLocal ??= { running: startDynamoDbLocal({ timeoutMs: 120_000 }), users: 0 };
  const local = shared.ccDynamoDbLocal;
  local.users += 1;
  project.provide('dynamodbEndpoint', (await local.running).endpoint);
  return async () => {
    local.users -= 1;
    if (local.users > 0) return;
    shared.ccDynamoDbLocal = undefined;
    await (await local.running).stop();
  };
}
