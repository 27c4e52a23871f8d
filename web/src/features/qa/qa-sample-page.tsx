import { useEffect, useState } from 'react';
import type { QaSample } from '@cc/shared/qa/values';
import { LoadFailed } from '../../components/empty-state.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { ConversationSearch, reviewHash } from './conversation-search.tsx';
import './qa.css';

/**
 * «Контроль качества»: the day's conversations to evaluate, flagged first with their categories, evaluated ones
 * marked, each opening its review; below, a search over every analysed conversation.
 */
export function QaSamplePage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const [date, setDate] = useState<string | undefined>();
  const [sample, setSample] = useState<QaSample | undefined>();
  const [failed, setFailed] = useState(false);

  const [agentNames, setAgentNames] = useState<Map<string, string>>(new Map());

  const load = () => void api.qaSample(date ? { date } : {}).then((page) => { setSample(page); setFailed(false); }, () => setFailed(true));
  useEffect(load, [api, date]);
  useEffect(() => {
    let live = true;
    api.listAgents().then((agents) => live && setAgentNames(new Map(agents.map((a) => [a.agentId, a.name]))), () => undefined);
    return () => { live = false; };
  }, [api]);

  return (
    <div className="qa-page">
      <section className="card qa-sample-card" aria-labelledby="qa-sample-title">
        <h1 id="qa-sample-title" className="qa-sample-card__title">{t('qa.sample.title')}</h1>
        <p className="card__hint">{t('qa.sample.hint')} <a href="#/qa/forms">{t('qa.forms.link')}</a></p>
        <label>
          {t('qa.sample.date')}{' '}
          <input type="date" value={date ?? sample?.date ?? ''} onChange={(e) => setDate(e.target.value || undefined)} />
        </label>
        {failed && <LoadFailed onRetry={load} />}
        {sample && sample.entries.length === 0 && <p>{t('qa.sample.empty')}</p>}
        {sample && sample.entries.length > 0 && (
          <ul className="qa-sample" data-testid="qa-sample">
            {sample.entries.map((entry) => (
              <li key={entry.contactId} data-contact={entry.contactId} data-reason={entry.reason}>
                <a href={reviewHash(entry.contactId)}>{t('qa.open')}</a>{' · '}
                <strong>{entry.reason === 'flagged' ? t('qa.sample.flagged') : t('qa.sample.random')}</strong>{' · '}
                {t('qa.sample.agent')}: {entry.agentId ? agentNames.get(entry.agentId) ?? entry.agentId : '—'}{' · '}
                {t('qa.sample.closedAt')}: {formatDateTime(entry.closedAt, locale, sample.timeZone)}{' · '}
                {entry.evaluationIds.length > 0 ? t('qa.sample.evaluated') : t('qa.sample.notEvaluated')}
                {entry.categories.length > 0 && (
                  <span className="qa-badges">
                    {entry.categories.map((category) => <span key={category} className="badge">{t(`qa.category.${category}` as MessageKey)}</span>)}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ConversationSearch />
    </div>
  );
}
