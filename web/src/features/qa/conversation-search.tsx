import { useEffect, useState, type FormEvent } from 'react';
import { ANALYSIS_CATEGORIES, type AnalysisCategory, type AnalysisSearchEntry } from '@cc/shared/analytics/values';
import type { ConversationSearchQuery } from '../../api/qa-api.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { categoryKey } from './conversation-transcript.tsx';

/** The start of a local calendar day (`YYYY-MM-DD` from a date input) as an instant; `days` later for an end. */
const dayStart = (date: string, days = 0) => {
  const start = new Date(`${date}T00:00:00`);
  start.setDate(start.getDate() + days);
  return start.toISOString();
};

/** The review's hash of a contact. */
export const reviewHash = (contactId: string) => `#/qa/contact/${encodeURIComponent(contactId)}`;

/**
 * Search over the analysed conversations (`GET /api/analytics/conversations`): a category, an agent, local days
 * from–to (the server's last day when left empty) and flagged only; every result opens the review.
 */
export function ConversationSearch() {
  const { t, locale } = useI18n();
  const api = useApi();
  const [category, setCategory] = useState<AnalysisCategory | ''>('');
  const [agentId, setAgentId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [flaggedOnly, setFlaggedOnly] = useState(true);
  const [agents, setAgents] = useState<{ agentId: string; name: string }[]>([]);
  const [entries, setEntries] = useState<AnalysisSearchEntry[] | undefined>();
  const [cursor, setCursor] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    api.listAgents().then((list) => live && setAgents([...list].sort((a, b) => a.name.localeCompare(b.name))), () => undefined);
    return () => { live = false; };
  }, [api]);

  const query = (): ConversationSearchQuery => ({
    ...(category && { category }),
    ...(agentId && { agentId }),
    ...(from && { from: dayStart(from) }),
    ...(to && { to: dayStart(to, 1) }),
    flaggedOnly,
  });
  const run = async (more?: string) => {
    setProblem(undefined);
    try {
      const page = await api.searchConversations({ ...query(), ...(more && { cursor: more }) });
      setEntries((shown) => (more ? [...(shown ?? []), ...page.entries] : page.entries));
      setCursor(page.cursor);
    } catch (error) {
      setProblem(t('qa.search.failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run();
  };
  const agentName = (id?: string) => (id ? agents.find((a) => a.agentId === id)?.name ?? id : '—');

  return (
    <section className="card qa-search" aria-labelledby="qa-search-title" data-testid="qa-search">
      <div className="card__header card__header--padded">
        <div>
          <h2 id="qa-search-title" className="card__title">{t('qa.search.title')}</h2>
          <p className="card__hint">{t('qa.search.hint')}</p>
        </div>
      </div>
      <form className="qa-search__form" onSubmit={submit}>
        <label className="field">
          <span>{t('qa.search.category')}</span>
          <select className="input" value={category} onChange={(e) => setCategory(e.target.value as AnalysisCategory | '')}>
            <option value="">{t('qa.search.anyCategory')}</option>
            {ANALYSIS_CATEGORIES.map((c) => <option key={c} value={c}>{t(categoryKey(c))}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('qa.search.agent')}</span>
          <select className="input" value={agentId} onChange={(e) => setAgentId(e.target.value)}>
            <option value="">{t('qa.search.anyAgent')}</option>
            {agents.map((a) => <option key={a.agentId} value={a.agentId}>{a.name}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('qa.search.from')}</span>
          <input className="input" type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('qa.search.to')}</span>
          <input className="input" type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label className="qa-search__flagged">
          <input type="checkbox" checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.target.checked)} /> {t('qa.search.flaggedOnly')}
        </label>
        <button type="submit" className="button button--primary">{t('qa.search.submit')}</button>
      </form>
      {problem && <p className="alert alert--error" role="alert">{problem}</p>}
      {entries?.length === 0 && <p className="qa-review__note">{t('qa.search.empty')}</p>}
      {entries && entries.length > 0 && (
        <ul className="qa-search__results" data-testid="qa-search-results">
          {entries.map((entry) => (
            <li key={entry.contactId} data-contact={entry.contactId} data-flagged={entry.flagged}>
              <a href={reviewHash(entry.contactId)}>{t('qa.open')}</a>{' · '}
              {formatDateTime(entry.closedAt, locale)}{' · '}
              {agentName(entry.agentId)}{' · '}
              {t('qa.search.loyalty', { score: formatNumber(entry.loyaltyScore, locale) })}
              {entry.categories.length > 0 && (
                <span className="qa-badges">{entry.categories.map((c) => <span key={c} className="badge">{t(categoryKey(c))}</span>)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {cursor && <button type="button" className="button button--subtle" onClick={() => void run(cursor)}>{t('qa.search.more')}</button>}
    </section>
  );
}
