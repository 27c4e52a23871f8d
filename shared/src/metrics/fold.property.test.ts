// Stream records may be redelivered and, across items, arrive in any order: folding the scripted day's records
// shuffled and with duplicates must give exactly the aggregates of folding each once, in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventsOf } from './events-of.ts';
import { applyEvents, EMPTY_AGGREGATES, type Aggregates } from './fold.ts';
import { scriptedDay, TIME_ZONE } from './test-day.ts';
import type { Measures } from './values.ts';

const records = scriptedDay().records;

const fold = (order: readonly number[]): Aggregates => order.reduce((state, i) => applyEvents(state, eventsOf(records[i]!), TIME_ZONE), EMPTY_AGGREGATES);

/** Cells rounded to the microsecond: float sums in another order may differ in the last bit. */
const comparable = (state: Aggregates) => [...state.cells].sort(([a], [b]) => a.localeCompare(b)).map(([key, m]) => [key, Object.fromEntries(Object.entries(m as Measures).sort().map(([k, v]) => [k, Math.round(v * 1e6) / 1e6]))]);

describe('folding metric events', () => {
  const inOrder = comparable(fold(records.map((_, i) => i)));

  it('gives the same aggregates for any order of the records, with any of them delivered again', () => {
    const deliveries = fc.tuple(fc.shuffledSubarray(records.map((_, i) => i), { minLength: records.length, maxLength: records.length }), fc.array(fc.nat(records.length - 1), { maxLength: 40 }))
      .chain(([shuffled, again]) => fc.shuffledSubarray([...shuffled, ...again], { minLength: shuffled.length + again.length, maxLength: shuffled.length + again.length }));
    fc.assert(fc.property(deliveries, (order) => {
      expect(comparable(fold(order))).toEqual(inOrder);
    }), { numRuns: 200 });
  });

  it('keys every event of the day uniquely, so no two changes are mistaken for one', () => {
    const ids = records.flatMap((r) => eventsOf(r).map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(40);
  });
});
