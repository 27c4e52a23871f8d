import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Agent } from '@cc/shared/agents/model';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import type { Plan } from '@cc/shared/plans/values';
import { EmptyState, LoadFailed } from '../../components/empty-state.tsx';
import { TargetIcon } from '../../components/icons.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { useQueues } from '../queues/use-queues.ts';
import { formatMetric } from '../reports/metric-format.ts';
import { PlanForm } from './plan-form.tsx';
import { planTitle, scopeText } from './plan-view.ts';
import './plans.css';

/** «Планы» (supervisors and admins): a new plan's form and every plan, each with its change and delete. */
export function PlansPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const notify = useToast();
  const { queues } = useQueues();
  const [metrics, setMetrics] = useState<MetricView[] | undefined>();
  const [agents, setAgents] = useState<Agent[]>([]);
  const [plans, setPlans] = useState<Plan[] | undefined>();
  const [failed, setFailed] = useState(false);
  const [editing, setEditing] = useState<string | undefined>();
  const [deleting, setDeleting] = useState<string | undefined>();

  const load = useCallback(() => {
    setFailed(false);
    Promise.all([api.metricCatalog(), api.listPlans()]).then(([catalog, list]) => {
      setMetrics(catalog.metrics.filter((m) => m.source === 'interval' && m.dimensions.some((d) => d !== 'channel')));
      setPlans(list);
    }, () => setFailed(true));
  }, [api]);
  useEffect(() => {
    load();
    api.listAgents().then((list) => setAgents([...list].sort((a, b) => a.name.localeCompare(b.name))), () => undefined);
  }, [api, load]);

  const byId = useMemo(() => new Map((metrics ?? []).map((m) => [m.id, m])), [metrics]);
  const names = useMemo(() => ({ queues: new Map((queues ?? []).map((q) => [q.queueId, q.name])), agents: new Map(agents.map((a) => [a.agentId, a.name])) }), [queues, agents]);
  const saved = (plan: Plan) => {
    setPlans((list) => [...(list ?? []).filter((p) => p.planId !== plan.planId), plan].sort((a, b) => a.planId.localeCompare(b.planId)));
    setEditing(undefined);
    notify(t('plans.saved'), 'info');
  };
  const remove = async (plan: Plan) => {
    try {
      await api.deletePlan(plan.planId);
      setPlans((list) => (list ?? []).filter((p) => p.planId !== plan.planId));
      notify(t('plans.deleted'), 'info');
    } catch {
      notify(t('plans.error.delete'));
      load();
    } finally {
      setDeleting(undefined);
    }
  };
  const formProps = { metrics: metrics ?? [], queues: queues ?? [], agents, onStale: load };

  return (
    <div className="plans-page">
      <section className="card" aria-labelledby="plans-title">
        <div className="card__header card__header--padded">
          <div>
            <h1 id="plans-title" className="card__title">{t('plans.title')}</h1>
            <p className="card__hint">{t('plans.hint')}</p>
          </div>
        </div>
        <h2 className="plan-form__heading">{t('plans.new')}</h2>
        {metrics && <PlanForm {...formProps} onSaved={saved} />}
      </section>
      <section className="card" aria-labelledby="plans-list-title">
        <div className="card__header card__header--padded">
          <h2 id="plans-list-title" className="card__title">{t('plans.list')}</h2>
        </div>
        {failed && <LoadFailed onRetry={load} />}
        {!failed && !plans && <div className="skeleton" aria-busy="true" aria-label={t('app.loading')} />}
        {plans && plans.length === 0 && <EmptyState icon={<TargetIcon size={28} />} title={t('plans.empty')} hint={t('plans.empty.hint')} />}
        {plans && plans.length > 0 && (
          <div className="plans-list">
            <table className="data-table plans-table">
              <thead>
                <tr>
                  <th scope="col">{t('plans.col.plan')}</th>
                  <th scope="col">{t('plans.col.scope')}</th>
                  <th scope="col">{t('plans.col.period')}</th>
                  <th scope="col">{t('plans.col.target')}</th>
                  <th scope="col"><span className="visually-hidden">{t('plans.col.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                {plans.map((plan) => {
                  const title = planTitle(plan, byId, locale);
                  if (editing === plan.planId) {
                    return (
                      <tr key={plan.planId} data-plan={plan.planId}>
                        <td colSpan={5}>
                          <PlanForm {...formProps} plan={plan} onSaved={saved} onCancel={() => setEditing(undefined)} />
                        </td>
                      </tr>
                    );
                  }
                  return (
                    <tr key={plan.planId} data-plan={plan.planId}>
                      <th scope="row">{title}</th>
                      <td data-label={t('plans.col.scope')}>{scopeText(plan.scope, t, names)}</td>
                      <td data-label={t('plans.col.period')}>{t(`plans.period.${plan.period}`)}</td>
                      <td data-label={t('plans.col.target')} className="attainment-table__num">{formatMetric(plan.target, byId.get(plan.metric)?.unit ?? 'count', locale)}</td>
                      <td>
                        {deleting === plan.planId ? (
                          <span className="plans-list__actions" role="group" aria-label={t('plans.confirmDelete', { plan: title })}>
                            <span>{t('plans.confirmDelete', { plan: title })}</span>
                            <button type="button" className="button button--danger button--small" onClick={() => void remove(plan)}>{t('plans.confirmDelete.yes')}</button>
                            <button type="button" className="button button--subtle button--small" onClick={() => setDeleting(undefined)}>{t('plans.cancel')}</button>
                          </span>
                        ) : (
                          <span className="plans-list__actions">
                            <button type="button" className="button button--subtle button--small" onClick={() => setEditing(plan.planId)}>{t('plans.change')}</button>
                            <button type="button" className="button button--subtle button--small" onClick={() => setDeleting(plan.planId)}>{t('plans.delete')}</button>
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
