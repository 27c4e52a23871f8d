import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { KPI_TILES } from '@cc/shared/metrics/values';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { useRealtime } from '../shell/realtime-context.tsx';
import { formatMetric } from '../reports/metric-format.ts';
import { useMetricCatalog } from '../reports/use-metric-catalog.ts';
import { applyKpi, queueKpi, tenantKpi, type KpiBoard } from './kpi-board.ts';
import './kpi.css';

/**
 * Today's KPI tiles for the whole company, and the same figures per queue: loaded on entry and after every
 * reconnect from `GET /api/wallboard/kpis`, then kept live by `kpi.updated` pushes.
 */
export function KpiTilesPanel({ queues }: { queues: TenantQueue[] | undefined }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { on, openCount } = useRealtime();
  const [board, setBoard] = useState<KpiBoard>(new Map());
  const metrics = useMetricCatalog();

  const load = useCallback(() => {
    api.wallboardKpis().then(({ tenant, queues: perQueue }) => setBoard((current) => [tenant, ...perQueue].reduce(applyKpi, current)), () => undefined);
  }, [api]);
  useEffect(load, [load, openCount]);
  useEffect(() => on('kpi.updated', ({ kpi }) => setBoard((current) => applyKpi(current, kpi))), [on]);

  const tiles = useMemo(() => KPI_TILES.map((id) => metrics?.find((m) => m.id === id)).filter((m): m is MetricView => m !== undefined), [metrics]);
  const company = tenantKpi(board);
  if (!metrics || !company) return null;
  const value = (metric: MetricView, values: Record<string, number | null> | undefined) => formatMetric(values?.[metric.id], metric.unit, locale);

  return (
    <section className="kpi-panel" aria-labelledby="kpi-title" data-testid="kpi-tiles">
      <div className="section-head">
        <h2 id="kpi-title" className="section-head__title">{t('kpi.title')}</h2>
        <p className="section-head__meta">{t('kpi.hint')}</p>
      </div>
      <ul className="kpi-tiles" aria-label={t('kpi.company')}>
        {tiles.map((metric) => (
          <li key={metric.id} className="kpi-tile" data-metric={metric.id}>
            <span className="kpi-tile__value">{value(metric, company.values)}</span>
            <span className="kpi-tile__name">{metric.name[locale]}</span>
          </li>
        ))}
      </ul>
      {queues && queues.length > 0 && (
        <div className="kpi-table-wrap" role="region" aria-label={t('kpi.byQueue')} tabIndex={0}>
          <table className="kpi-table">
            <caption className="visually-hidden">{t('kpi.byQueue')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kpi.queue')}</th>
                {tiles.map((metric) => <th key={metric.id} scope="col">{metric.name[locale]}</th>)}
              </tr>
            </thead>
            <tbody>
              {queues.map((queue) => (
                <tr key={queue.queueId} data-queue={queue.queueId}>
                  <th scope="row">{queue.name}</th>
                  {tiles.map((metric) => <td key={metric.id}>{value(metric, queueKpi(board, queue.queueId)?.values)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
