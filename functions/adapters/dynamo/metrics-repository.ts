/**
 * The metric aggregates in the single table (docs/data-model.md pattern 40, docs/metrics.md). One stream record's
 * cells are added in transactions that also write the record's mark, so a redelivered record adds nothing. Maxima
 * ride in the same transaction: the cells' stored maxima are read first (consistently), and a larger one is set on
 * the condition that the stored one is still smaller; a record that lost that race reads again and retries. Cells of
 * the tenant, queues and channels are split in shards by record, so busy queues do not make transactions collide.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@cc/shared/db/keys';
import type { AggregateCell } from '@cc/shared/metrics/fold';
import type { MetricsRepository } from '@cc/shared/metrics/ports';
import type { StoredCell } from '@cc/shared/metrics/report';
import { isMaxMeasure, type Dimension, type MaxMeasure, type Measure, type Measures } from '@cc/shared/metrics/values';
import type { DynamoTable } from './table.ts';

/** Shards per tenant, queue and channel cell (an agent's cells are written by that agent's changes only: one shard). */
export const METRIC_SHARDS = 4;
/** A transaction holds at most 100 items: the mark and 99 cells. */
const CELLS_PER_TRANSACTION = 99;
const MARK_TTL_SECONDS = 3 * 24 * 3600;
/** 15-minute cells are kept ~13 months, day cells ~3 years (reports of a day and longer read those). */
const INTERVAL_TTL_SECONDS = 400 * 24 * 3600;
const DAY_TTL_SECONDS = 3 * 366 * 24 * 3600;
/** Two records touching one cell at once (or raising one maximum): the loser retries here rather than failing its whole stream batch. */
const CONFLICT_RETRIES = 5;

const MEASURE_PREFIX = 'm_';
const periodKey = (cell: AggregateCell) => (cell.period.kind === 'I' ? `I#${cell.period.start}` : `D#${cell.period.date}`);

function shardOf(recordId: string, dimension: Dimension): number {
  if (dimension === 'agent') return 0;
  let h = 2166136261;
  for (let i = 0; i < recordId.length; i++) h = Math.imul(h ^ recordId.charCodeAt(i), 16777619);
  return (h >>> 0) % METRIC_SHARDS;
}

export class DynamoMetricsRepository implements MetricsRepository {
  constructor(private readonly table: DynamoTable, private readonly now: () => Date = () => new Date()) {}

  async fold(tenantId: string, recordId: string, cells: readonly { cell: AggregateCell; measures: Measures }[]): Promise<'applied' | 'duplicate'> {
    const written = cells.filter(({ measures }) => Object.keys(measures).length > 0);
    let applied = false;
    for (let chunk = 0; chunk * CELLS_PER_TRANSACTION < Math.max(1, written.length); chunk++) {
      const part = written.slice(chunk * CELLS_PER_TRANSACTION, (chunk + 1) * CELLS_PER_TRANSACTION);
      if ((await this.addOnce(tenantId, `${recordId}#${chunk}`, recordId, part)) === 'applied') applied = true;
    }
    return applied ? 'applied' : 'duplicate';
  }

  async read(tenantId: string, dimension: Dimension, values: readonly string[], period: { kind: 'I' | 'D'; from: string; to: string }): Promise<StoredCell[]> {
    const out: StoredCell[] = [];
    for (const value of values) {
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await this.table.documents.send(new QueryCommand({
          TableName: this.table.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': keys.metricCellsOf(tenantId, dimension, value).pk, ':from': `${period.kind}#${period.from}`, ':to': `${period.kind}#${period.to}#S#~` },
          ExclusiveStartKey,
        }));
        for (const item of page.Items ?? []) out.push(toCell(item, dimension, value));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
    }
    return out;
  }

