/**
 * Folding metric events into aggregates: each event counts for the tenant and for every dimension value it
 * carries (queue, agent, channel), in its 15-minute interval and in its local day (the rollup day, week and month
 * reports read). Sums add and maxima take the larger, so folding is commutative; the applied event ids make it
 * idempotent. The stored version does the same with one conditional transaction per stream record.
 */
import type { MetricEvent } from './events.ts';
import { intervalStart } from './intervals.ts';
import { localDate } from '../calendar/values.ts';
import { addMeasures, isMaxMeasure, type Dimension, type Measures } from './values.ts';

/** The tenant dimension's one value. */
export const TENANT_VALUE = '*';

/** Where a measure is kept: a dimension value in a 15-minute interval (`I`) or in a local day (`D`). */
export interface AggregateCell {
  dimension: Dimension;
  value: string;
  period: { kind: 'I'; start: string } | { kind: 'D'; date: string };
}

export const cellKey = (cell: AggregateCell): string =>
  `${cell.dimension}|${cell.value}|${cell.period.kind === 'I' ? `I#${cell.period.start}` : `D#${cell.period.date}`}`;

/** The dimension values an event counts for, the tenant first. */
export function dimensionValues(event: MetricEvent): [Dimension, string][] {
  const out: [Dimension, string][] = [['tenant', TENANT_VALUE]];
  if (event.queueId !== undefined) out.push(['queue', event.queueId]);
  if (event.agentId !== undefined) out.push(['agent', event.agentId]);
  if (event.channel !== undefined) out.push(['channel', event.channel]);
  return out;
}

/** The measures of one event (sums and maxima together). */
export const eventMeasures = (event: MetricEvent): Measures => ({ ...event.add, ...event.max });

/** Adds `from` into `into` in place: sums add, maxima take the larger. */
function addInto(into: Measures, from: Measures): void {
  for (const key in from) {
    const measure = key as keyof Measures;
    const value = from[measure]!;
    const current = into[measure];
    into[measure] = current === undefined ? value : isMaxMeasure(measure) ? Math.max(current, value) : current + value;
  }
}

/** The events' measures per cell, summed: what one stored change adds (each cell written once). */
export function foldEvents(events: readonly MetricEvent[], timeZone: string): Map<string, { cell: AggregateCell; measures: Measures }> {
  const cells = new Map<string, { cell: AggregateCell; measures: Measures }>();
  const dates = new Map<string, string>();
  for (const event of events) {
    const start = intervalStart(event.at);
    // An interval never straddles a local midnight, so its start names the day.
    let date = dates.get(start);
    if (date === undefined) dates.set(start, (date = localDate(start, timeZone)));
    const measures = eventMeasures(event);
    for (const [dimension, value] of dimensionValues(event)) {
      for (const period of [{ kind: 'I', start }, { kind: 'D', date }] as const) {
        const key = `${dimension}|${value}|${period.kind === 'I' ? `I#${start}` : `D#${date}`}`;
        const current = cells.get(key);
        if (current) addInto(current.measures, measures);
        else cells.set(key, { cell: { dimension, value, period }, measures: { ...measures } });
      }
    }
  }
  return cells;
}

/** Aggregates as a pure value: the cells and the ids of the events already in them. */
export interface Aggregates {
  readonly applied: ReadonlySet<string>;
  readonly cells: ReadonlyMap<string, Measures>;
}

export const EMPTY_AGGREGATES: Aggregates = { applied: new Set(), cells: new Map() };

/** `state` with the events not yet applied folded in (a redelivered event changes nothing). */
export function applyEvents(state: Aggregates, events: readonly MetricEvent[], timeZone: string): Aggregates {
  const applied = new Set(state.applied);
  const fresh = events.filter((e) => (applied.has(e.id) ? false : (applied.add(e.id), true)));
  const cells = new Map(state.cells);
  for (const [key, { measures }] of foldEvents(fresh, timeZone)) {
    const current = cells.get(key);
    cells.set(key, current ? addMeasures(current, measures) : measures);
  }
  return { applied, cells };
}
