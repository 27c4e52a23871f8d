import type { AnalysisCategory, AnalysisFinding, ConversationSegment } from '@cc/shared/analytics/values';
import { formatClock, formatStatusDuration } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { findingsBySegment, piecesOf } from './highlight.ts';

export const categoryKey = (category: AnalysisCategory): MessageKey => `qa.category.${category}`;

/**
 * The conversation as the analysis read it: each segment with its speaker and offset from the start, the words a rule
 * matched in `<mark>` (category and rule in the title, so the evaluator sees why), measured findings (a silence, an
 * interruption) beside the line, and a legend of what is highlighted.
 */
export function ConversationTranscript({ segments, findings }: { segments: readonly ConversationSegment[]; findings: readonly AnalysisFinding[] }) {
  const { t, locale } = useI18n();
  const bySegment = findingsBySegment(segments, findings);
  const legend = [...new Map(findings.filter((f) => f.span).map((f) => [`${f.category}|${f.ruleId}`, f])).values()];
  const title = (f: AnalysisFinding) => t('qa.review.markTitle', { category: t(categoryKey(f.category)), ruleId: f.ruleId });

  return (
    <section className="card qa-transcript" aria-labelledby="qa-transcript-title">
      <div className="card__header card__header--padded">
        <h2 id="qa-transcript-title" className="card__title">{t('qa.review.transcript')}</h2>
      </div>
      {segments.length === 0 && <p className="qa-review__note">{t('qa.review.noSegments')}</p>}
      {segments.length > 0 && (
        <ol className="qa-transcript__lines" data-testid="qa-transcript">
          {segments.map((segment, index) => (
            <li key={index} className="qa-line" data-speaker={segment.speaker} data-segment={index}>
              <span className="qa-line__who">{t(`qa.review.speaker.${segment.speaker}`)}</span>
              <span className="qa-line__time muted">{formatClock(segment.startMs / 1000)}</span>
              <span className="qa-line__text">
                {piecesOf(segment.text, bySegment[index] ?? []).map((piece, at) =>
                  piece.findings.length === 0 ? (
                    <span key={at}>{piece.text}</span>
                  ) : (
                    <mark key={at} className="qa-mark" data-category={piece.findings[0]!.category} data-categories={piece.findings.map((f) => f.category).join(' ')} data-rule={piece.findings.map((f) => f.ruleId).join(' ')} title={piece.findings.map(title).join('; ')}>
                      {piece.text}
                    </mark>
                  ),
                )}
              </span>
              {(bySegment[index] ?? []).filter((f) => !f.span).map((f, at) => (
                <span key={`m${at}`} className="qa-line__measure chip chip--outline" title={f.ruleId}>
                  {t('qa.review.measured', { category: t(categoryKey(f.category)), amount: formatStatusDuration(f.amountMs ?? 0, locale) })}
                </span>
              ))}
            </li>
          ))}
        </ol>
      )}
      {legend.length > 0 && (
        <div className="qa-legend">
          <h3 className="qa-legend__title">{t('qa.review.legend')}</h3>
          <ul className="chips" data-testid="qa-legend">
            {legend.map((f) => (
              <li key={`${f.category}|${f.ruleId}`} className="chip chip--outline">
                <mark className="qa-mark" data-category={f.category}>{t(categoryKey(f.category))}</mark> <code>{f.ruleId}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
