import { useState, type FormEvent } from 'react';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import { PLAN_DIMENSIONS, PLAN_LIMITS, PLAN_PERIODS, type Plan, type PlanDimension, type PlanPeriod } from '@cc/shared/plans/values';
import { useI18n } from '../../i18n/provider.tsx';
import { formatMetric } from '../reports/metric-format.ts';
import { useApi } from '../auth/session.tsx';
import { planErrors, type PlanErrors, type PlanField } from './plan-view.ts';

interface Draft {
  metric: string;
  dimension: PlanDimension;
  /** The queue or agent; '' for the tenant, or for each agent. */
  value: string;
  period: PlanPeriod;
  target: string;
  name: string;
}

interface Props {
  /** Interval metrics of the catalog, in its order. */
  metrics: readonly MetricView[];
  queues: readonly { queueId: string; name: string }[];
  agents: readonly { agentId: string; name: string }[];
  /** The plan being changed; absent: a new plan. */
  plan?: Plan;
  onSaved(plan: Plan): void;
  onCancel?(): void;
  /** A plan changed meanwhile (409): the list is read again. */
  onStale(): void;
}

const draftOf = (plan: Plan | undefined, metrics: readonly MetricView[]): Draft =>
  plan
    ? { metric: plan.metric, dimension: plan.scope.dimension, value: plan.scope.value ?? '', period: plan.period, target: String(plan.target), name: plan.name ?? '' }
    : { metric: metrics.find((m) => m.id === 'contacts_handled')?.id ?? metrics[0]?.id ?? '', dimension: 'agent', value: '', period: 'day', target: '', name: '' };

/**
 * A new plan (metric from the catalog, for whom, period, target, name) or a change of one's target and name. The
 * server checks everything and answers refused fields by path; each message shows under its field.
 */
