import { useEffect } from 'react';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import type { PlanPeriod } from '@cc/shared/plans/values';
import { LoadFailed } from '../../components/empty-state.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import { formatMetric } from '../reports/metric-format.ts';
import { AttainmentBar } from '../plans/attainment-table.tsx';
import { attainmentState, planTitle, scopeText, type Names } from '../plans/plan-view.ts';
import { useAttainment } from '../plans/use-attainment.ts';
import { useRealtime } from '../shell/realtime-context.tsx';

/** The plan is read again at most this often when figures are pushed (a busy queue pushes on every contact). */
const PUSHED_READ_MS = 3000;

/** The team's plans of the day (or month) with their progress: tenant and queue plans, not personal ones. */
export function TeamPlanPanel({ period, metrics, names }: { period: PlanPeriod; metrics: ReadonlyMap<string, MetricView>; names: Names }) {
  const { t, locale } = useI18n();
  const { page, failed, reload } = useAttainment(period);
  const { on } = useRealtime();
  useEffect(() => {
    let last = 0;
    const read = () => {
      if (Date.now() - last < PUSHED_READ_MS) return;
      last = Date.now();
      void reload();
    };
    const offKpi = on('kpi.updated', read);
    const offAward = on('achievement.earned', read);
    return () => { offKpi(); offAward(); };
  }, [on, reload]);
  const rows = page?.rows.filter((r) => r.subject.dimension !== 'agent') ?? [];
  return (
    <section className="card motivation__panel motivation__plan" aria-labelledby="team-plan-title" aria-busy={!page && !failed}>
      <h2 id="team-plan-title" className="card__title">{t(period === 'day' ? 'motivation.planToday' : 'motivation.planMonth')}</h2>
      {failed && !page && <LoadFailed onRetry={() => void reload()} />}
      {page && rows.length === 0 && <p className="muted">{t('motivation.noPlan')}</p>}
      <ul className="team-plan" data-testid="team-plan">
        {rows.map((row) => {
          const unit = metrics.get(row.plan.metric)?.unit ?? 'count';
          return (
            <li key={`${row.plan.planId}#${row.subject.value ?? ''}`} className="team-plan__item" data-plan={row.plan.planId}>
              <div className="team-plan__head">
                <span className="team-plan__name">{planTitle(row.plan, metrics, locale)}</span>
                <span className="team-plan__scope">{scopeText(row.subject, t, names)}</span>
              </div>
              <p className="team-plan__figures">
                <span className="team-plan__actual">{formatMetric(row.actual, unit, locale)}</span>
                <span className="muted">{t('motivation.ofTarget', { target: formatMetric(row.plan.target, unit, locale) })}</span>
              </p>
              <AttainmentBar percent={row.attainment.percent} state={attainmentState(row.attainment)} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
