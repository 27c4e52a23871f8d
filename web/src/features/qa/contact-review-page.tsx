import { useEffect, useState } from 'react';
import type { ContactAnalysisView } from '@cc/shared/analytics/values';
import { ProblemError } from '../../api/errors.ts';
import { LoadFailed } from '../../components/empty-state.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { AnalysisSummary } from './analysis-summary.tsx';
import { ConversationTranscript } from './conversation-transcript.tsx';
import { EvaluationPanel } from './evaluation-panel.tsx';
import './qa.css';

/** Who, where and when, as the analysis or (not analysed yet) the contact itself says. */
interface Subject { queueId: string; channel: string; agentId?: string; closedAt?: string }

/**
 * `#/qa/contact/<id>`: one conversation under review. Its analysis (verdict, category scores, the transcript with the
 * matched words highlighted) beside the evaluation form pre-answered from it. A contact not analysed yet is still
 * evaluated by hand: its queue comes from the contact.
 */
export function ContactReviewPage({ contactId }: { contactId: string }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [analysis, setAnalysis] = useState<ContactAnalysisView | undefined>();
  const [subject, setSubject] = useState<Subject | undefined>();
  const [state, setState] = useState<'loading' | 'ready' | 'failed' | 'missing'>('loading');
  const [names, setNames] = useState<{ agents: Map<string, string>; queues: Map<string, string> }>({ agents: new Map(), queues: new Map() });

  const load = () => {
    let live = true;
    setState('loading');
    api.contactAnalysis(contactId).then(
      (view) => { if (!live) return; setAnalysis(view); setSubject(view); setState('ready'); },
      async (error: unknown) => {
        if (!(error instanceof ProblemError && error.status === 404)) return live && setState('failed');
        setAnalysis(undefined);
        try {
          const contact = await api.getContact(contactId);
          if (live) { setSubject({ queueId: contact.queueId, channel: contact.channel, ...(contact.agentId && { agentId: contact.agentId }) }); setState('ready'); }
        } catch (missing) {
          if (live) setState(missing instanceof ProblemError && missing.status === 404 ? 'missing' : 'failed');
        }
      },
    );
    return () => { live = false; };
  };
  useEffect(load, [api, contactId]);
  useEffect(() => {
    let live = true;
    Promise.all([api.listAgents(), api.listQueues()]).then(([agents, queues]) => live && setNames({ agents: new Map(agents.map((a) => [a.agentId, a.name])), queues: new Map(queues.map((q) => [q.queueId, q.name])) }), () => undefined);
    return () => { live = false; };
  }, [api]);

  return (
    <div className="qa-review" data-contact={contactId}>
      <p><a href="#/qa">{t('qa.review.back')}</a></p>
      <header className="card qa-review__head">
        <h1 className="qa-review__title">{t('qa.review.title')} <code>{contactId}</code></h1>
        {subject && (
          <dl className="qa-review__meta">
            <div><dt>{t('qa.review.agent')}</dt><dd>{subject.agentId ? names.agents.get(subject.agentId) ?? subject.agentId : '—'}</dd></div>
            <div><dt>{t('qa.review.queue')}</dt><dd>{names.queues.get(subject.queueId) ?? subject.queueId}</dd></div>
            <div><dt>{t('qa.review.channel')}</dt><dd>{t(`channel.${subject.channel}` as MessageKey)}</dd></div>
            {subject.closedAt && <div><dt>{t('qa.review.closedAt')}</dt><dd>{formatDateTime(subject.closedAt, locale)}</dd></div>}
          </dl>
        )}
      </header>
      {state === 'loading' && <div className="skeleton" aria-busy="true" aria-label={t('app.loading')} />}
      {state === 'failed' && <LoadFailed onRetry={load} />}
      {state === 'missing' && <p className="qa-review__note">{t('qa.review.notFound')}</p>}
      {state === 'ready' && subject && (
        <div className="qa-review__body">
          <div className="qa-review__conversation">
            {analysis ? (
              <>
                <AnalysisSummary analysis={analysis} />
                <ConversationTranscript segments={analysis.segments} findings={analysis.findings} />
              </>
            ) : (
              <p className="card qa-review__note">{t('qa.review.notAnalysed')}</p>
            )}
          </div>
          <EvaluationPanel contactId={contactId} queueId={subject.queueId} />
        </div>
      )}
    </div>
  );
}
