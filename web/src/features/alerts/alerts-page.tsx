import { useEffect, useState } from 'react';
import type { Agent } from '@cc/shared/agents/model';
import type { AlertRule } from '@cc/shared/alerts/model';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import { useMetricCatalog } from '../reports/use-metric-catalog.ts';

const NO_METRICS: MetricView[] = [];
import { EmptyState, LoadFailed } from '../../components/empty-state.tsx';
import { BellIcon } from '../../components/icons.tsx';
import { useToast } from '../../components/toast.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { useQueues } from '../queues/use-queues.ts';
import { useRealtime } from '../shell/realtime-context.tsx';
import { SectionHeader } from '../admin/topics/section-header.tsx';
import { formatMetric } from '../reports/metric-format.ts';
import { draftOf, EMPTY_DRAFT, type AlertDraft } from './alert-draft.ts';
import { AlertForm } from './alert-form.tsx';
import './alerts.css';

/** Supervisors' alert rules: each with its state now, created, edited and deleted in place. */
export function AlertsPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const notify = useToast();
  const { on } = useRealtime();
  const { queues } = useQueues();
  const [rules, setRules] = useState<AlertRule[]>();
  const [failed, setFailed] = useState(false);
  const metrics = useMetricCatalog() ?? NO_METRICS;
  const [agents, setAgents] = useState<Agent[]>([]);
  const [editing, setEditing] = useState<AlertDraft>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setFailed(false);
    api.listAlerts().then((list) => live && setRules(list), () => live && setFailed(true));
    api.listAgents().then((list) => live && setAgents(list), () => undefined);
    return () => {
      live = false;
    };
  }, [api, attempt]);
  // A notice means a rule's state moved: read the states again.
  useEffect(() => on('alert.notice', () => setAttempt((n) => n + 1)), [on]);

  const saved = (rule: AlertRule) => {
    setRules((all) => [...(all ?? []).filter((r) => r.alertId !== rule.alertId), rule].sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
    setEditing(undefined);
  };
  const remove = (rule: AlertRule) => {
    api.deleteAlert(rule.alertId).then(
      () => {
        setRules((all) => (all ?? []).filter((r) => r.alertId !== rule.alertId));
        notify(t('alerts.deleted'), 'info');
      },
      () => notify(t('alerts.error.save')),
    );
  };
  const metricOf = (id: string) => metrics.find((m) => m.id === id);
  const scopeName = (rule: AlertRule) =>
    rule.queueId !== undefined ? (queues?.find((q) => q.queueId === rule.queueId)?.name ?? rule.queueId)
      : rule.agentId !== undefined ? (agents.find((a) => a.agentId === rule.agentId)?.name ?? rule.agentId)
        : t('alerts.scope.tenant');
  const stateOf = (rule: AlertRule): { key: 'alerts.state.firing' | 'alerts.state.ok' | 'alerts.state.off' | 'alerts.state.noData'; tone: string } => {
    if (!rule.enabled) return { key: 'alerts.state.off', tone: 'off' };
    if (rule.watch.firing) return { key: 'alerts.state.firing', tone: 'firing' };
    return rule.watch.value === null || rule.watch.value === undefined ? { key: 'alerts.state.noData', tone: 'off' } : { key: 'alerts.state.ok', tone: 'ok' };
  };

  return (
    <div className="alert-rules" data-testid="alerts-page">
      <section className="card card--flush" aria-labelledby="alert-rules-title">
        <SectionHeader id="alert-rules-title" title={t('alerts.title')} hint={t('alerts.hint')} padded>
          {rules && <span className="count-badge">{formatNumber(rules.length, locale)}</span>}
          <button type="button" className="button button--primary" onClick={() => setEditing({ ...EMPTY_DRAFT, queueId: queues?.[0]?.queueId ?? '' })} disabled={editing !== undefined}>
            {t('alerts.add')}
          </button>
        </SectionHeader>
        {failed ? (
          <LoadFailed onRetry={() => setAttempt((n) => n + 1)} />
        ) : !rules ? (
          <div className="skeleton" aria-busy="true" aria-label={t('app.loading')} />
        ) : rules.length === 0 ? (
          <EmptyState icon={<BellIcon size={28} />} title={t('alerts.empty')} />
        ) : (
          <ul className="admin-list">
            {rules.map((rule) => {
              const metric = metricOf(rule.metric);
              const state = stateOf(rule);
              const threshold = metric ? formatMetric(rule.threshold, metric.unit, locale) : String(rule.threshold);
              return (
                <li key={rule.alertId} className="admin-list__item alert-rule" data-testid="alert-rule">
                  <span className="alert-rule__head">
                    <span className="admin-list__name">{rule.name ?? metric?.name[locale] ?? rule.metric}</span>
                    <span className={`alert-rule__state alert-rule__state--${state.tone}`}>{t(state.key)}</span>
                  </span>
                  <span className="alert-rule__meta">
                    {scopeName(rule)} · {t('alerts.rule', { metric: metric?.name[locale] ?? rule.metric, comparison: t(`alerts.comparison.${rule.comparison}`), threshold })}
                    {rule.watch.value !== undefined && rule.watch.value !== null && metric && <> · {t('alerts.value', { value: formatMetric(rule.watch.value, metric.unit, locale) })}</>}
                    {' · '}
                    {rule.recipients.length > 0 ? t('alerts.recipients.count', { count: formatNumber(rule.recipients.length, locale) }) : t('alerts.recipients.none')}
                  </span>
                  <span className="admin-list__actions">
                    <button type="button" className="button button--subtle button--small" onClick={() => setEditing(draftOf(rule))} disabled={editing !== undefined}>{t('alerts.edit')}</button>
                    <button type="button" className="button button--subtle button--small" onClick={() => remove(rule)}>{t('alerts.delete')}</button>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {editing && metrics.length > 0 && (
        <AlertForm key={editing.alertId ?? 'new'} initial={editing} metrics={metrics} queues={queues ?? []} agents={agents} onSaved={saved} onCancel={() => setEditing(undefined)} />
      )}
    </div>
  );
}
