/** How a notice reads in the console (the bell and the toast): the metric by name, where, the value in its unit. */
import type { AlertNotice } from '@cc/shared/alerts/notice';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import type { Locale } from '../../i18n/messages.ts';
import type { I18n } from '../../i18n/provider.tsx';
import { formatMetric } from '../reports/metric-format.ts';

export function noticeParts(notice: AlertNotice, metrics: readonly MetricView[] | undefined, t: I18n['t'], locale: Locale) {
  const metric = metrics?.find((m) => m.id === notice.metric);
  const scope = notice.scope.dimension === 'tenant' ? t('alerts.scope.tenant') : (notice.scope.name ?? notice.scope.value);
  return { metric: metric?.name[locale] ?? notice.metric, scope, value: metric ? formatMetric(notice.value, metric.unit, locale) : String(notice.value) };
}

/** The deliveries of a notice, counted: sent and not delivered. */
export function deliveryCounts(notice: AlertNotice): { sent: number; failed: number } {
  const deliveries = notice.deliveries ?? [];
  return { sent: deliveries.filter((d) => d.status === 'sent').length, failed: deliveries.filter((d) => d.status === 'failed').length };
}
