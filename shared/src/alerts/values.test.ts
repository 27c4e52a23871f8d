import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, type AlertState } from './values.ts';

const rule = { comparison: 'gt' as const, threshold: 0, quietSeconds: 60 };
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 3, 9, 0, seconds));

function run(values: [number, number | null][]) {
  let state: AlertState = { firing: false };
  const notices: string[] = [];
  for (const [second, value] of values) {
    const decision = decide(rule, state, value, at(second));
    state = decision.state;
    if (decision.notice) notices.push(`${decision.notice}@${second}`);
  }
  return { state, notices };
}

describe('alert decisions', () => {
  it('fires once when the value crosses and recovers once when it comes back', () => {
    expect(run([[0, 0], [10, 2], [20, 3], [30, 5], [100, 0], [110, 0]]).notices).toEqual(['fired@10', 'recovered@100']);
  });

  it('keeps a flapping value quiet within the quiet period', () => {
    expect(run([[0, 1], [10, 0], [20, 1], [30, 0], [50, 0]]).notices).toEqual(['fired@0']);
    expect(run([[0, 1], [10, 0], [20, 1], [30, 0], [90, 0]]).notices).toEqual(['fired@0', 'recovered@90']);
    expect(run([[0, 1], [10, 0], [20, 1], [30, 0], [90, 1], [200, 0]]).notices).toEqual(['fired@0', 'recovered@200']);
  });

  it('changes nothing on no data', () => {
    expect(run([[0, 1], [10, null], [20, null]]).state.firing).toBe(true);
  });

  it('never sends two notices of the same kind in a row, whatever the values', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.option(fc.integer({ min: -2, max: 2 }), { nil: null })), { maxLength: 60 }), (steps) => {
      let second = 0;
      const { notices } = run(steps.map(([gap, value]) => [(second += gap * 30), value]));
      const kinds = notices.map((n) => n.split('@')[0]);
      for (let i = 1; i < kinds.length; i++) expect(kinds[i]).not.toBe(kinds[i - 1]);
      if (kinds.length > 0) expect(kinds[0]).toBe('fired');
    }));
  });
});
