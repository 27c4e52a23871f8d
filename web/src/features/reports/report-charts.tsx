import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import type { ReportInterval } from '@cc/shared/metrics/values';
import { INTL_LOCALE, type Locale } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { formatMetric } from './metric-format.ts';
import type { ReportSeries } from './report-data.ts';

/** Distinct on white and for common colour blindness (Okabe–Ito), in order of use. */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#7F7F7F', '#000000'];

/** A bucket start (`2026-12-03T10:00:00+03:00`) as the axis shows it; its wall clock is the tenant's. */
export function bucketLabel(start: string, interval: ReportInterval, locale: Locale, multiDay: boolean): string {
  const [date = '', time = ''] = start.split('T');
  const wall = new Date(`${date}T00:00:00Z`);
  const day = new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(wall);
  if (interval === '15m' || interval === 'hour') return multiDay ? `${day} ${time.slice(0, 5)}` : time.slice(0, 5);
  if (interval === 'month') return new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(wall);
  return day;
}

/** The charted metric over time, one line per group (the groups with the largest totals). */
export function TrendChart({ series, metric, interval }: { series: ReportSeries; metric: MetricView; interval: ReportInterval }) {
  const { t, locale } = useI18n();
  const multiDay = new Set(series.points.map((p) => p.bucket.slice(0, 10))).size > 1;
  const data: Record<string, string | number | null>[] = series.points.map((p) => ({ ...p.values, label: bucketLabel(p.bucket, interval, locale, multiDay) }));
  const format = (value: unknown) => formatMetric(typeof value === 'number' ? value : null, metric.unit, locale);
  return (
    <figure className="reports__chart" aria-labelledby="reports-line-title">
      <figcaption id="reports-line-title" className="reports__chart-title">{t('reports.lineTitle', { metric: metric.name[locale] })}</figcaption>
      <div className="reports__canvas" data-testid="trend-chart">
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} />
            <YAxis tick={{ fontSize: 12 }} width={56} tickFormatter={format} allowDecimals={metric.unit !== 'count'} />
            <Tooltip formatter={(value) => format(value)} />
            <Legend />
            {series.groups.map((group, i) => (
              <Line key={group.id} type="linear" dataKey={group.id} name={group.name} stroke={PALETTE[i % PALETTE.length]} strokeWidth={2} dot={data.length <= 31} connectNulls={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details className="reports__chart-data">
        <summary>{t('reports.chartTable')}</summary>
        <div className="reports__chart-scroll" tabIndex={0} role="region" aria-label={t('reports.chartTable')}>
        <table className="data-table">
          <thead>
            <tr><th scope="col">{t('reports.interval')}</th>{series.groups.map((g) => <th key={g.id} scope="col">{g.name}</th>)}</tr>
          </thead>
          <tbody>
            {data.map((row, i) => (
              <tr key={series.points[i]!.bucket}><th scope="row">{row['label']}</th>{series.groups.map((g) => <td key={g.id}>{format(row[g.id])}</td>)}</tr>
            ))}
          </tbody>
        </table>
        </div>
      </details>
    </figure>
  );
}

/** The charted metric for the whole period, one bar per group. */
export function TotalsChart({ bars, metric }: { bars: { id: string; name: string; value: number | null }[]; metric: MetricView }) {
  const { t, locale } = useI18n();
  const format = (value: unknown) => formatMetric(typeof value === 'number' ? value : null, metric.unit, locale);
  return (
    <figure className="reports__chart" aria-labelledby="reports-bar-title">
      <figcaption id="reports-bar-title" className="reports__chart-title">{t('reports.barTitle', { metric: metric.name[locale] })}</figcaption>
      <div className="reports__canvas" data-testid="totals-chart">
        <ResponsiveContainer width="100%" height={Math.max(160, 36 * bars.length + 40)}>
          <BarChart data={bars} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" horizontal={false} />
            <XAxis type="number" tick={{ fontSize: 12 }} tickFormatter={format} allowDecimals={metric.unit !== 'count'} />
            <YAxis type="category" dataKey="name" tick={{ fontSize: 12 }} width={120} />
            <Tooltip formatter={(value) => format(value)} />
            <Bar dataKey="value" name={metric.name[locale]} fill={PALETTE[0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
