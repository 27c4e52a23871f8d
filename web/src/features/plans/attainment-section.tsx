import { useMemo, useState } from 'react';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import type { PlanPeriod } from '@cc/shared/plans/values';
import { EmptyState } from '../../components/empty-state.tsx';
import { TargetIcon } from '../../components/icons.tsx';
import { formatTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { AttainmentTable } from './attainment-table.tsx';
import type { Names } from './plan-view.ts';
import { useAttainment, type LiveAttainment } from './use-attainment.ts';
import './plans.css';

interface Props {
  metrics: readonly MetricView[];
  names: Names;
  timeZone: string;
  /** One agent's plans (theirs, their queues', the tenant's); absent: every plan, for supervisors. */
  agentId?: string;
  /** Today's attainment when the page reads it already (the agent's dashboard), so it is not read twice. */
  today?: LiveAttainment;
  title?: string;
}

/** «Выполнение планов»: the plans of today or this month with target, actual, attainment and pace, kept fresh. */
export function AttainmentSection({ metrics, names, timeZone, agentId, today, title }: Props) {
  const { t, locale } = useI18n();
  const [period, setPeriod] = useState<PlanPeriod>('day');
  const own = useAttainment(period === 'day' && today ? undefined : period, agentId);
  const live = period === 'day' && today ? today : own;
  const byId = useMemo(() => new Map(metrics.map((m) => [m.id, m])), [metrics]);
  const { page, failed } = live;
  return (
    <section className="card attainment" aria-labelledby="attainment-title" data-testid="attainment">
      <div className="card__header card__header--padded attainment__header">
        <div>
          <h2 id="attainment-title" className="card__title">{title ?? t('attainment.title')}</h2>
          {page && <p className="card__hint">{t('attainment.asOf', { time: formatTime(page.asOf, locale, timeZone) })}</p>}
        </div>
        <div className="segmented segmented--tabs attainment__periods" role="group" aria-label={t('attainment.period')}>
          {(['day', 'month'] as const).map((option) => (
            <button key={option} type="button" className="segmented__option" aria-pressed={period === option} onClick={() => setPeriod(option)}>
              {t(option === 'day' ? 'attainment.today' : 'attainment.month')}
            </button>
          ))}
        </div>
      </div>
      {failed && !page && <p role="alert" className="attainment__note attainment__note--error">{t('attainment.failed')}</p>}
      {!failed && !page && <p className="attainment__note" role="status">{t('app.loading')}</p>}
      {page && page.rows.length === 0 && <EmptyState icon={<TargetIcon size={28} />} title={t('attainment.empty')} hint={t(agentId ? 'attainment.empty.hint.agent' : 'attainment.empty.hint.supervisor')} />}
      {page && page.rows.length > 0 && (
        <div className="attainment__wrap">
          <AttainmentTable page={page} metrics={byId} names={names} />
        </div>
      )}
    </section>
  );
}
