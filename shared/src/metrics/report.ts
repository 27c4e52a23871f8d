/**
 * Reports from stored aggregates: cells (one per dimension value and 15-minute interval or local day, possibly
 * several shards each) summed into the requested buckets and turned into metric values. Pure; the repository
 * reads the cells, the route pages and formats the rows.
 */
import type { IntervalMetric } from './catalog/index.ts';
import type { AggregateCell } from './fold.ts';
import { evaluate, type Formula } from './formula.ts';
import { bucketOf, readsDays } from './intervals.ts';
import { datesBetween, localDate, localIso, startOfLocalDate } from '../calendar/values.ts';
import { addMeasures, INTERVAL_MS, type GroupBy, type Measures, type ReportInterval } from './values.ts';

/** One stored cell as read back. */
export interface StoredCell extends AggregateCell {
  measures: Measures;
}

export interface ReportRequest {
  groupBy: GroupBy;
  /** Which cells were read: 15-minute (`I`) or day (`D`) ones (see `readsDays`). */
  cells: 'I' | 'D';
  interval: ReportInterval;
  metrics: readonly IntervalMetric[];
  timeZone: string;
  /** ISO instants, `from` inclusive, `to` exclusive. */
  from: string;
  to: string;
  /** Groups to show even without data (the tenant's queues or agents); others appear when they have data. */
  groups?: readonly string[];
}

export interface ReportRow {
  group: { queueId?: string; agentId?: string; channel?: string };
  /** The bucket's start in the tenant's zone, e.g. `2026-12-03T00:00:00+03:00`. */
  intervalStart: string;
  values: Record<string, number | null>;
}

/** One page of `GET /api/reports`. */
export interface ReportPage {
  groupBy: GroupBy;
  interval: ReportInterval;
  from: string;
  to: string;
  timeZone: string;
  metrics: string[];
  rows: ReportRow[];
  nextCursor?: string;
}

const GROUP_FIELD = { queue: 'queueId', agent: 'agentId', channel: 'channel' } as const;

/** Every bucket of the range, in order (a report row exists for each, so a chart line has no gaps). */
export function bucketsBetween(interval: ReportInterval, from: string, to: string, timeZone: string): string[] {
  if (interval === 'total') return [localIso(new Date(from), timeZone)];
  const out = new Set<string>();
  const end = Date.parse(to);
  if (readsDays(interval)) {
    const last = localDate(new Date(end - 1), timeZone);
    for (const date of datesBetween(localDate(from, timeZone), last)) out.add(bucketOf(interval, startOfLocalDate(date, timeZone), timeZone));
  } else {
    for (let at = Math.floor(Date.parse(from) / INTERVAL_MS) * INTERVAL_MS; at < end; at += INTERVAL_MS) out.add(bucketOf(interval, new Date(at), timeZone));
  }
  return [...out];
}

/** The bucket a stored cell of the kind read falls in. */
function bucketOfCell(cell: AggregateCell, request: ReportRequest, total: string): string | undefined {
  const { interval, timeZone } = request;
  if (cell.period.kind !== request.cells) return undefined;
  if (cell.period.kind === 'D') {
    const { date } = cell.period;
    if (interval === 'total') return date >= localDate(request.from, timeZone) && date <= localDate(new Date(Date.parse(request.to) - 1), timeZone) ? total : undefined;
    return bucketOf(interval, startOfLocalDate(date, timeZone), timeZone);
  }
  const start = Date.parse(cell.period.start);
  if (interval === 'total') return start >= Date.parse(request.from) && start < Date.parse(request.to) ? total : undefined;
  return bucketOf(interval, new Date(start), timeZone);
}

/** The report's rows: per group (sorted) and bucket (in time order), each requested metric's value or `null`. */
export function buildReport(cells: readonly StoredCell[], request: ReportRequest): ReportRow[] {
  const { groupBy, interval, timeZone } = request;
  const buckets = bucketsBetween(interval, request.from, request.to, timeZone);
  const inRange = new Set(buckets);
  const sums = new Map<string, Map<string, Measures>>();
  for (const group of request.groups ?? []) sums.set(group, new Map());
  for (const cell of cells) {
    if (cell.dimension !== groupBy) continue;
    const bucket = bucketOfCell(cell, request, buckets[0]!);
    if (bucket === undefined || !inRange.has(bucket)) continue;
    const byBucket = sums.get(cell.value) ?? new Map<string, Measures>();
    byBucket.set(bucket, addMeasures(byBucket.get(bucket) ?? {}, cell.measures));
    sums.set(cell.value, byBucket);
  }
  const rows: ReportRow[] = [];
  for (const group of [...sums.keys()].sort()) {
    const byBucket = sums.get(group)!;
    for (const bucket of buckets) {
      const measures = byBucket.get(bucket) ?? {};
      rows.push({
        group: groupBy === 'tenant' ? {} : { [GROUP_FIELD[groupBy]]: group },
        intervalStart: bucket,
        values: Object.fromEntries(request.metrics.map((m) => [m.id, evaluate(m.formula, measures)])),
      });
    }
  }
  return rows;
}

/** An interval metric's value over a set of cells, summed first (a ratio of sums, never a mean of ratios); `null`: no data. */
export const valueOverCells = (metric: { formula: Formula }, cells: readonly { measures: Measures }[]): number | null =>
  evaluate(metric.formula, cells.reduce<Measures>((sum, cell) => addMeasures(sum, cell.measures), {}));
