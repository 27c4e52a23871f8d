/**
 * Benchmarks that start a whole contact center run it in a child process of their own: Lambda handlers cache their
 * dependencies per process, as in Lambda, and nothing of one benchmark warms the next. The bench module calls
 * `runAsChild` at its top level (it measures when it is the child) and `measureInChild` from its default export.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';

/** When `moduleUrl` is the process's entry (the child), measures on a fresh DynamoDB Local, prints the samples and exits. */
export async function runAsChild<T>(moduleUrl: string, measure: (endpoint: string, args: string[]) => Promise<T>): Promise<void> {
  if (process.argv[1] !== fileURLToPath(moduleUrl)) return;
  const dynamo = await startDynamoDbLocal();
  try {
    process.stdout.write(`\nSAMPLES ${JSON.stringify(await measure(dynamo.endpoint, process.argv.slice(2)))}\n`);
  } finally {
    await dynamo.stop();
  }
  process.exit(0);
}

/** Runs `moduleUrl` as the child (with `args`) and returns what its `measure` answered. */
export function measureInChild<T>(moduleUrl: string, args: string[] = []): T {
  const output = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(moduleUrl), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  return JSON.parse(/SAMPLES (.*)/.exec(output)![1]!) as T;
}