  /** Writes the chunk's cells with its mark; `'duplicate'` when the mark was there. */
  private async addOnce(tenantId: string, markId: string, recordId: string, cells: readonly { cell: AggregateCell; measures: Measures }[]): Promise<'applied' | 'duplicate'> {
    const now = Math.floor(this.now().getTime() / 1000);
    const mark = { Put: { TableName: this.table.tableName, Item: { ...keys.metricMark(tenantId, markId), entity: 'metricMark', tenantId, expiresAt: now + MARK_TTL_SECONDS }, ConditionExpression: 'attribute_not_exists(pk)' } };
    for (let attempt = 1; ; attempt++) {
      const stored = await this.storedMaxima(tenantId, recordId, cells);
      const TransactItems = [mark, ...cells.map(({ cell, measures }, i) => ({ Update: this.cellUpdate(tenantId, recordId, cell, measures, now, stored[i]!) }))];
      try {
        await this.table.documents.send(new TransactWriteCommand({ TransactItems }));
        return 'applied';
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'duplicate';
        // Another record raised a maximum since it was read, or wrote a cell at the same moment: read and try again.
        const retryable = reasons.some((r) => r.Code === 'TransactionConflict' || r.Code === 'ConditionalCheckFailed');
        if (!retryable || attempt >= CONFLICT_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
      }
    }
  }

  /** Each cell's stored maxima (only for cells that carry one), read consistently in one request per chunk. */
  private async storedMaxima(tenantId: string, recordId: string, cells: readonly { cell: AggregateCell; measures: Measures }[]): Promise<Partial<Record<MaxMeasure, number>>[]> {
    const stored = cells.map((): Partial<Record<MaxMeasure, number>> => ({}));
    const wanted = new Map<string, number>();
    cells.forEach(({ cell, measures }, i) => {
      if (Object.keys(measures).some(isMaxMeasure)) wanted.set(JSON.stringify(this.cellKey(tenantId, recordId, cell)), i);
    });
    let keysLeft = [...wanted.keys()].map((key) => JSON.parse(key) as { pk: string; sk: string });
    while (keysLeft.length > 0) {
      const { Responses, UnprocessedKeys } = await this.table.documents.send(new BatchGetCommand({ RequestItems: { [this.table.tableName]: { Keys: keysLeft, ConsistentRead: true } } }));
      for (const item of Responses?.[this.table.tableName] ?? []) {
        const i = wanted.get(JSON.stringify({ pk: item['pk'], sk: item['sk'] }))!;
        for (const [name, value] of Object.entries(item)) if (name.startsWith(MEASURE_PREFIX) && isMaxMeasure(name.slice(MEASURE_PREFIX.length)) && typeof value === 'number') stored[i]![name.slice(MEASURE_PREFIX.length) as MaxMeasure] = value;
      }
      keysLeft = (UnprocessedKeys?.[this.table.tableName]?.Keys ?? []) as { pk: string; sk: string }[];
      if (keysLeft.length > 0) await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
    }
    return stored;
  }

  private cellKey(tenantId: string, recordId: string, cell: AggregateCell) {
    return keys.metricCell(tenantId, cell.dimension, cell.value, periodKey(cell), shardOf(recordId, cell.dimension));
  }

  /** Adds the sums and sets each maximum larger than the stored one, on the condition that the stored one is still smaller. */
  private cellUpdate(tenantId: string, recordId: string, cell: AggregateCell, measures: Measures, now: number, stored: Partial<Record<MaxMeasure, number>>) {
    const names: Record<string, string> = { '#dimension': 'dimension', '#value': 'value' };
    const values: Record<string, unknown> = { ':entity': 'metricCell', ':tenant': tenantId, ':dimension': cell.dimension, ':value': cell.value, ':period': periodKey(cell), ':expires': now + (cell.period.kind === 'I' ? INTERVAL_TTL_SECONDS : DAY_TTL_SECONDS) };
    const sets = ['entity = :entity', 'tenantId = :tenant', '#dimension = :dimension', '#value = :value', 'period = :period', 'expiresAt = :expires'];
    const adds: string[] = [];
    const conditions: string[] = [];
    Object.entries(measures).forEach(([measure, value], i) => {
      if (isMaxMeasure(measure)) {
        const current = stored[measure];
        if (current !== undefined && current >= value) return;
        names[`#m${i}`] = `${MEASURE_PREFIX}${measure}`;
        values[`:m${i}`] = value;
        sets.push(`#m${i} = :m${i}`);
        conditions.push(`(attribute_not_exists(#m${i}) OR #m${i} < :m${i})`);
        return;
      }
      if (value === 0) return;
      names[`#m${i}`] = `${MEASURE_PREFIX}${measure}`;
      values[`:m${i}`] = value;
      adds.push(`#m${i} :m${i}`);
    });
    return {
      TableName: this.table.tableName,
      Key: this.cellKey(tenantId, recordId, cell),
      UpdateExpression: `SET ${sets.join(', ')}${adds.length > 0 ? ` ADD ${adds.join(', ')}` : ''}`,
      ...(conditions.length > 0 && { ConditionExpression: conditions.join(' AND ') }),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    };
  }
}

function toCell(item: Record<string, unknown>, dimension: Dimension, value: string): StoredCell {
  const measures: Measures = {};
  for (const [name, v] of Object.entries(item)) if (name.startsWith(MEASURE_PREFIX) && typeof v === 'number') measures[name.slice(MEASURE_PREFIX.length) as Measure] = v;
  const period = String(item['period']);
  return { dimension, value, period: period.startsWith('I#') ? { kind: 'I', start: period.slice(2) } : { kind: 'D', date: period.slice(2) }, measures };
}
