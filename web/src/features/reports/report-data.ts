/** Report rows reshaped for the charts and the totals table (pure, so it is tested without a browser). */
import type { ReportRow } from '@cc/shared/metrics/report';
import type { GroupBy } from '@cc/shared/metrics/values';

/** At most this many lines on the trend chart: more would be unreadable. */
export const MAX_LINES = 8;

export interface ReportSeries {
  groups: { id: string; name: string }[];
  points: { bucket: string; values: Record<string, number | null> }[];
}

/** The id of a row's group; the tenant's one row is `*`. */
export const groupIdOf = (row: ReportRow, groupBy: GroupBy): string =>
  (groupBy === 'queue' ? row.group.queueId : groupBy === 'agent' ? row.group.agentId : groupBy === 'channel' ? row.group.channel : undefined) ?? '*';

/** Groups by their value in `totals` for `metric`, largest first (no data last), then by name. */
export function rankGroups(totals: readonly ReportRow[], groupBy: GroupBy, metric: string, nameOf: (id: string) => string): { id: string; name: string; value: number | null }[] {
  return totals
    .map((row) => { const id = groupIdOf(row, groupBy); return { id, name: nameOf(id), value: row.values[metric] ?? null }; })
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.name.localeCompare(b.name));
}

/** The trend of `metric` for the top groups: one point per bucket, in time order, a value per group. */
export function seriesOf(rows: readonly ReportRow[], groupBy: GroupBy, metric: string, groups: readonly { id: string; name: string }[]): ReportSeries {
  const shown = groups.slice(0, MAX_LINES);
  const wanted = new Set(shown.map((g) => g.id));
  const points = new Map<string, Record<string, number | null>>();
  for (const row of rows) {
    const id = groupIdOf(row, groupBy);
    if (!wanted.has(id)) continue;
    const values = points.get(row.intervalStart) ?? {};
    values[id] = row.values[metric] ?? null;
    points.set(row.intervalStart, values);
  }
  return { groups: shown.map(({ id, name }) => ({ id, name })), points: [...points].sort(([a], [b]) => a.localeCompare(b)).map(([bucket, values]) => ({ bucket, values })) };
}
