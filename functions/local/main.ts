/**
 * `npm start`: the local contact center with data in `.data/`. `--reset` wipes `.data/` first.
 * Ctrl-C (or any exit) stops the server, the stream poller and DynamoDB Local's Java process.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startContactCenter } from './contact-center.ts';

// CC_DATA_DIR lets tests run a second instance beside a developer's own `.data/`.
const dataDir = process.env.CC_DATA_DIR ?? fileURLToPath(new URL('../../.data', import.meta.url));
if (process.argv.includes('--reset')) {
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`Wiped ${dataDir}`);
}

const started = Date.now();
const port = process.env.PORT ? Number(process.env.PORT) : undefined;
// CC_DEMO_PAST=off starts without the demo's past (history, plans, alert rule) on a fresh data folder.
const center = await startContactCenter({ dataDir, port, ...(process.env.CC_DEMO_PAST === 'off' && { demoPast: false }) });

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the contact center…`);
  await center.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

const { demo } = center;
const width = Math.max(...demo.users.map((u) => u.login.length));
console.log(`
Contact center "${demo.tenantName}" is up in ${((Date.now() - started) / 1000).toFixed(1)} s

  Console     ${center.baseUrl}/
  Simulator   ${center.baseUrl}/simulator/   (play the customer in Telegram, WhatsApp, VK, Viber, Alice)
  Widget demo ${center.widgetDemoUrl}   (a shop page on another origin with the web chat widget)
  Outbox      ${center.baseUrl}/local/outbox/page   (alert SMS and e-mail that AWS would send)
  Health      ${center.baseUrl}/health
  Lambdas     ${center.baseUrl}/local/lambda
  Demo file   ${dataDir}/demo.json (logins, channel webhooks and secrets)

  Logins:
${demo.users.map((u) => `    ${u.role.padEnd(10)} ${u.login.padEnd(width)}  ${u.password}   ${u.name}`).join('\n')}

  Channels (webhook, or the web chat embed):
${demo.channels.map((c) => `    ${c.type.padEnd(9)} ${c.webhookUrl ?? c.embed}`).join('\n')}

Press Ctrl-C to stop.`);
