/**
 * Webhook acknowledgement latency: 50 concurrent senders POST distinct, authenticated Telegram
 * updates to the real app over HTTP on DynamoDB Local; each waits for its 200 before sending the
 * next (closed loop, no think time: the harshest reading of "50 concurrent senders"). Measured from
 * the client: request out to the whole answer in. A second run paces the same 50 senders to a
 * steady total rate, the way bots deliver real traffic, to show the latency below saturation.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { percentile, type BenchResult } from './types.ts';
import { machineLoad, nextTelegramUpdate, postUpdate, runConcurrently, startMessagingBench } from './messaging-fixture.ts';

const SENDERS = 50;
const WARM_UP = 300;
const REQUESTS = 2_000;
/** Paced run: total requests per second across the 50 senders. */
const PACED_RATE = 150;
const PACED_REQUESTS = 1_200;

export default async function (): Promise<BenchResult[]> {
  const bench = await startMessagingBench();
  try {
    const loadBefore = machineLoad();
    await runConcurrently(SENDERS, WARM_UP, () => postUpdate(bench.webhookUrl, nextTelegramUpdate()));

    const closed: number[] = [];
    const seconds = await runConcurrently(SENDERS, REQUESTS, async () => closed.push(await postUpdate(bench.webhookUrl, nextTelegramUpdate())));

    // Baseline for the closed loop: one bare PutItem per "delivery", same 50 in flight, same engine.
    // At saturation both are queueing on DynamoDB Local, so this is the floor the webhook path sits on.
    const sample = JSON.parse(nextTelegramUpdate()) as Record<string, unknown>;
    const rawPut: number[] = [];
    await runConcurrently(SENDERS, REQUESTS, async (i) => {
      const started = performance.now();
      await bench.raw.send(new PutItemCommand({ TableName: bench.tableName, Item: marshall({ pk: `T#bench#ACK#${i}`, sk: 'INBOX', entity: 'bench', message: sample, expiresAt: 0 }) }));
      rawPut.push(performance.now() - started);
    });

    // Paced: each sender sends every SENDERS / PACED_RATE seconds (starting staggered), whatever the answers.
    const paced: number[] = [];
    const interval = (SENDERS / PACED_RATE) * 1000;
    await Promise.all(
      Array.from({ length: SENDERS }, async (_, s) => {
        const inFlight: Promise<void>[] = [];
        const start = performance.now() + (s * interval) / SENDERS;
        for (let i = 0; i < PACED_REQUESTS / SENDERS; i++) {
          const due = start + i * interval;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          inFlight.push(postUpdate(bench.webhookUrl, nextTelegramUpdate()).then((ms) => void paced.push(ms)));
        }
        await Promise.all(inFlight);
      }),
    );
    const round = (ms: number) => Number(ms.toFixed(1));
    const notes = (what: string) => `${what} Telegram webhook → verify secret → zod → normalise → one conditional PutItem (inbox) → 200, over HTTP on one Node process + DynamoDB Local (in memory), stream poller off. 2 cores shared with other jobs (${loadBefore} before, ${machineLoad()} after). Goal p99 ≤ 100 ms.`;
    return [
      { name: 'webhook.ack.closed-loop.p50', value: round(percentile(closed, 50)), unit: 'ms', notes: notes(`${SENDERS} concurrent senders, closed loop, ${REQUESTS} requests (${Math.round(REQUESTS / seconds)} req/s reached).`) },
      {
        name: 'webhook.ack.closed-loop.p99',
        value: round(percentile(closed, 99)),
        unit: 'ms',
        baseline: round(percentile(rawPut, 99)),
        ratio: Number((percentile(closed, 99) / percentile(rawPut, 99)).toFixed(2)),
        notes: notes(`${SENDERS} concurrent senders, closed loop, ${REQUESTS} requests; at saturation latency ≈ senders ÷ throughput. Baseline: p99 of bare PutItem calls, ${SENDERS} in flight, closed loop, same run (raw p50 ${round(percentile(rawPut, 50))} ms).`),
      },
      { name: 'webhook.ack.paced.p50', value: round(percentile(paced, 50)), unit: 'ms', notes: notes(`${SENDERS} concurrent senders paced to ${PACED_RATE} req/s in total, ${PACED_REQUESTS} requests.`) },
      { name: 'webhook.ack.paced.p99', value: round(percentile(paced, 99)), unit: 'ms', notes: notes(`${SENDERS} concurrent senders paced to ${PACED_RATE} req/s in total, ${PACED_REQUESTS} requests.`) },
    ];
  } finally {
    await bench.stop();
  }
}
