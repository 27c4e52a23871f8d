import { describe, expect, it } from 'vitest';
import { buildFunnel, compareFunnels, emptyCounters, type FunnelCounters } from './funnel.ts';
import { salesSteps, salesVersion } from './test-scripts.ts';

/** Ten runs: 4 sales via «Быстрый», 2 callbacks, 1 refusal via «Эконом», 3 dropped at the question. */
const counters: FunnelCounters = {
  steps: { greet: { reached: 10, dropped: 0 }, need: { reached: 10, dropped: 3 }, 'offer-fast': { reached: 6, dropped: 0 }, 'offer-cheap': { reached: 1, dropped: 0 }, sale: { reached: 4, dropped: 0 }, callback: { reached: 2, dropped: 0 }, refusal: { reached: 1, dropped: 0 } },
  edges: { greet: { next: 10 }, need: { speed: 6, price: 1 }, 'offer-fast': { yes: 4, later: 2 }, 'offer-cheap': { no: 1 } },
  paths: [
    { steps: ['greet', 'need', 'offer-fast', 'sale'], outcome: 'sale', runs: 4 },
    { steps: ['greet', 'need', 'offer-fast', 'callback'], outcome: 'callback', runs: 2 },
    { steps: ['greet', 'need', 'offer-cheap', 'refusal'], outcome: 'refusal', runs: 1 },
    { steps: ['greet', 'need'], runs: 3 },
  ],
};

describe('a script version’s funnel', () => {
  it('gives every stage’s reach, drops and answers, the outcomes and the paths, and names the stage to improve', () => {
    // Act
    const funnel = buildFunnel(salesVersion(), counters);
    // Assert
    expect(funnel).toMatchObject({ started: 10, completed: 7, dropped: 3, active: 0, weakest: 'need' });
    expect(funnel.stages.map((s) => [s.stepId, s.reached, s.reachedShare, s.dropped, s.dropShare])).toEqual([
      ['greet', 10, 100, 0, 0], ['need', 10, 100, 3, 30], ['offer-fast', 6, 60, 0, 0], ['offer-cheap', 1, 10, 0, 0], ['sale', 4, 40, 0, 0], ['callback', 2, 20, 0, 0], ['refusal', 1, 10, 0, 0],
    ]);
    expect(funnel.stages[1]!.answers.map((a) => [a.answerId, a.taken, a.share])).toEqual([['speed', 6, 60], ['price', 1, 10]]);
    expect(funnel.outcomes.map((o) => [o.id, o.runs, o.share])).toEqual([['sale', 4, 40], ['callback', 2, 20], ['refusal', 1, 10]]);
    expect(funnel.paths.map((p) => [p.steps.map((s) => s.title).join(' → '), p.outcome?.id, p.runs])).toEqual([
      ['Приветствие → Потребность → Тариф «Быстрый» → Продажа', 'sale', 4],
      ['Приветствие → Потребность', undefined, 3],
      ['Приветствие → Потребность → Тариф «Быстрый» → Перезвон', 'callback', 2],
      ['Приветствие → Потребность → Тариф «Эконом» → Отказ', 'refusal', 1],
    ]);
  });

  it('has no shares and no weakest stage before any run (no data, never zero)', () => {
    const funnel = buildFunnel(salesVersion(), emptyCounters());
    expect(funnel).toMatchObject({ started: 0, completed: 0, dropped: 0, active: 0 });
    expect(funnel.weakest).toBeUndefined();
    expect(funnel.stages.every((s) => s.reachedShare === null && s.dropShare === null)).toBe(true);
  });

  it('counts runs still followed as active', () => {
    const live = { ...counters, steps: { ...counters.steps, greet: { reached: 12, dropped: 0 } } };
    expect(buildFunnel(salesVersion(), live).active).toBe(2);
  });

  it('compares two versions stage by stage, with stages only the old one had at the end', () => {
    // The new version drops the «Эконом» offer: the question leads to a callback.
    const steps = salesSteps.filter((s) => s.id !== 'offer-cheap').map((s) => (s.id === 'need' ? { ...s, answers: [{ id: 'speed', label: 'Скорость', next: 'offer-fast' }, { id: 'price', label: 'Цена', next: 'callback' }] } : s.id === 'offer-fast' ? { ...s, answers: s.answers!.filter((a) => a.id !== 'no').concat({ id: 'no', label: 'Дорого', next: 'refusal' }) } : s));
    const after = buildFunnel(salesVersion(2, { steps }), { steps: { greet: { reached: 10, dropped: 0 }, need: { reached: 10, dropped: 1 } }, edges: {}, paths: [] });
    const comparison = compareFunnels(buildFunnel(salesVersion(), counters), after);
    expect(comparison.stages.find((s) => s.stepId === 'need')).toMatchObject({ before: { dropShare: 30 }, after: { dropShare: 10 }, dropChange: -20 });
    expect(comparison.stages.at(-1)).toMatchObject({ stepId: 'offer-cheap', reachedChange: null });
    expect(comparison.stages.at(-1)!.after).toBeUndefined();
  });
});
