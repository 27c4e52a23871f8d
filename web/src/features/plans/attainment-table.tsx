import type { MetricView } from '@cc/shared/metrics/catalog/index';
import type { AttainmentPage } from '@cc/shared/plans/values';
import { useI18n } from '../../i18n/provider.tsx';
import { formatPercent } from '../../i18n/format.ts';
import { formatMetric } from '../reports/metric-format.ts';
import { attainmentState, attainmentWords, barWidth, planTitle, scopeText, type Names } from './plan-view.ts';

/** A plan's attainment as a bar with its percent in words beside it (the colour never stands alone). */
export function AttainmentBar({ percent, state }: { percent: number | null; state: string }) {
  const { t, locale } = useI18n();
  return (
    <div className="attainment-bar" data-attainment={state}>
      <span className="attainment-bar__track" aria-hidden="true">
        <span className="attainment-bar__fill" style={{ width: `${barWidth(percent)}%` }} />
      </span>
      <span className="attainment-bar__value">
        {percent === null ? '—' : t('attainment.ofTarget', { percent: formatPercent(percent, locale) })}
      </span>
    </div>
  );
}

/** Each plan of the page: what and for whom, target, actual, attainment with a bar, and its pace or outcome in words. */
export function AttainmentTable({ page, metrics, names }: { page: AttainmentPage; metrics: ReadonlyMap<string, MetricView>; names: Names }) {
  const { t, locale } = useI18n();
  const cols = { target: t('attainment.col.target'), actual: t('attainment.col.actual'), percent: t('attainment.col.percent'), pace: t('attainment.col.pace') };
  return (
    <table className="data-table attainment-table">
      <thead>
        <tr>
          <th scope="col">{t('attainment.col.plan')}</th>
          <th scope="col">{cols.target}</th>
          <th scope="col">{cols.actual}</th>
          <th scope="col">{cols.percent}</th>
          <th scope="col">{cols.pace}</th>
        </tr>
      </thead>
      <tbody>
        {page.rows.map(({ plan, subject, actual, attainment }) => {
          const unit = metrics.get(plan.metric)?.unit ?? 'count';
          const state = attainmentState(attainment);
          const title = planTitle(plan, metrics, locale);
          return (
            <tr key={`${plan.planId}|${subject.value ?? ''}`} data-plan={plan.planId} data-attainment={state}>
              <th scope="row">
                <span className="attainment-table__title">{title}</span>
                <span className="attainment-table__scope">{scopeText(subject, t, names)}</span>
              </th>
              <td data-label={cols.target} className="attainment-table__num">{formatMetric(plan.target, unit, locale)}</td>
              <td data-label={cols.actual} className="attainment-table__num">{formatMetric(actual, unit, locale)}</td>
              <td data-label={cols.percent}>
                <AttainmentBar percent={attainment.percent} state={state} />
              </td>
              <td data-label={cols.pace}>
                <span className="attainment-table__pace">{t(attainmentWords(attainment))}</span>
                {attainment.expected !== null && <span className="attainment-table__expected">{t('attainment.expected', { value: formatMetric(attainment.expected, unit, locale) })}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
