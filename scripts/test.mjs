// `npm test`: every check a change must pass, in the order that fails fastest. Installs what the
// tests need from the system (Java for DynamoDB Local, Chromium for the browser tests) or says how.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
const steps = [
  ['system: Java for DynamoDB Local', process.execPath, ['scripts/ensure-java.mjs']],
  ['system: Chromium for browser tests', process.execPath, ['scripts/ensure-chromium.mjs']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']],
  ['typecheck web', 'npx', ['tsc', '-p', 'web/tsconfig.json']],
  ['lint', 'npx', ['eslint', '.']],
  ['build console', 'npm', ['run', 'build', '-w', '@cc/web', '--silent']],
  // Every project of vitest.config.ts (unit, integration, browser, infra) in one run and one report.
  ['tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json', ...process.argv.slice(2)]],
];
for (const [name, cmd, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`✖ ${name} failed (${cmd} ${args.join(' ')})`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
// The plain closing line CI reads: counts from vitest's JSON report.
const report = join(root, 'test-results/vitest.json');
if (existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`\n${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped`);
}
