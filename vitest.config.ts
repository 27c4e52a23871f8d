import { defineConfig } from 'vitest/config';

// One run for every workspace: unit tests, integration tests on one shared in-memory DynamoDB Local
// (started by the global setup), CDK assertion tests and browser tests in headless Chromium.
export default defineConfig({
  test: {
    include: ['{shared,functions,infra,web,test,scripts}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'cdk.out/**', 'web/dist/**'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', POWERTOOLS_DEV: 'false', POWERTOOLS_LOG_LEVEL: 'SILENT' },
  },
});
