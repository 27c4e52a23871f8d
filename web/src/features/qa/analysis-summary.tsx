import { ANALYSIS_CATEGORIES, type AnalysisCategory, type AnalysisReason, type CategoryScore, type ContactAnalysisView } from '@cc/shared/analytics/values';
import { formatNumber } from '../../i18n/format.ts';
import type { Locale, MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { categoryKey } from './conversation-transcript.tsx';

/** A score's value in its unit ("3", "4,5 на 100 слов", "62 %"). */
function valueText(value: number, unit: CategoryScore['unit'], locale: Locale, t: (key: MessageKey) => string): string {
  const number = formatNumber(Math.round(value * 10) / 10, locale);
  return unit === 'count' ? number : `${number} ${t(`qa.review.unit.${unit}`)}`;
}

/** The analysis's verdict: flagged or not and why, then every category's value against its threshold. */
export function AnalysisSummary({ analysis }: { analysis: ContactAnalysisView }) {
  const { t, locale } = useI18n();
  const reasonText = (reason: AnalysisReason) => {
    const unit = analysis.scores[reason.category]?.unit ?? 'count';
    const category = t(categoryKey(reason.category)) + (reason.speaker ? ` (${t(`qa.review.speaker.${reason.speaker}`)})` : '');
    const value = valueText(reason.value, unit, locale, t);
    return reason.threshold === undefined ? t('qa.review.reason', { category, value }) : t('qa.review.reasonThreshold', { category, value, threshold: valueText(reason.threshold, unit, locale, t) });
  };
  const categories = ANALYSIS_CATEGORIES.filter((category: AnalysisCategory) => analysis.scores[category] !== undefined);

  return (
    <section className="card qa-summary" aria-labelledby="qa-summary-title" data-testid="qa-summary">
      <div className="card__header card__header--padded">
        <h2 id="qa-summary-title" className="card__title">{t('qa.review.scores')}</h2>
        <span className="qa-flag" data-flagged={analysis.flagged}>{analysis.flagged ? t('qa.review.flagged') : t('qa.review.notFlagged')}</span>
      </div>
      {analysis.reasons.length > 0 && (
        <div className="qa-summary__reasons">
          <h3>{t('qa.review.reasons')}</h3>
          <ul data-testid="qa-reasons">{analysis.reasons.map((reason, index) => <li key={index} data-category={reason.category}>{reasonText(reason)}</li>)}</ul>
        </div>
      )}
      <table className="data-table qa-scores">
        <thead>
          <tr>
            <th scope="col">{t('qa.review.col.category')}</th>
            <th scope="col" className="num">{t('qa.review.col.value')}</th>
            <th scope="col" className="num">{t('qa.review.col.threshold')}</th>
            <th scope="col">{t('qa.review.col.flag')}</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((category) => {
            const score = analysis.scores[category];
            return (
              <tr key={category} data-category={category} data-flagged={score.flagged}>
                <th scope="row">{t(categoryKey(category))}</th>
                <td className="num">{score.notApplicable ? t('qa.review.notApplicable') : valueText(score.value, score.unit, locale, t)}</td>
                <td className="num">{score.threshold === undefined ? '—' : valueText(score.threshold, score.unit, locale, t)}</td>
                <td>{score.flagged ? <strong className="qa-flag" data-flagged="true">{t('qa.review.crossed')}</strong> : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
