/**
 * Ingest throughput vs raw DynamoDB Local PutItem at the same concurrency (50), in the same run:
 * acknowledged Telegram webhooks per second through the whole HTTP path (the real app on a real
 * server, each update authenticated, validated, normalised and written once with a conditional
 * put), against bare PutItem calls of an item of the same size. Rounds alternate which goes first so
 * DynamoDB Local's warm-up favours neither; the medians are compared.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { BenchResult } from './types.ts';
import { machineLoad, nextTelegramUpdate, postUpdate, runConcurrently, startMessagingBench } from './messaging-fixture.ts';

const CONCURRENCY = 50;
const PER_ROUND = 1_000;
const ROUNDS = 4;

export default async function (): Promise<BenchResult[]> {
  const bench = await startMessagingBench();
  try {
    const loadBefore = machineLoad();
    // An item shaped and sized like an inbox record.
    const sample = JSON.parse(nextTelegramUpdate()) as Record<string, unknown>;
    const putRaw = (i: number, round: number) =>
      bench.raw.send(
        new PutItemCommand({
          TableName: bench.tableName,
          Item: marshall({ pk: `T#bench#RAW#${round}#${i}`, sk: 'INBOX', entity: 'bench', kind: 'message', receivedAt: new Date().toISOString(), message: sample, expiresAt: 0 }),
        }),
      );
    const ingest = () => postUpdate(bench.webhookUrl, nextTelegramUpdate());

    await runConcurrently(CONCURRENCY, 300, () => ingest());
    await runConcurrently(CONCURRENCY, 300, (i) => putRaw(i, -1));
    const raw: number[] = [];
    const webhooks: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const measureRaw = async () => raw.push(PER_ROUND / (await runConcurrently(CONCURRENCY, PER_ROUND, (i) => putRaw(i, round))));
      const measureIngest = async () => webhooks.push(PER_ROUND / (await runConcurrently(CONCURRENCY, PER_ROUND, () => ingest())));
      if (round % 2 === 0) await measureRaw().then(measureIngest);
      else await measureIngest().then(measureRaw);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const rawRate = Math.round(median(raw));
    const ingestRate = Math.round(median(webhooks));
    const load = `2 cores shared with other jobs (${loadBefore} before, ${machineLoad()} after)`;
    return [
      { name: 'messaging.raw-put-item.rate', value: rawRate, unit: 'writes/s', notes: `Raw PutItem of an inbox-sized item on DynamoDB Local, ${CONCURRENCY} concurrent, ${PER_ROUND} x ${ROUNDS} rounds (median). ${load}.` },
      {
        name: 'messaging.webhook-ingest.rate',
        value: ingestRate,
        unit: 'webhooks/s',
        baseline: rawRate,
        ratio: Number((ingestRate / rawRate).toFixed(3)),
        notes: `Acknowledged Telegram webhooks (HTTP → verify → zod → normalise → conditional PutItem → 200) at the same concurrency, interleaved with the raw rounds; client, server and DynamoDB Local on one machine. Ratio = ingest / raw (goal ≥ 0.5). ${load}.`,
      },
    ];
  } finally {
    await bench.stop();
  }
}
