import { describe, expect, it } from 'vitest';
import type { ReportRow } from '@cc/shared/metrics/report';
import { MAX_LINES, rankGroups, seriesOf } from './report-data.ts';
import { bucketLabel } from './report-charts.tsx';

const row = (queueId: string, intervalStart: string, handled: number | null): ReportRow => ({ group: { queueId }, intervalStart, values: { contacts_handled: handled } });

describe('report data for the charts', () => {
  it('ranks groups by the charted metric, no data last', () => {
    const totals = [row('sales', 'T', 3), row('support', 'T', 9), row('vip', 'T', null)];
    expect(rankGroups(totals, 'queue', 'contacts_handled', (id) => id.toUpperCase()).map((g) => [g.id, g.name, g.value])).toEqual([['support', 'SUPPORT', 9], ['sales', 'SALES', 3], ['vip', 'VIP', null]]);
  });

  it('builds one point per bucket in time order with a value per shown group', () => {
    const rows = [row('sales', '2026-12-03T11:00:00+03:00', 2), row('sales', '2026-12-03T10:00:00+03:00', 1), row('support', '2026-12-03T10:00:00+03:00', 5), row('vip', '2026-12-03T10:00:00+03:00', 7)];
    const series = seriesOf(rows, 'queue', 'contacts_handled', [{ id: 'support', name: 'Поддержка' }, { id: 'sales', name: 'Продажи' }]);
    expect(series.groups.map((g) => g.id)).toEqual(['support', 'sales']);
    expect(series.points).toEqual([
      { bucket: '2026-12-03T10:00:00+03:00', values: { sales: 1, support: 5 } },
      { bucket: '2026-12-03T11:00:00+03:00', values: { sales: 2 } },
    ]);
  });

  it('keeps the chart to the largest groups', () => {
    const groups = Array.from({ length: 12 }, (_, i) => ({ id: `q${i}`, name: `Q${i}` }));
    expect(seriesOf([], 'queue', 'contacts_handled', groups).groups).toHaveLength(MAX_LINES);
  });

  it('labels buckets with the tenant’s wall clock', () => {
    expect(bucketLabel('2026-12-03T10:00:00+03:00', 'hour', 'ru', false)).toBe('10:00');
    expect(bucketLabel('2026-12-03T10:00:00+03:00', 'hour', 'en', true)).toBe('Dec 3 10:00');
    expect(bucketLabel('2026-12-01T00:00:00+03:00', 'month', 'en', true)).toBe('Dec 2026');
  });
});
