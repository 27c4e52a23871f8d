/** A metric value as a person reads it: counts grouped, seconds as a clock, percents and scores rounded. */
import type { MetricUnit } from '@cc/shared/metrics/values';
import { formatClock, formatNumber, formatPercent } from '../../i18n/format.ts';
import { INTL_LOCALE, type Locale } from '../../i18n/messages.ts';

/** `null` is no data (no ratings, nothing answered): a dash, never a zero. */
export function formatMetric(value: number | null | undefined, unit: MetricUnit, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  switch (unit) {
    case 'count':
      return formatNumber(Math.round(value), locale);
    case 'seconds':
      return formatClock(Math.round(value));
    case 'percent':
      return formatPercent(value, locale);
    case 'score':
      return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1 }).format(value);
  }
}
