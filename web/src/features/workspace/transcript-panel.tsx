import { useEffect, useState } from 'react';
import { ProblemError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { useRealtime } from '../shell/realtime-context.tsx';
import { applyTranscriptPush, formatOffset, withLoaded, type TranscriptView } from './transcript.ts';

type LoadState = 'loading' | 'ready' | 'failed' | 'forbidden';

/**
 * A call's two-channel transcript: who said what and when into the call, loaded once (again after a reconnect,
 * to catch missed pushes) and kept live from pushed `transcript` messages. Lines Transcribe may still revise are
 * greyed. `compact` is the customer history's inline form.
 */
export function TranscriptPanel({ contactId, compact = false }: { contactId: string; compact?: boolean }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { on, openCount } = useRealtime();
  const [segments, setSegments] = useState<TranscriptView>([]);
  const [state, setState] = useState<LoadState>('loading');

  useEffect(() => on('transcript', (push) => setSegments((current) => applyTranscriptPush(current, contactId, push))), [on, contactId]);

  useEffect(() => {
    let live = true;
    api.getTranscript(contactId).then(
      (loaded) => {
        if (!live) return;
        setSegments((current) => withLoaded(current, loaded));
        setState('ready');
      },
      (error: unknown) => live && setState(error instanceof ProblemError && error.status === 403 ? 'forbidden' : 'failed'),
    );
    return () => {
      live = false;
    };
  }, [api, contactId, openCount]);

  return (
    <section className="transcript" data-compact={compact || undefined} aria-label={t('transcript.title')} data-testid="transcript">
      {!compact && <h3 className="panel-heading transcript__title">{t('transcript.title')}</h3>}
      {segments.length > 0 ? (
        <ol className="transcript__lines">
          {segments.map((segment) => (
            <li key={segment.segmentId} className="transcript-line" data-speaker={segment.speaker} data-partial={segment.partial || undefined} aria-busy={segment.partial || undefined}>
              <span className="transcript-line__who">{t(`transcript.speaker.${segment.speaker}`)}</span>
              <time className="transcript-line__time tabular muted">{formatOffset(segment.startMs, locale)}</time>
              <span className="transcript-line__text">{segment.text}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted transcript__empty">
          {state === 'loading' ? t('app.loading') : state === 'failed' ? t('common.loadError') : state === 'forbidden' ? t('transcript.forbidden') : t('transcript.empty')}
        </p>
      )}
      {state === 'ready' && segments.some((s) => s.partial) && <p className="muted transcript__hint">{t('transcript.partialHint')}</p>}
    </section>
  );
}
