import { useCallback, useEffect, useMemo, useState } from 'react';
import { localDate } from '@cc/shared/calendar/values';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import type { ReportPage } from '@cc/shared/metrics/report';
import type { AttainmentRow } from '@cc/shared/plans/values';
import { LoadFailed } from '../../components/empty-state.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi, useSession } from '../auth/session.tsx';
import { useQueueNames } from '../queues/use-queues.ts';
import { rangeOf } from '../reports/report-range.ts';
import { formatMetric } from '../reports/metric-format.ts';
import { AttainmentBar } from './attainment-table.tsx';
import { AttainmentSection } from './attainment-section.tsx';
import { attainmentState, attainmentWords } from './plan-view.ts';
import { useAttainment } from './use-attainment.ts';
import { useRefresh } from './use-refresh.ts';
import './plans.css';

/** The figures of the agent's day, in this order. */
export const DASHBOARD_METRICS = ['contacts_handled', 'average_handle_time', 'average_after_contact_work_time', 'missed_offers', 'occupancy', 'csat_average'] as const;

/** «Мои показатели»: the agent's figures today, each against their day plan where there is one, and all their plans. */
export function MyFiguresPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const user = useSession().session!.user;
  const queueNames = useQueueNames();
  const [catalog, setCatalog] = useState<{ metrics: MetricView[]; timeZone: string } | undefined>();
  const [report, setReport] = useState<ReportPage | undefined>();
  const [failed, setFailed] = useState(false);
  const today = useAttainment('day', user.userId);

  useEffect(() => {
    api.metricCatalog().then(setCatalog, () => setFailed(true));
  }, [api]);
  const loadFigures = useCallback(async () => {
    if (!catalog) return;
    try {
      const range = rangeOf('today', new Date(), catalog.timeZone);
      setReport(await api.report({ groupBy: 'agent', interval: 'total', ...range, metrics: DASHBOARD_METRICS, ids: [user.userId] }));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [api, catalog, user.userId]);
  useRefresh(loadFigures);

  const byId = useMemo(() => new Map((catalog?.metrics ?? []).map((m) => [m.id, m])), [catalog]);
  const names = useMemo(() => ({ queues: queueNames, agents: new Map([[user.userId, user.name]]) }), [queueNames, user]);
  const values = report?.rows[0]?.values ?? {};
  /** The agent's own day plan of a metric (a personal or an each-agent plan), which the tile shows. */
  const planOf = (metric: string): AttainmentRow | undefined => today.page?.rows.find((r) => r.plan.metric === metric && r.subject.dimension === 'agent');

  return (
    <div className="my-figures">
      <section className="card" aria-labelledby="my-figures-title">
        <div className="card__header card__header--padded">
          <div>
            <h1 id="my-figures-title" className="card__title">{t('myFigures.title')}</h1>
            {catalog && <p className="card__hint">{t('myFigures.hint', { date: formatDate(`${localDate(new Date(), catalog.timeZone)}T12:00:00Z`, locale, 'UTC') })}</p>}
          </div>
        </div>
        {failed && !report && <LoadFailed onRetry={() => void loadFigures()} />}
        {!failed && !report && <p className="attainment__note" role="status">{t('app.loading')}</p>}
        {report && (
          <ul className="my-figures__tiles" aria-label={t('myFigures.today')}>
            {DASHBOARD_METRICS.map((id) => {
              const metric = byId.get(id);
              const row = planOf(id);
              const state = row ? attainmentState(row.attainment) : 'none';
              return (
                <li key={id} className="figure-tile" data-metric={id} data-attainment={state}>
                  <span className="figure-tile__name">{metric?.name[locale] ?? id}</span>
                  <span className="figure-tile__value">{formatMetric(values[id] ?? null, metric?.unit ?? 'count', locale)}</span>
                  {row ? (
                    <>
                      <span className="figure-tile__plan">{t('myFigures.plan', { target: formatMetric(row.plan.target, metric?.unit ?? 'count', locale) })}</span>
                      <AttainmentBar percent={row.attainment.percent} state={state} />
                      <span className="figure-tile__pace">{t(attainmentWords(row.attainment))}</span>
                    </>
                  ) : (
                    <span className="figure-tile__plan">{t('myFigures.noPlan')}</span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {catalog && <AttainmentSection metrics={catalog.metrics} names={names} timeZone={catalog.timeZone} agentId={user.userId} today={today} title={t('myFigures.plans')} />}
    </div>
  );
}
