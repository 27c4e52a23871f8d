import { useState } from 'react';
import type { AnalysisRule } from '@cc/shared/analytics/rules';
import type { AnalysisResult, ConversationSegment, ConversationSpeaker } from '@cc/shared/analytics/values';
import { ProblemError } from '../../../api/errors.ts';
import { formatNumber } from '../../../i18n/format.ts';
import type { MessageKey } from '../../../i18n/messages.ts';
import { useI18n } from '../../../i18n/provider.tsx';
import { useApi } from '../../auth/session.tsx';
import { ConversationTranscript } from '../../qa/conversation-transcript.tsx';
import '../../qa/qa.css';

interface Line {
  speaker: ConversationSpeaker;
  text: string;
}
const FIRST_LINES: Line[] = [{ speaker: 'customer', text: '' }, { speaker: 'agent', text: '' }];

/** Try the rules on a conversation typed in: the matched words highlighted, the problem flag and its reasons. */
export function AnalysisPreview({ rules }: { rules: () => AnalysisRule[] }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [lines, setLines] = useState<Line[]>(FIRST_LINES);
  const [result, setResult] = useState<{ segments: ConversationSegment[]; analysis: AnalysisResult }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (i: number, patch: Partial<Line>) => setLines(lines.map((line, j) => (j === i ? { ...line, ...patch } : line)));

  const run = () => {
    const typed = lines.filter((line) => line.text.trim() !== '');
    if (typed.length === 0) return;
    setBusy(true);
    setError(undefined);
    // A chat: each line a message a second apart, so no call timing (interruptions, silence) is read into it.
    const segments: ConversationSegment[] = typed.map((line, i) => ({ speaker: line.speaker, text: line.text, startMs: i * 1000, endMs: i * 1000 }));
    const tried = rules();
    api.previewAnalysis({ medium: 'chat', segments, ...(tried.length > 0 && { rules: tried }) }).then(
      (analysis) => setResult({ segments, analysis }),
      (e: unknown) => setError(e instanceof ProblemError ? e.message : t('admin.analytics.preview.failed')),
    ).finally(() => setBusy(false));
  };

  return (
    <fieldset className="analytics-preview" data-testid="analytics-preview">
      <legend>{t('admin.analytics.preview')}</legend>
      <p className="muted">{t('admin.analytics.preview.hint')}</p>
      {lines.map((line, i) => (
        <div key={i} className="analytics-preview__line">
          <select className="input" aria-label={t('admin.analytics.preview.speaker', { n: i + 1 })} value={line.speaker} onChange={(e) => set(i, { speaker: e.target.value as ConversationSpeaker })}>
            <option value="customer">{t('admin.analytics.speaker.customer')}</option>
            <option value="agent">{t('admin.analytics.speaker.agent')}</option>
          </select>
          <input className="input" aria-label={t('admin.analytics.preview.text', { n: i + 1 })} value={line.text} maxLength={2000} onChange={(e) => set(i, { text: e.target.value })} />
        </div>
      ))}
      <div className="admin-list__actions">
        <button type="button" className="button button--small" onClick={() => setLines([...lines, { speaker: lines.at(-1)?.speaker === 'customer' ? 'agent' : 'customer', text: '' }])} disabled={lines.length >= 20}>
          {t('admin.analytics.preview.addLine')}
        </button>
        <button type="button" className="button button--primary button--small" onClick={run} disabled={busy}>
          {t('admin.analytics.preview.run')}
        </button>
      </div>
      {error && <p className="field__error" role="alert">{error}</p>}
      {result && (
        <div className="analytics-preview__result" data-testid="analytics-preview-result" data-flagged={result.analysis.flagged}>
          <p className={result.analysis.flagged ? 'analytics-flag analytics-flag--problem' : 'analytics-flag'}>
            {t(result.analysis.flagged ? 'admin.analytics.preview.flagged' : 'admin.analytics.preview.fine')}
          </p>
          {result.analysis.reasons.length > 0 && (
            <ul className="analytics-reasons">
              {result.analysis.reasons.map((reason, i) => (
                <li key={i}>
                  {t(`qa.category.${reason.category}` as MessageKey)}
                  {reason.speaker && ` (${t(`admin.analytics.speaker.${reason.speaker}`)})`}: {formatNumber(reason.value, locale)}
                  {reason.threshold !== undefined && ` ${t('admin.analytics.preview.threshold', { threshold: formatNumber(reason.threshold, locale) })}`}
                </li>
              ))}
            </ul>
          )}
          <ConversationTranscript segments={result.segments} findings={result.analysis.findings} />
        </div>
      )}
    </fieldset>
  );
}
