import type { MetricView } from '@cc/shared/metrics/catalog/index';
import type { GroupBy, ReportInterval } from '@cc/shared/metrics/values';
import { useI18n } from '../../i18n/provider.tsx';
import { RANGE_PRESETS, type RangePreset } from './report-range.ts';

export const CHART_INTERVALS = ['15m', 'hour', 'day', 'week', 'month'] as const satisfies readonly ReportInterval[];
export type ChartInterval = (typeof CHART_INTERVALS)[number];

export interface ReportChoice {
  groupBy: GroupBy;
  preset: RangePreset;
  dates: { from: string; to: string };
  interval: ChartInterval;
  metrics: string[];
  chartMetric: string;
}

interface Props {
  choice: ReportChoice;
  onChange(next: ReportChoice): void;
  /** The metrics kept for the chosen grouping, in catalog order. */
  available: readonly MetricView[];
  /** Supervisors pick the grouping; an agent sees their own figures only. */
  groupBys: readonly GroupBy[];
}

/** The report's form: grouping, period (presets or dates), chart step, the metrics and the one charted. */
export function ReportControls({ choice, onChange, available, groupBys }: Props) {
  const { t, locale } = useI18n();
  const set = (patch: Partial<ReportChoice>) => onChange({ ...choice, ...patch });
  const toggle = (id: string, on: boolean) => {
    const metrics = on ? [...choice.metrics, id] : choice.metrics.filter((m) => m !== id);
    if (metrics.length === 0) return;
    set({ metrics, chartMetric: metrics.includes(choice.chartMetric) ? choice.chartMetric : metrics[0]! });
  };
  const chosen = available.filter((m) => choice.metrics.includes(m.id));
  return (
    <form className="reports__controls" onSubmit={(event) => event.preventDefault()}>
      {groupBys.length > 1 && (
        <label className="field">
          <span className="field__label">{t('reports.groupBy')}</span>
          <select className="input" value={choice.groupBy} onChange={(e) => set({ groupBy: e.target.value as GroupBy })}>
            {groupBys.map((g) => <option key={g} value={g}>{t(`reports.groupBy.${g}`)}</option>)}
          </select>
        </label>
      )}
      <label className="field">
        <span className="field__label">{t('reports.range')}</span>
        <select className="input" value={choice.preset} onChange={(e) => set({ preset: e.target.value as RangePreset })}>
          {RANGE_PRESETS.map((p) => <option key={p} value={p}>{t(`reports.range.${p}`)}</option>)}
        </select>
      </label>
      {choice.preset === 'custom' && (
        <>
          <label className="field">
            <span className="field__label">{t('reports.from')}</span>
            <input className="input" type="date" lang={locale} value={choice.dates.from} max={choice.dates.to} onChange={(e) => e.target.value && set({ dates: { ...choice.dates, from: e.target.value } })} />
          </label>
          <label className="field">
            <span className="field__label">{t('reports.to')}</span>
            <input className="input" type="date" lang={locale} value={choice.dates.to} min={choice.dates.from} onChange={(e) => e.target.value && set({ dates: { ...choice.dates, to: e.target.value } })} />
          </label>
        </>
      )}
      <label className="field">
        <span className="field__label">{t('reports.interval')}</span>
        <select className="input" value={choice.interval} onChange={(e) => set({ interval: e.target.value as ChartInterval })}>
          {CHART_INTERVALS.map((i) => <option key={i} value={i}>{t(`reports.interval.${i}`)}</option>)}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('reports.chartMetric')}</span>
        <select className="input" value={choice.chartMetric} onChange={(e) => set({ chartMetric: e.target.value })}>
          {chosen.map((m) => <option key={m.id} value={m.id}>{m.name[locale]}</option>)}
        </select>
      </label>
      <details className="reports__metrics">
        <summary className="button">{t('reports.metrics')} · {t('reports.metrics.chosen', { count: String(chosen.length) })}</summary>
        <fieldset className="reports__metric-list">
          <legend className="visually-hidden">{t('reports.metrics')}</legend>
          {available.map((m) => (
            <label key={m.id} className="reports__metric" title={m.description[locale]}>
              <input type="checkbox" checked={choice.metrics.includes(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
              <span>{m.name[locale]}</span>
            </label>
          ))}
        </fieldset>
      </details>
    </form>
  );
}
