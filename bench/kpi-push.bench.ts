/**
 * Change → wallboard KPI pushed, end to end on DynamoDB Local through the real stream: a customer leaves a queue
 * (the abandon command the webhook and widget paths run), the change reaches the local stream poller, the metrics reaction folds it into
 * the day cells and the KPI tiles are pushed over the supervisor's WebSocket. The floor, from the same change in
 * the same run: the routing reaction's `queue.stats` push to the same socket, which needs no fold. Goal: p99 ≤ 1 s.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { startContactCenter } from '../functions/local/contact-center.ts';
import { makeTenantQueue } from '../functions/routing/testing.ts';
import { measureInChild, runAsChild } from './child.ts';
import { percentile, type BenchResult } from './types.ts';

const SAMPLES = 40;
const WARM_UP = 5;

type Pushed = { type: string; kpi?: { dimension: string; value: string; values: Record<string, number | null> }; queue?: { queueId: string; waiting: number } };

async function measure(endpoint: string): Promise<{ kpi: number[]; stats: number[] }> {
  const center = await startContactCenter({ port: 0, dynamodbEndpoint: endpoint, quiet: true });
  try {
    const { deps, demo, baseUrl } = center;
    await deps.queues.put(makeTenantQueue(demo.tenantId, 'bench', { name: 'Bench' }));
    const { login, password } = demo.users.find((u) => u.userId === 'u-supervisor')!;
    const loginRes = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
    const { token } = (await loginRes.json()) as { token: string };
    const api = (path: string, method = 'GET', body?: unknown) =>
      fetch(`${baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });

    // Each sample waits for the push that carries its abandon: the n-th abandon of the day.
    let waiting: { abandoned: number; kpi?: () => void; stats?: () => void } | undefined;
    const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/ws?token=${token}`);
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as Pushed;
      if (!waiting) return;
      if (message.type === 'kpi.updated' && message.kpi?.dimension === 'queue' && message.kpi.value === 'bench' && message.kpi.values['contacts_abandoned'] === waiting.abandoned) waiting.kpi?.();
      // The abandon's own wallboard push: the queue is empty again.
      if (message.type === 'queue.stats' && message.queue?.queueId === 'bench' && message.queue.waiting === 0) waiting.stats?.();
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));

    const kpi: number[] = [];
    const stats: number[] = [];
    for (let i = 0; i < WARM_UP + SAMPLES; i++) {
      const contactId = `bench-kpi-${i}`;
      const res = await api('/api/contacts', 'POST', { contactId, queueId: 'bench', channel: 'webchat', requiredSkills: [{ skill: 'nobody-has-it', level: 1 }] });
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
      // Let the arrival's own pushes pass, so the sample is the abandon's alone.
      await new Promise((r) => setTimeout(r, 300));
      const sample = { abandoned: i + 1 } as NonNullable<typeof waiting>;
      const kpiPushed = new Promise<number>((resolve) => (sample.kpi = () => resolve(performance.now())));
      const statsPushed = new Promise<number>((resolve) => (sample.stats = () => resolve(performance.now())));
      waiting = sample;
      const started = performance.now();
      // The customer leaves (a supervisor's removal is not an abandon in the KPIs), as the webhook and widget paths do.
      await center.services.routing.commands.abandonContact(demo.tenantId, contactId, 'the visitor closed the chat');
      const [kpiAt, statsAt] = await Promise.all([kpiPushed, statsPushed]);
      if (i >= WARM_UP) {
        kpi.push(kpiAt - started);
        stats.push(statsAt - started);
      }
      await new Promise((r) => setTimeout(r, Math.random() * 100));
    }
    socket.close();
    return { kpi, stats };
  } finally {
    await center.stop();
  }
}

await runAsChild(import.meta.url, measure);

export default async (): Promise<BenchResult[]> => {
  const load = loadavg()[0]!.toFixed(1);
  const { kpi, stats } = measureInChild<{ kpi: number[]; stats: number[] }>(import.meta.url);
  const setup = `${SAMPLES} abandons after ${WARM_UP} warm-up, one supervisor socket, DynamoDB Local through its stream (poller idle 50 ms); 1-min load average ${load}`;
  return [50, 99].map((p) => {
    const value = Math.round(percentile(kpi, p));
    const baseline = Math.round(percentile(stats, p));
    return {
      name: `KPI change→tiles pushed p${p}`,
      value,
      unit: 'ms',
      baseline,
      ratio: Number((value / Math.max(1, baseline)).toFixed(2)),
      notes: `a customer's abandon → kpi.updated of the queue on the supervisor's WebSocket, p${p}; baseline: the same change's queue.stats push (no fold) in the same run; ${setup}. Goal: p99 ≤ 1000 ms.`,
    };
  });
};
