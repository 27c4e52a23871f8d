/** Plans and attainment as the console words and colours them (pure, so it is tested without a browser). */
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import type { Attainment, AttainmentSubject, Plan, PlanScope } from '@cc/shared/plans/values';
import { ProblemError } from '../../api/errors.ts';
import type { Locale, MessageKey, MessageVars } from '../../i18n/messages.ts';

type Translate = (key: MessageKey, vars?: MessageVars) => string;

/** The colour of an attainment, always shown with its words: on or ahead of plan, behind it, or nothing yet. */
export type AttainmentState = 'good' | 'poor' | 'none';

export function attainmentState(attainment: Attainment): AttainmentState {
  if (attainment.percent === null) return 'none';
  if (attainment.pace !== null) return attainment.pace === 'behind' ? 'poor' : 'good';
  return attainment.met ? 'good' : 'poor';
}

/** The attainment in words: the pace of a volume, met or not for an average or a rate, or no data yet. */
export function attainmentWords(attainment: Attainment): MessageKey {
  if (attainment.percent === null) return 'attainment.noData';
  if (attainment.pace !== null) return `attainment.pace.${attainment.pace}`;
  return attainment.met ? 'attainment.met' : 'attainment.notMet';
}

/** The progress bar's fill in percent of its width: the attainment, full beyond 100. */
export const barWidth = (percent: number | null): number => (percent === null ? 0 : Math.min(100, Math.max(0, percent)));

/** A plan's title: its name, or the metric's name in the console's language. */
export function planTitle(plan: Pick<Plan, 'name' | 'metric'>, metrics: ReadonlyMap<string, MetricView>, locale: Locale): string {
  return plan.name ?? metrics.get(plan.metric)?.name[locale] ?? plan.metric;
}

export interface Names {
  queues: ReadonlyMap<string, string>;
  agents: ReadonlyMap<string, string>;
}

/** Whom a plan (or an attainment row) is for: the company, a queue's team, an agent by name, or each agent. */
export function scopeText(scope: PlanScope | AttainmentSubject, t: Translate, names: Names): string {
  if (scope.dimension === 'tenant') return t('plans.scope.tenant');
  if (scope.dimension === 'queue') return t('attainment.team', { queue: names.queues.get(scope.value ?? '') ?? scope.value ?? '' });
  if (scope.value === undefined) return t('plans.eachAgent');
  return names.agents.get(scope.value) ?? scope.value;
}

/** The plan form's fields a refusal can point at. */
export type PlanField = 'metric' | 'scope' | 'period' | 'target' | 'name' | 'form';
export type PlanErrors = Partial<Record<PlanField, MessageKey>>;

const FIELD_MESSAGES: Record<Exclude<PlanField, 'form'>, MessageKey> = {
  metric: 'plans.error.metric',
  scope: 'plans.error.scope',
  period: 'plans.error.period',
  target: 'plans.error.target',
  name: 'plans.error.name',
};

/** The server's refusal as messages by field: a 400's `errors[]` by path, a 409 for a plan that exists or changed. */
export function planErrors(error: unknown): PlanErrors {
  if (!(error instanceof ProblemError)) return { form: 'plans.error.save' };
  const reason = error.problem?.reason;
  if (error.status === 409 && reason === 'plan_exists') return { metric: 'plans.error.exists', form: 'plans.form.fix' };
  if (error.status === 409) return { form: 'plans.error.changed' };
  if (error.status === 400 && reason === 'too_many_plans') return { form: 'plans.error.tooMany' };
  if (error.status !== 400) return { form: 'plans.error.save' };
  const errors: PlanErrors = {};
  for (const issue of (error.problem?.errors ?? []) as { path?: unknown }[]) {
    const head = String(issue.path ?? '').split('.')[0] as PlanField;
    if (head in FIELD_MESSAGES) errors[head as Exclude<PlanField, 'form'>] ??= FIELD_MESSAGES[head as Exclude<PlanField, 'form'>];
  }
  errors.form = Object.keys(errors).length > 0 ? 'plans.form.fix' : 'plans.error.save';
  return errors;
}
