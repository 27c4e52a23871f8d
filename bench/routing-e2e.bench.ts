/**
 * Enqueue → offer pushed, end to end on DynamoDB Local through the real stream: a contact is created through the
 * HTTP API, its INSERT reaches the local stream poller, the routing reaction commits the offer, the MODIFY comes
 * back through the stream and the offer is pushed over the agent's WebSocket. Two stream hops, so the poller's
 * idle delay (its pause after an empty read) counts twice; measured at the poller's 150 ms and at the 50 ms the local
 * runtime uses.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import { startContactCenter } from '../functions/local/contact-center.ts';
import { makeTenantQueue } from '../functions/routing/testing.ts';
import { percentile, type BenchResult } from './types.ts';

const SAMPLES = 60;
const WARM_UP = 5;

async function measure(endpoint: string, idleDelayMs: number): Promise<number[]> {
  const center = await startContactCenter({ port: 0, dynamodbEndpoint: endpoint, quiet: true, streamIdleDelayMs: idleDelayMs });
  try {
    const { deps, demo, baseUrl } = center;
    await deps.queues.put(makeTenantQueue(demo.tenantId, 'bench', { afterContactWorkSeconds: 0 }));
    const agent = (await deps.agents.get(demo.tenantId, 'u-agent-2'))!;
    await deps.agents.save({ ...agent, queueIds: ['bench'], profile: [{ queueId: 'bench', priority: 0, delaySeconds: 0 }], capacity: { voice: 0, chat: 4 }, version: agent.version + 1 }, agent.version);
    const { login, password } = demo.users.find((u) => u.userId === 'u-agent-2')!;
    const loginRes = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
    if (loginRes.status !== 200) throw new Error(`login failed: ${loginRes.status} ${await loginRes.text()}`);
    const { token } = (await loginRes.json()) as { token: string };
    const api = (path: string, method = 'GET', body?: unknown) =>
      fetch(`${baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });

    const waiters = new Map<string, () => void>();
    const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/ws?token=${token}`);
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; contact?: { contactId: string } };
      if (message.type === 'offer') waiters.get(message.contact!.contactId)?.();
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    await api('/api/agents/me/status', 'PUT', { status: 'available' });

    const samples: number[] = [];
    for (let i = 0; i < WARM_UP + SAMPLES; i++) {
      const contactId = `bench-${idleDelayMs}-${i}`;
      const offered = new Promise<void>((resolve) => waiters.set(contactId, resolve));
      const started = performance.now();
      const res = await api('/api/contacts', 'POST', { contactId, queueId: 'bench', channel: 'webchat' });
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
      await offered;
      if (i >= WARM_UP) samples.push(performance.now() - started);
      await api(`/api/contacts/${contactId}/accept`, 'POST');
      await api(`/api/contacts/${contactId}/end`, 'POST');
      // A random gap, so arrivals fall anywhere in the poller's cycle.
      await new Promise((r) => setTimeout(r, Math.random() * 100));
    }
    socket.close();
    return samples;
  } finally {
    await center.stop();
  }
}

/** One configuration in its own process: Lambda handlers cache their dependencies per process, as in Lambda. */
async function runOne(idleDelayMs: number): Promise<number[]> {
  const dynamo = await startDynamoDbLocal();
  try {
    return await measure(dynamo.endpoint, idleDelayMs);
  } finally {
    await dynamo.stop();
  }
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] === self) {
  const samples = await runOne(Number(process.argv[2]));
  process.stdout.write(`\nSAMPLES ${JSON.stringify(samples)}\n`);
  process.exit(0);
}

export default async (): Promise<BenchResult[]> => {
  const results: BenchResult[] = [];
  for (const idle of [150, 50]) {
    const load = loadavg()[0]!.toFixed(1);
    const output = execFileSync(process.execPath, ['--import', 'tsx', self, String(idle)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
    const samples = JSON.parse(/SAMPLES (.*)/.exec(output)![1]!) as number[];
    const setup = `${SAMPLES} contacts after ${WARM_UP} warm-up, one agent, DynamoDB Local through its stream, poller idle delay ${idle} ms; 1-min load average ${load}`;
    for (const p of [50, 99]) {
      results.push({
        name: `routing enqueue→offer pushed p${p} (poller idle ${idle} ms)`,
        value: Math.round(percentile(samples, p)),
        unit: 'ms',
        notes: `POST /api/contacts → offer on the agent's WebSocket, p${p}; ${setup}. Goal: p99 ≤ 500 ms (AWS Streams → Lambda: ~200/550 ms p50/p99 per hop).`,
      });
    }
  }
  return results;
};
