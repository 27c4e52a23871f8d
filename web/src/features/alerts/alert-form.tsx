import { useState, type FormEvent } from 'react';
import type { Agent } from '@cc/shared/agents/model';
import type { AlertRule } from '@cc/shared/alerts/model';
import { ALERT_LIMITS, COMPARISONS } from '@cc/shared/alerts/values';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { ProblemError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/provider.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useApi } from '../auth/session.tsx';
import { bodyOf, serverErrors, type AlertDraft, type AlertErrors, type AlertField, type Scope } from './alert-draft.ts';

const SCOPES: readonly Scope[] = ['queue', 'tenant', 'agent'];

/** Creates or edits one rule; the fields the API refuses are marked with its reason. */
export function AlertForm({ initial, metrics, queues, agents, onSaved, onCancel }: {
  initial: AlertDraft;
  metrics: readonly MetricView[];
  queues: readonly TenantQueue[];
  agents: readonly Agent[];
  onSaved(rule: AlertRule): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<AlertErrors>({});
  const [busy, setBusy] = useState(false);
  const metric = metrics.find((m) => m.id === draft.metric);
  const fitting = metrics.filter((m) => m.dimensions.includes(draft.scope));
  const change = (patch: Partial<AlertDraft>) => setDraft({ ...draft, ...patch });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = bodyOf(draft);
    if ('errors' in result) return setErrors(result.errors);
    setBusy(true);
    setErrors({});
    const { body } = result;
    const saving = draft.alertId
      ? api.updateAlert(draft.alertId, { ...body, name: body.name ?? null, queueId: body.queueId ?? null, agentId: body.agentId ?? null })
      : api.createAlert(body);
    saving.then(onSaved, (error: unknown) => setErrors(error instanceof ProblemError ? serverErrors(error) : { form: 'alerts.error.save' })).finally(() => setBusy(false));
  };

  const message = (field: AlertField) => errors[field] && (
    <span className="field__error" id={`alert-error-${field}`}>
      {t(errors[field] as MessageKey)}
    </span>
  );
  const invalid = (field: AlertField) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `alert-error-${field}` } : {});
  const group = (source: 'live' | 'interval') => fitting.filter((m) => m.source === source);

  return (
    <form className="card alert-form" onSubmit={submit} aria-label={draft.alertId ? t('alerts.edit') : t('alerts.add')} data-testid="alert-form" noValidate>
      <div className="alert-form__row">
        <label className="field">
          <span className="field__label">{t('alerts.scope')}</span>
          <select className="input" value={draft.scope} onChange={(e) => change({ scope: e.target.value as Scope })} {...invalid('scope')}>
            {SCOPES.map((s) => (
              <option key={s} value={s}>{t(`alerts.scope.${s}`)}</option>
            ))}
          </select>
        </label>
        {draft.scope === 'queue' && (
          <label className="field">
            <span className="field__label">{t('alerts.scope.queue')}</span>
            <select className="input" value={draft.queueId} onChange={(e) => change({ queueId: e.target.value })} {...invalid('scope')}>
              <option value="">{t('alerts.scope.pickQueue')}</option>
              {queues.map((q) => <option key={q.queueId} value={q.queueId}>{q.name}</option>)}
            </select>
          </label>
        )}
        {draft.scope === 'agent' && (
          <label className="field">
            <span className="field__label">{t('alerts.scope.agent')}</span>
            <select className="input" value={draft.agentId} onChange={(e) => change({ agentId: e.target.value })} {...invalid('scope')}>
              <option value="">{t('alerts.scope.pickAgent')}</option>
              {agents.map((a) => <option key={a.agentId} value={a.agentId}>{a.name}</option>)}
            </select>
          </label>
        )}
      </div>
      {message('scope')}
      <div className="alert-form__row">
        <label className="field">
          <span className="field__label">{t('alerts.metric')}</span>
          <select className="input" value={draft.metric} onChange={(e) => change({ metric: e.target.value })} {...invalid('metric')}>
            {!metric?.dimensions.includes(draft.scope) && <option value={draft.metric}>{metric?.name[locale] ?? draft.metric}</option>}
            {(['live', 'interval'] as const).map((source) => (
              <optgroup key={source} label={t(`alerts.metric.${source}`)}>
                {group(source).map((m) => <option key={m.id} value={m.id}>{m.name[locale]}</option>)}
              </optgroup>
            ))}
          </select>
          {metric && <span className="alert-form__hint">{metric.description[locale]}</span>}
          {message('metric')}
        </label>
        <label className="field">
          <span className="field__label">{t('alerts.comparison')}</span>
          <select className="input" value={draft.comparison} onChange={(e) => change({ comparison: e.target.value as AlertDraft['comparison'] })}>
            {COMPARISONS.map((c) => <option key={c} value={c}>{t(`alerts.comparison.${c}`)}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('alerts.threshold')}</span>
          <input className="input" inputMode="decimal" value={draft.threshold} onChange={(e) => change({ threshold: e.target.value })} {...invalid('threshold')} />
          {metric && <span className="alert-form__hint">{t(`alerts.threshold.unit.${metric.unit}`)}</span>}
          {message('threshold')}
        </label>
      </div>
      <div className="alert-form__row">
        <label className="field">
          <span className="field__label">{t('alerts.window')}</span>
          <input className="input" inputMode="numeric" value={draft.windowSeconds} onChange={(e) => change({ windowSeconds: e.target.value })} {...invalid('windowSeconds')} />
          <span className="alert-form__hint">{t(metric?.source === 'interval' ? 'alerts.window.interval' : 'alerts.window.live')}</span>
          {message('windowSeconds')}
        </label>
        <label className="field">
          <span className="field__label">{t('alerts.quiet')}</span>
          <input className="input" inputMode="numeric" value={draft.quietSeconds} onChange={(e) => change({ quietSeconds: e.target.value })} {...invalid('quietSeconds')} />
          <span className="alert-form__hint">{t('alerts.quiet.hint')}</span>
          {message('quietSeconds')}
        </label>
        <label className="field">
          <span className="field__label">{t('alerts.name')}</span>
          <input className="input" value={draft.name} maxLength={ALERT_LIMITS.nameMaxLength} onChange={(e) => change({ name: e.target.value })} />
          <span className="alert-form__hint">{t('alerts.name.hint')}</span>
        </label>
      </div>
      <label className="field">
        <span className="field__label">{t('alerts.recipients')}</span>
        <textarea className="input" rows={3} value={draft.recipients} onChange={(e) => change({ recipients: e.target.value })} placeholder="duty@example.com&#10;+79161234567" {...invalid('recipients')} />
        <span className="alert-form__hint">{t('alerts.recipients.hint')}</span>
        {message('recipients')}
      </label>
      <label className="alert-form__check">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => change({ enabled: e.target.checked })} />
        <span>{t('alerts.enabled')}</span>
      </label>
      {errors.form && (
        <p className="alert alert--error" role="alert">
          {t(errors.form)}
          {errors.detail && <>: {errors.detail}</>}
        </p>
      )}
      <div className="admin-list__actions">
        <button type="submit" className="button button--primary" disabled={busy}>{draft.alertId ? t('alerts.save') : t('alerts.create')}</button>
        <button type="button" className="button button--subtle" onClick={onCancel}>{t('alerts.cancel')}</button>
      </div>
    </form>
  );
}