export function PlanForm({ metrics, queues, agents, plan, onSaved, onCancel, onStale }: Props) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [draft, setDraft] = useState<Draft>(() => draftOf(plan, metrics));
  const [errors, setErrors] = useState<PlanErrors>({});
  const [busy, setBusy] = useState(false);
  const editing = plan !== undefined;
  const kept = metrics.filter((m) => m.dimensions.includes(draft.dimension));
  const metric = metrics.find((m) => m.id === draft.metric);
  const id = (field: string) => `plan-${plan?.planId.replace(/\W/g, '-') ?? 'new'}-${field}`;
  const change = (patch: Partial<Draft>) => setDraft((d) => {
    const next = { ...d, ...patch };
    // Another audience may not keep the chosen metric: take the first one it keeps.
    if (patch.dimension && !metrics.some((m) => m.id === next.metric && m.dimensions.includes(next.dimension))) next.metric = metrics.find((m) => m.dimensions.includes(next.dimension))?.id ?? '';
    if (patch.dimension) next.value = '';
    return next;
  });
  const fieldError = (field: Exclude<PlanField, 'form'>) => errors[field] && <span className="field__error" id={id(`${field}-error`)}>{t(errors[field])}</span>;
  const invalid = (field: Exclude<PlanField, 'form'>) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': id(`${field}-error`) } : {});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    setBusy(true);
    const target = draft.target.trim() === '' ? Number.NaN : Number(draft.target.replace(',', '.'));
    try {
      const saved = plan
        ? await api.updatePlan(plan.planId, { target, name: draft.name.trim() || null, version: plan.version })
        : await api.createPlan({ metric: draft.metric, scope: { dimension: draft.dimension, ...(draft.value && { value: draft.value }) }, period: draft.period, target, ...(draft.name.trim() && { name: draft.name.trim() }) });
      onSaved(saved);
      if (!plan) setDraft((d) => ({ ...d, target: '', name: '' }));
    } catch (error) {
      const found = planErrors(error);
      setErrors(found);
      if (found.form === 'plans.error.changed') onStale();
    } finally {
      setBusy(false);
    }
  }

  const targetNumber = Number(draft.target.replace(',', '.'));
  return (
    <form className="plan-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t(editing ? 'plans.edit' : 'plans.new')}>
      {errors.form && <p className="alert alert--error" role="alert">{t(errors.form)}</p>}
      {editing && <p className="plan-form__hint">{t('plans.fixedWhat')}</p>}
      <div className="plan-form__fields">
        <div className="field">
          <label className="field__label" htmlFor={id('dimension')}>{t('plans.scope')}</label>
          <select id={id('dimension')} className="input" value={draft.dimension} disabled={editing} onChange={(e) => change({ dimension: e.target.value as PlanDimension })}>
            {PLAN_DIMENSIONS.map((d) => <option key={d} value={d}>{t(`plans.scope.${d}`)}</option>)}
          </select>
        </div>
        {draft.dimension !== 'tenant' && (
          <div className="field">
            <label className="field__label" htmlFor={id('value')}>{t(draft.dimension === 'queue' ? 'plans.queue' : 'plans.agent')}</label>
            <select id={id('value')} className="input" value={draft.value} disabled={editing} onChange={(e) => change({ value: e.target.value })} {...invalid('scope')}>
              {draft.dimension === 'agent' ? <option value="">{t('plans.eachAgent')}</option> : <option value="" disabled>—</option>}
              {draft.dimension === 'queue'
                ? queues.map((q) => <option key={q.queueId} value={q.queueId}>{q.name}</option>)
                : agents.map((a) => <option key={a.agentId} value={a.agentId}>{a.name}</option>)}
            </select>
            {fieldError('scope')}
          </div>
        )}
        <div className="field">
          <label className="field__label" htmlFor={id('metric')}>{t('plans.metric')}</label>
          <select id={id('metric')} className="input" value={draft.metric} disabled={editing} onChange={(e) => change({ metric: e.target.value })} {...invalid('metric')}>
            {(editing ? metrics.filter((m) => m.id === draft.metric) : kept).map((m) => <option key={m.id} value={m.id}>{m.name[locale]}</option>)}
          </select>
          {metric && <span className="plan-form__hint">{t(metric.better === 'lower' ? 'plans.better.lower' : 'plans.better.higher')}</span>}
          {fieldError('metric')}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={id('period')}>{t('plans.period')}</label>
          <select id={id('period')} className="input" value={draft.period} disabled={editing} onChange={(e) => change({ period: e.target.value as PlanPeriod })} {...invalid('period')}>
            {PLAN_PERIODS.map((p) => <option key={p} value={p}>{t(`plans.period.${p}`)}</option>)}
          </select>
          {fieldError('period')}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={id('target')}>{t('plans.target')}</label>
          <span className="plan-form__target">
            <input id={id('target')} className="input" type="number" inputMode="decimal" min={0} step={metric?.unit === 'count' ? 1 : 'any'} value={draft.target} onChange={(e) => change({ target: e.target.value })} {...invalid('target')} />
            {metric && <span className="plan-form__unit">{t(`plans.unit.${metric.unit}`)}</span>}
          </span>
          {metric?.unit === 'seconds' && draft.target !== '' && Number.isFinite(targetNumber) && <span className="plan-form__hint">{t('plans.targetPreview', { value: formatMetric(targetNumber, 'seconds', locale) })}</span>}
          {fieldError('target')}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={id('name')}>{t('plans.name')}</label>
          <input id={id('name')} className="input" value={draft.name} maxLength={PLAN_LIMITS.nameMaxLength} onChange={(e) => change({ name: e.target.value })} {...invalid('name')} />
          {fieldError('name')}
        </div>
      </div>
      <div className="plan-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>{t(editing ? 'plans.save' : 'plans.add')}</button>
        {onCancel && <button type="button" className="button button--subtle" onClick={onCancel}>{t('plans.cancel')}</button>}
      </div>
    </form>
  );
}
