import { describe, expect, it } from 'vitest';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import type { Attainment } from '@cc/shared/plans/values';
import { ProblemError } from '../../api/errors.ts';
import { translate, type MessageKey, type MessageVars } from '../../i18n/messages.ts';
import { attainmentState, attainmentWords, barWidth, planErrors, planTitle, scopeText } from './plan-view.ts';

const at = (a: Partial<Attainment>): Attainment => ({ percent: 50, met: false, elapsed: 0.5, expected: null, pace: null, ...a });
const t = (key: MessageKey, vars?: MessageVars) => translate('ru', key, vars);
const names = { queues: new Map([['support', 'Поддержка']]), agents: new Map([['u-agent-1', 'Анна Петрова']]) };

describe('attainment as shown', () => {
  it('colours a volume by its pace and an average or rate by whether it met the target, with words for each', () => {
    expect([attainmentState(at({ pace: 'on_pace', expected: 30 })), attainmentWords(at({ pace: 'on_pace', expected: 30 }))]).toEqual(['good', 'attainment.pace.on_pace']);
    expect([attainmentState(at({ pace: 'behind', expected: 30 })), attainmentWords(at({ pace: 'behind', expected: 30 }))]).toEqual(['poor', 'attainment.pace.behind']);
    expect([attainmentState(at({ met: true, percent: 106 })), attainmentWords(at({ met: true, percent: 106 }))]).toEqual(['good', 'attainment.met']);
    expect([attainmentState(at({ met: false, percent: 93 })), attainmentWords(at({ met: false, percent: 93 }))]).toEqual(['poor', 'attainment.notMet']);
    expect([attainmentState(at({ percent: null, met: null })), attainmentWords(at({ percent: null, met: null }))]).toEqual(['none', 'attainment.noData']);
  });

  it('fills the bar up to the attainment and no further than its width', () => {
    expect([barWidth(null), barWidth(42.5), barWidth(133.3)]).toEqual([0, 42.5, 100]);
  });

  it('titles a plan by its name or its metric, and says whom it is for', () => {
    const metrics = new Map([['contacts_handled', { name: { ru: 'Обслужено', en: 'Contacts handled' } } as MetricView]]);
    expect(planTitle({ metric: 'contacts_handled' }, metrics, 'en')).toBe('Contacts handled');
    expect(planTitle({ metric: 'contacts_handled', name: 'Норма дня' }, metrics, 'en')).toBe('Норма дня');
    expect(scopeText({ dimension: 'queue', value: 'support' }, t, names)).toBe('Команда «Поддержка»');
    expect(scopeText({ dimension: 'agent' }, t, names)).toBe('Каждый оператор');
    expect(scopeText({ dimension: 'agent', value: 'u-agent-1' }, t, names)).toBe('Анна Петрова');
    expect(scopeText({ dimension: 'tenant' }, t, names)).toBe('Вся компания');
  });
});

describe('a refused plan', () => {
  const problem = (status: number, body: object) => new ProblemError(status, { type: 'x', title: 'x', status, ...body });

  it('marks each field the server named, and the form', () => {
    const errors = planErrors(problem(400, { errors: [{ path: 'scope.value', message: 'No queue "x"' }, { path: 'target', message: 'at most 100' }, { path: 'target', message: 'again' }] }));
    expect(errors).toEqual({ scope: 'plans.error.scope', target: 'plans.error.target', form: 'plans.form.fix' });
  });

  it('tells an existing plan from one changed meanwhile, and anything else from both', () => {
    expect(planErrors(problem(409, { reason: 'plan_exists' }))).toEqual({ metric: 'plans.error.exists', form: 'plans.form.fix' });
    expect(planErrors(problem(409, { reason: 'plan_changed' }))).toEqual({ form: 'plans.error.changed' });
    expect(planErrors(problem(400, { reason: 'too_many_plans' }))).toEqual({ form: 'plans.error.tooMany' });
    expect(planErrors(problem(500, {}))).toEqual({ form: 'plans.error.save' });
    expect(planErrors(new Error('offline'))).toEqual({ form: 'plans.error.save' });
  });
});
