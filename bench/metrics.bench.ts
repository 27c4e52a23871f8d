/**
 * KPI aggregates, each against a floor measured in the same run:
 * - folding metric events (pure) against adding the same numbers into plain objects;
 * - folding stream records into DynamoDB Local (one transaction per record with its mark) against bare `UpdateItem ADD`
 *   at the same concurrency, per cell written;
 * - a month of 15-minute cells for 50 agents read back as a report against bare `Query` calls over the same items.
 */
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { createTableInput } from '@cc/shared/db/table';
import { keys } from '@cc/shared/db/keys';
import { INTERVAL_METRICS } from '@cc/shared/metrics/catalog/index';
import { eventsOf } from '@cc/shared/metrics/events-of';
import type { MetricEvent } from '@cc/shared/metrics/events';
import { applyEvents, EMPTY_AGGREGATES, foldEvents } from '@cc/shared/metrics/fold';
import { buildReport } from '@cc/shared/metrics/report';
import { scriptedDay, TIME_ZONE } from '@cc/shared/metrics/test-day';
import { createRepositories } from '../functions/composition/root.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import type { BenchResult } from './types.ts';

const TABLE = 'bench-metrics';
const CONCURRENCY = 10;
const RECORDS = 200;
const AGENTS = 50;
const DAYS = 30;
/** Intervals with figures per agent and day: an eight-hour shift. */
const SHIFT_INTERVALS = 32;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The scripted day's events, copied `times` over with fresh ids (so none is a redelivery). */
function manyEvents(times: number): MetricEvent[] {
  const day = scriptedDay().records.flatMap(eventsOf);
  return Array.from({ length: times }, (_, n) => day.map((e) => ({ ...e, id: `${e.id}#${n}` }))).flat();
}

function pureFold(): BenchResult[] {
  const events = manyEvents(200);
  const fold = () => applyEvents(EMPTY_AGGREGATES, events, TIME_ZONE);
  // The floor: the same additions into one object per event's dimension values, no intervals, no ids.
  const floor = () => {
    const sums = new Map<string, Record<string, number>>();
    for (const e of events) {
      for (const key of ['*', e.queueId, e.agentId, e.channel]) {
        if (key === undefined) continue;
        const into = sums.get(key) ?? {};
        for (const [m, v] of Object.entries(e.add)) into[m] = (into[m] ?? 0) + v;
        sums.set(key, into);
      }
    }
    return sums;
  };
  fold(); floor();
  const rates = { fold: [] as number[], floor: [] as number[] };
  for (let round = 0; round < 5; round++) {
    for (const [name, run] of [['fold', fold], ['floor', floor]] as const) {
      const started = performance.now();
      run();
      rates[name].push(events.length / ((performance.now() - started) / 1000));
    }
  }
  const foldRate = Math.round(median(rates.fold));
  const floorRate = Math.round(median(rates.floor));
  return [
    { name: 'metrics.fold.pure-floor.rate', value: floorRate, unit: 'events/s', notes: `Adding ${events.length} events' measures into plain objects per dimension value (median of 5).` },
    { name: 'metrics.fold.pure.rate', value: foldRate, unit: 'events/s', baseline: floorRate, ratio: Number((foldRate / floorRate).toFixed(3)), notes: 'applyEvents: ids checked, 15-minute interval and local day per event, every dimension value; ratio = fold / floor.' },
  ];
}

async function parallel(count: number, work: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < count) await work(next++);
  }));
  return (performance.now() - started) / 1000;
}

async function storedFold(client: DynamoDBClient, repos: ReturnType<typeof createRepositories>): Promise<BenchResult[]> {
  const contactRecords = scriptedDay().records.filter((r) => r.kind === 'contact').map((r) => [...foldEvents(eventsOf(r), TIME_ZONE).values()]).filter((cells) => cells.length > 0);
  const cellsPerRecord = contactRecords.reduce((n, cells) => n + cells.length, 0) / contactRecords.length;
  const fold = (round: number) => parallel(RECORDS, (i) => repos.metrics.fold(`bench-${round}`, `contact#r${i}#v1`, contactRecords[i % contactRecords.length]!));
  const bare = (round: number) => parallel(Math.round(RECORDS * cellsPerRecord), (i) => client.send(new UpdateItemCommand({
    TableName: TABLE, Key: marshall({ pk: `T#raw-${round}#METRIC#queue#q${i % 40}`, sk: `I#2026-12-02T07:00:00.000Z#S#${i % 4}` }),
    UpdateExpression: 'ADD m_handled :one', ExpressionAttributeValues: marshall({ ':one': 1 }),
  })));
  await fold(-1); await bare(-1);
  const folded: number[] = [];
  const raw: number[] = [];
  for (let round = 0; round < 3; round++) {
    folded.push((RECORDS * cellsPerRecord) / (await fold(round)));
    raw.push((RECORDS * cellsPerRecord) / (await bare(round)));
  }
  const foldRate = Math.round(median(folded));
  const rawRate = Math.round(median(raw));
  return [
    { name: 'metrics.store.bare-update.rate', value: rawRate, unit: 'cells/s', notes: `Bare UpdateItem ADD on DynamoDB Local, ${CONCURRENCY} concurrent (median of 3 rounds).` },
    { name: 'metrics.store.fold.rate', value: foldRate, unit: 'cells/s', baseline: rawRate, ratio: Number((foldRate / rawRate).toFixed(3)), notes: `DynamoMetricsRepository.fold of ${RECORDS} contact records (${cellsPerRecord.toFixed(1)} cells each: one consistent read of the maxima, then one transaction with the record's mark), cells per second; ratio = fold / bare.` },
  ];
}

