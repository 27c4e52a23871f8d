import { defineConfig } from 'vitest/config';

// One run for every workspace, in four projects chosen by file name, so each kind also runs alone
// (`npm run test:<project>`):
// - unit: pure tests, no DynamoDB Local, no Chromium, no CDK (seconds; no Java is started);
// - integration: `*.int.test.ts`, on one shared in-memory DynamoDB Local (the global setup);
// - browser: `*.browser.test.ts(x)`, headless Chromium against the in-process contact center;
// - infra: `infra/**`, CDK synth, real bundles and cdk-nag (slow).
// Every test file lands in exactly one project; a test in the wrong one fails naming the suffix.
const WORKSPACES = '{shared,functions,web,test,scripts}';
const INTEGRATION = '**/*.int.test.{ts,tsx}';
const BROWSER = '**/*.browser.test.{ts,tsx}';
const DYNAMODB_LOCAL = 'test/global-setup.ts';

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', 'cdk.out/**', 'web/dist/**'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', POWERTOOLS_DEV: 'false', POWERTOOLS_LOG_LEVEL: 'SILENT' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [`${WORKSPACES}/**/*.test.{ts,tsx}`],
          exclude: [INTEGRATION, BROWSER],
          setupFiles: ['test/guards/no-dynamodb-local.ts', 'test/guards/no-browser.ts'],
          // Pure tests share each worker's modules: a fifth of the time; mocked AWS clients are restored.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'integration', include: [`${WORKSPACES}/${INTEGRATION}`], globalSetup: [DYNAMODB_LOCAL], setupFiles: ['test/guards/no-browser.ts'] },
      },
      { extends: true, test: { name: 'browser', include: [`${WORKSPACES}/${BROWSER}`], globalSetup: [DYNAMODB_LOCAL] } },
      // The grants contract drives the functions' code over DynamoDB Local, beside the synthesized template.
      { extends: true, test: { name: 'infra', include: ['infra/**/*.test.{ts,tsx}'], globalSetup: [DYNAMODB_LOCAL], setupFiles: ['test/guards/no-browser.ts'] } },
    ],
  },
});
