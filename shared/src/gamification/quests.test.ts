// Quests' progress and the leaderboard's ranking.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rankRows } from './leaderboard.ts';
import { questProgress, takesPart } from './quests.ts';

const quest = { steps: [{ stepId: 'callbacks', label: { ru: 'Перезвонить', en: 'Call back' }, metric: 'callbacks_completed', target: 5 }, { stepId: 'handled', label: { ru: 'Обслужить', en: 'Handle' }, metric: 'contacts_handled', target: 20 }] };

describe('questProgress', () => {
  it('counts each step towards its target and completes when every step is done', () => {
    expect(questProgress(quest, { agentId: 'anna', values: { callbacks_completed: 5, contacts_handled: 12 } })).toEqual({ complete: false, steps: [{ stepId: 'callbacks', value: 5, target: 5, done: true }, { stepId: 'handled', value: 12, target: 20, done: false }] });
    expect(questProgress(quest, { agentId: 'anna', values: { callbacks_completed: 6, contacts_handled: 20 } }).complete).toBe(true);
    expect(questProgress(quest, undefined).steps.map((s) => s.value)).toEqual([0, 0]);
  });

  it('lets the agents of the quest’s queues take part, or everyone', () => {
    expect(takesPart({ queueIds: [], enabled: true }, [])).toBe(true);
    expect(takesPart({ queueIds: ['sales'], enabled: true }, ['support'])).toBe(false);
    expect(takesPart({ queueIds: ['sales'], enabled: true }, ['support', 'sales'])).toBe(true);
    expect(takesPart({ queueIds: [], enabled: false }, ['sales'])).toBe(false);
  });
});

describe('rankRows', () => {
  it('ranks best first in the metric’s direction, ties sharing a rank, agents without a figure last', () => {
    const rows = [{ agentId: 'a', name: 'Анна', value: 30, points: 0 }, { agentId: 'b', name: 'Борис', value: 10, points: 0 }, { agentId: 'c', name: 'Вера', value: 30, points: 0 }, { agentId: 'd', name: 'Глеб', value: null, points: 0 }];
    expect(rankRows(rows, 'higher').map((r) => [r.agentId, r.rank])).toEqual([['a', 1], ['c', 1], ['b', 3], ['d', null]]);
    expect(rankRows(rows, 'lower').map((r) => [r.agentId, r.rank])).toEqual([['b', 1], ['a', 2], ['c', 2], ['d', null]]);
  });

  it('never ranks a worse figure above a better one, and gives rank 1 to the best (property)', () => {
    fc.assert(fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }), { minLength: 1, maxLength: 12 }), fc.constantFrom('higher' as const, 'lower' as const), (values, better) => {
      const ranked = rankRows(values.map((value, i) => ({ agentId: `a${i}`, name: `Agent ${i}`, value, points: 0 })), better);
      const withRank = ranked.filter((r) => r.rank !== null);
      if (withRank.length > 0) expect(withRank[0]!.rank).toBe(1);
      for (let i = 1; i < withRank.length; i += 1) {
        const [prev, next] = [withRank[i - 1]!, withRank[i]!];
        expect(better === 'higher' ? prev.value! >= next.value! : prev.value! <= next.value!).toBe(true);
        expect(next.rank! >= prev.rank!).toBe(true);
        expect(next.rank === prev.rank).toBe(next.value === prev.value);
      }
      expect(ranked.length).toBe(values.length);
    }));
  });
});
