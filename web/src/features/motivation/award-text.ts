/** How an award reads: the why in words, with the metric's name and its value in its unit. */
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import type { Award } from '@cc/shared/gamification/values';
import type { MessageVars } from '../../i18n/messages.ts';
import type { I18n } from '../../i18n/provider.tsx';
import { formatMetric } from '../reports/metric-format.ts';

/** The comparisons as signs: the same in both languages. */
export const SIGN: Record<string, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<' };

/** Why the award was given: «Пропущенные предложения: 0 (нужно ≤ 0)», «лучший из 3», «задание выполнено». */
export function whyText(award: Pick<Award, 'why' | 'kind'>, metrics: ReadonlyMap<string, MetricView>, { t, locale }: Pick<I18n, 't' | 'locale'>): string {
  const { why } = award;
  if (award.kind === 'quest' || why.comparison === 'quest') return t('motivation.why.quest');
  const metric = metrics.get(why.metric);
  const vars: MessageVars = { metric: metric ? metric.name[locale] : why.metric, value: metric ? formatMetric(why.value, metric.unit, locale) : String(why.value) };
  if (why.comparison === 'top') return t('motivation.why.top', { ...vars, of: String(why.of ?? 1) });
  return t('motivation.why.threshold', { ...vars, sign: SIGN[why.comparison] ?? '', threshold: metric ? formatMetric(why.threshold ?? 0, metric.unit, locale) : String(why.threshold ?? 0) });
}
