import { useCallback, useEffect, useMemo, useState } from 'react';
import { hasRole } from '@cc/shared/auth/values';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import type { ReportPage } from '@cc/shared/metrics/report';
import type { GroupBy } from '@cc/shared/metrics/values';
import type { ReportQuery } from '../../api/client.ts';
import { EmptyState, LoadFailed } from '../../components/empty-state.tsx';
import { ListIcon } from '../../components/icons.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi, useSession } from '../auth/session.tsx';
import { useQueueNames } from '../queues/use-queues.ts';
import { formatMetric } from './metric-format.ts';
import { ReportControls, type ReportChoice } from './report-controls.tsx';
import { TotalsChart, TrendChart } from './report-charts.tsx';
import { rankGroups, seriesOf } from './report-data.ts';
import { datesOf, rangeOf, suggestedInterval } from './report-range.ts';
import { AttainmentSection } from '../plans/attainment-section.tsx';
import './reports.css';

const DEFAULT_METRICS = ['contacts_handled', 'contacts_abandoned', 'service_level', 'average_speed_of_answer', 'average_handle_time', 'csat_average', 'occupancy', 'time_available'];
const PAGE_LIMIT = 5000;

interface Loaded {
  series: ReportPage;
  totals: ReportPage;
}

/** Reports: figures per queue, agent or channel over a period, as a trend, bars and a totals table, with CSV export. */
export function ReportsPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { session } = useSession();
  const user = session!.user;
  const supervisor = hasRole(user.roles, 'supervisor');
  const groupBys: GroupBy[] = supervisor ? ['queue', 'agent', 'channel', 'tenant'] : ['agent'];
  const queueNames = useQueueNames();
  const [catalog, setCatalog] = useState<{ metrics: MetricView[]; timeZone: string } | undefined>();
  const [agentNames, setAgentNames] = useState<Map<string, string>>(new Map([[user.userId, user.name]]));
  const [choice, setChoice] = useState<ReportChoice | undefined>();
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [failed, setFailed] = useState(false);
  const [exportFailed, setExportFailed] = useState(false);

  useEffect(() => {
    let live = true;
    api.metricCatalog().then((c) => {
      if (!live) return;
      setCatalog(c);
      const range = rangeOf('today', new Date(), c.timeZone);
      setChoice({ groupBy: supervisor ? 'queue' : 'agent', preset: 'today', dates: datesOf(range, c.timeZone), interval: suggestedInterval(range), metrics: DEFAULT_METRICS, chartMetric: DEFAULT_METRICS[0]! });
    }, () => live && setFailed(true));
    if (supervisor) api.listAgents().then((agents) => live && setAgentNames(new Map(agents.map((a) => [a.agentId, a.name]))), () => undefined);
    return () => {
      live = false;
    };
  }, [api, supervisor]);

  const available = useMemo(() => (catalog?.metrics ?? []).filter((m) => m.source === 'interval' && choice !== undefined && m.dimensions.includes(choice.groupBy)), [catalog, choice]);
  // The chosen metrics kept for this grouping (the choice keeps the others for when the grouping comes back).
  const metrics = useMemo(() => {
    const kept = (list: readonly string[]) => list.filter((id) => available.some((m) => m.id === id));
    const chosen = kept(choice?.metrics ?? []);
    return chosen.length > 0 ? chosen : kept(DEFAULT_METRICS);
  }, [choice, available]);
  const query = useMemo((): ReportQuery | undefined => {
    if (!choice || !catalog || metrics.length === 0) return undefined;
    const range = rangeOf(choice.preset, new Date(), catalog.timeZone, choice.dates);
    return { groupBy: choice.groupBy, interval: choice.interval, ...range, metrics, limit: PAGE_LIMIT };
  }, [choice, catalog, metrics]);

  const load = useCallback(async () => {
    if (!query) return;
    setFailed(false);
    try {
      const [series, totals] = await Promise.all([api.report(query), api.report({ ...query, interval: 'total' })]);
      setLoaded({ series, totals });
    } catch {
      setFailed(true);
    }
  }, [api, query]);

  useEffect(() => {
    setLoaded(undefined);
    void load();
  }, [load]);

  const change = (next: ReportChoice) => {
    if (!catalog || !choice) return setChoice(next);
    // A new period brings the chart step that reads best for it; the person can still change it.
    const periodChanged = next.preset !== choice.preset || next.dates.from !== choice.dates.from || next.dates.to !== choice.dates.to;
    setChoice(periodChanged ? { ...next, interval: suggestedInterval(rangeOf(next.preset, new Date(), catalog.timeZone, next.dates)) } : next);
  };

  const nameOf = useCallback((id: string) => {
    if (!choice) return id;
    if (choice.groupBy === 'queue') return queueNames.get(id) ?? id;
    if (choice.groupBy === 'agent') return agentNames.get(id) ?? id;
    if (choice.groupBy === 'channel') return t(`channel.${id}` as 'channel.voice');
    return t('reports.tenant');
  }, [choice, queueNames, agentNames, t]);

  const exportCsv = async () => {
    if (!query) return;
    setExportFailed(false);
    try {
      const blob = await api.reportCsv(query, locale);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `report-${query.groupBy}-${query.interval}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch {
      setExportFailed(true);
    }
  };

  const chartMetric = available.find((m) => m.id === choice?.chartMetric) ?? available.find((m) => metrics.includes(m.id));
  const ranked = loaded && chartMetric && choice ? rankGroups(loaded.totals.rows, choice.groupBy, chartMetric.id, nameOf) : [];
  const hasData = loaded?.totals.rows.some((r) => Object.values(r.values).some((v) => v !== null && v !== 0)) ?? false;
  const columns = available.filter((m) => metrics.includes(m.id));

  return (
    <>
      <section className="card reports" aria-labelledby="reports-title">
        <div className="card__header card__header--padded reports__header">
          <div>
            <h1 id="reports-title" className="card__title">{t('reports.title')}</h1>
            {catalog && <p className="card__hint">{t(supervisor ? 'reports.hint' : 'reports.hint.agent', { zone: catalog.timeZone })}</p>}
          </div>
          <button type="button" className="button" onClick={() => void exportCsv()} disabled={!query}>{t('reports.export')}</button>
        </div>
        {exportFailed && <p role="alert" className="reports__error">{t('reports.exportFailed')}</p>}
        {choice && <ReportControls choice={choice} onChange={change} available={available} groupBys={groupBys} />}
        {failed && <LoadFailed onRetry={() => void load()} />}
        {!failed && !loaded && <p className="reports__loading" role="status">{t('reports.loading')}</p>}
        {loaded && !hasData && <EmptyState icon={<ListIcon size={28} />} title={t('reports.empty')} hint={t('reports.empty.hint')} />}
        {loaded && hasData && chartMetric && choice && (
          <>
            {loaded.series.nextCursor && <p className="reports__note">{t('reports.truncated', { count: String(loaded.series.rows.length) })}</p>}
            <div className="reports__charts">
              <TrendChart series={seriesOf(loaded.series.rows, choice.groupBy, chartMetric.id, ranked)} metric={chartMetric} interval={choice.interval} />
              {choice.groupBy !== 'tenant' && <TotalsChart bars={ranked} metric={chartMetric} />}
            </div>
            <div className="reports__table-wrap" tabIndex={0} role="region" aria-label={t('reports.tableTitle')}>
              <table className="data-table reports__table">
                <caption className="reports__caption">{t('reports.tableTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reports.group')}</th>
                    {columns.map((m) => <th key={m.id} scope="col" title={t('reports.formula', { formula: m.formula })}>{m.name[locale]}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {ranked.map((group) => {
                    const row = loaded.totals.rows.find((r) => (r.group.queueId ?? r.group.agentId ?? r.group.channel ?? '*') === group.id);
                    return (
                      <tr key={group.id}>
                        <th scope="row">{group.name}</th>
                        {columns.map((m) => {
                          const value = row?.values[m.id] ?? null;
                          return <td key={m.id} className="reports__value" {...(value === null && { title: t('reports.noData') })}>{formatMetric(value, m.unit, locale)}</td>;
                        })}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      {catalog && <AttainmentSection metrics={catalog.metrics} names={{ queues: queueNames, agents: agentNames }} timeZone={catalog.timeZone} {...(!supervisor && { agentId: user.userId })} />}
    </>
  );
}
