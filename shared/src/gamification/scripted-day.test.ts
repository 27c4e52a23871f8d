// The metrics' scripted day (test-day.ts) judged by the built-in achievements: Анна kept a clean sheet and talked
// the most; Борис missed an offer, so no «Голкипер» for him; nobody set a topic on every contact or answered
// everything within four seconds.
import { describe, expect, it } from 'vitest';
import { INTERVAL_METRICS, metricById, type IntervalMetric } from '../metrics/catalog/index.ts';
import { eventsOf } from '../metrics/events-of.ts';
import { applyEvents, EMPTY_AGGREGATES, type AggregateCell } from '../metrics/fold.ts';
import { buildReport, type StoredCell } from '../metrics/report.ts';
import { scriptedDay, TIME_ZONE } from '../metrics/test-day.ts';
import { BUILT_IN_RULES, BUILT_IN_RULE_IDS } from './built-in.ts';
import { winners, type AgentFigures } from './rules.ts';

function dayFigures(): AgentFigures[] {
  let state = EMPTY_AGGREGATES;
  for (const record of scriptedDay().records) state = applyEvents(state, eventsOf(record), TIME_ZONE);
  const cells: StoredCell[] = [...state.cells].map(([key, measures]) => {
    const [dimension, value, period] = key.split('|') as [AggregateCell['dimension'], string, string];
    return { dimension, value, period: period.startsWith('I#') ? { kind: 'I', start: period.slice(2) } : { kind: 'D', date: period.slice(2) }, measures };
  });
  const rows = buildReport(cells, { groupBy: 'agent', interval: 'total', cells: 'D', metrics: INTERVAL_METRICS.filter((m) => m.dimensions.includes('agent')), timeZone: TIME_ZONE, from: '2026-12-01T21:00:00.000Z', to: '2026-12-02T21:00:00.000Z', groups: ['anna', 'boris'] });
  return rows.map((row) => ({ agentId: row.group.agentId!, values: row.values }));
}

describe('the scripted day’s achievements', () => {
  it('gives exactly «Голкипер» and «Спикер» to Анна and nothing to Борис', () => {
    const figures = dayFigures();
    const awarded = BUILT_IN_RULE_IDS.flatMap((id) => winners(BUILT_IN_RULES[id], metricById(BUILT_IN_RULES[id].metric) as IntervalMetric, figures, true).map((w) => `${w.agentId}:${id}`));
    expect(awarded.sort()).toEqual(['anna:goalkeeper', 'anna:speaker']);
  });
});