async function monthReport(client: DynamoDBClient, repos: ReturnType<typeof createRepositories>): Promise<BenchResult[]> {
  const tenantId = 'bench-month';
  const agents = Array.from({ length: AGENTS }, (_, i) => `agent-${i}`);
  const start = Date.parse('2026-11-01T06:00:00.000Z');
  const items: Record<string, unknown>[] = [];
  for (const agentId of agents) {
    for (let day = 0; day < DAYS; day++) {
      for (let slot = 0; slot < SHIFT_INTERVALS; slot++) {
        const at = new Date(start + day * 86_400_000 + slot * 900_000).toISOString();
        items.push({ ...keys.metricCell(tenantId, 'agent', agentId, `I#${at}`, 0), entity: 'metricCell', dimension: 'agent', value: agentId, period: `I#${at}`, m_handled: 3, m_closedAfterAnswer: 3, m_handleSeconds: 540, m_availableSeconds: 300, m_busySeconds: 540, m_afterContactWorkSeconds: 60 });
      }
    }
  }
  for (let i = 0; i < items.length; i += 25) {
    let batch = { [TABLE]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item: marshall(Item) } })) } as Record<string, NonNullable<ConstructorParameters<typeof BatchWriteItemCommand>[0]['RequestItems']>[string]> | undefined;
    while (batch && Object.keys(batch).length > 0) batch = (await client.send(new BatchWriteItemCommand({ RequestItems: batch }))).UnprocessedItems as typeof batch;
  }
  const from = '2026-10-31T21:00:00.000Z';
  const to = '2026-11-30T21:00:00.000Z';
  const report = async () => {
    const cells = await repos.metrics.read(tenantId, 'agent', agents, { kind: 'I', from: '2026-10-31T21:00:00.000Z', to: '2026-11-30T20:45:00.000Z' });
    return buildReport(cells, { groupBy: 'agent', interval: '15m', cells: 'I', metrics: INTERVAL_METRICS.filter((m) => m.dimensions.includes('agent')), timeZone: TIME_ZONE, from, to, groups: agents });
  };
  const bare = async () => {
    let count = 0;
    for (const agentId of agents) {
      let ExclusiveStartKey: Record<string, never> | undefined;
      do {
        const page = await client.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: marshall({ ':pk': keys.metricCellsOf(tenantId, 'agent', agentId).pk }), ExclusiveStartKey }));
        count += page.Items?.length ?? 0;
        ExclusiveStartKey = page.LastEvaluatedKey as typeof ExclusiveStartKey;
      } while (ExclusiveStartKey);
    }
    return count;
  };
  const rows = (await report()).length;
  const read = await bare();
  const timed = async (run: () => Promise<unknown>) => { const started = performance.now(); await run(); return performance.now() - started; };
  const reportMs: number[] = [];
  const bareMs: number[] = [];
  for (let round = 0; round < 3; round++) {
    bareMs.push(await timed(bare));
    reportMs.push(await timed(report));
  }
  const reportTime = Math.round(median(reportMs));
  const bareTime = Math.round(median(bareMs));
  return [
    { name: 'metrics.report.bare-query.ms', value: bareTime, unit: 'ms', notes: `Bare Query of ${read} cells (${AGENTS} agents × ${DAYS} days × ${SHIFT_INTERVALS} intervals), one partition per agent (median of 3).` },
    { name: 'metrics.report.month-15m-50-agents.ms', value: reportTime, unit: 'ms', baseline: bareTime, ratio: Number((reportTime / bareTime).toFixed(3)), notes: `GET /api/reports' work for a month in 15-minute buckets for ${AGENTS} agents: read the cells and build ${rows} rows of every agent metric; ratio = report / bare.` },
  ];
}

export default async function (): Promise<BenchResult[]> {
  const pure = pureFold();
  const dynamo = await startDynamoDbLocal();
  try {
    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 10 });
    await client.send(new CreateTableCommand(createTableInput(TABLE)));
    const repos = createRepositories(client, TABLE);
    const results = [...pure, ...(await storedFold(client, repos)), ...(await monthReport(client, repos))];
    client.destroy();
    return results;
  } finally {
    await dynamo.stop();
  }
}
