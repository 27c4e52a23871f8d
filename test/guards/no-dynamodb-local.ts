// Setup file of the unit project: a test that reaches DynamoDB Local fails at once, naming the fix,
// instead of starting Java on its own or waiting on an endpoint that is not there.
import { vi } from 'vitest';

/** Thrown wherever a unit test would reach DynamoDB Local. */
export const NO_DYNAMODB_LOCAL = 'DynamoDB Local runs only for integration tests: name this file *.int.test.ts (see vitest.config.ts)';

vi.mock('../../functions/local/dynamodb-local.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../functions/local/dynamodb-local.ts')>()),
  startDynamoDbLocal: () => Promise.reject(new Error(NO_DYNAMODB_LOCAL)),
}));
