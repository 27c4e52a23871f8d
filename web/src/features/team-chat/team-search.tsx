import { useState, type FormEvent } from 'react';
import { TEAM_CHAT_LIMITS } from '@cc/shared/team-chat/values';
import type { TeamSearchResult } from '../../api/team-chat-api.ts';
import { LoadFailed } from '../../components/empty-state.tsx';
import { CloseIcon, SearchIcon } from '../../components/icons.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { hashFor } from '../shell/routes.ts';
import { useTeamChat } from './team-chat-context.tsx';
import { plainText } from './team-chat-model.ts';

/** A search and where it stands. */
export type TeamSearch = { query: string; result?: TeamSearchResult; failed?: boolean };

/** The search box over the reader's rooms. */
export function TeamSearchForm({ onSearch }: { onSearch(search: TeamSearch | undefined): void }) {
  const { t } = useI18n();
  const api = useApi();
  const [query, setQuery] = useState('');
  const run = (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    if (q.length < TEAM_CHAT_LIMITS.searchTermMin) return;
    onSearch({ query: q });
    api.searchTeamChat(q).then((result) => onSearch({ query: q, result }), () => onSearch({ query: q, failed: true }));
  };
  return (
    <form className="team-search" role="search" onSubmit={run}>
      <label className="visually-hidden" htmlFor="team-search-input">{t('team.searchLabel')}</label>
      <input id="team-search-input" className="input" type="search" value={query} placeholder={t('team.searchPlaceholder')} maxLength={TEAM_CHAT_LIMITS.searchTermMax} onChange={(event) => setQuery(event.target.value)} />
      <button type="submit" className="icon-button" aria-label={t('team.search')} title={t('team.search')}>
        <SearchIcon size={18} />
      </button>
    </form>
  );
}

/** The hits of a search, newest first, each opening its room. */
export function TeamSearchResults({ search, onClose }: { search: TeamSearch; onClose(): void }) {
  const { t, locale } = useI18n();
  const { titleOf, view, names } = useTeamChat();
  const roomOf = (roomId: string) => view?.rooms.find((r) => r.roomId === roomId);
  return (
    <section className="card card--flush team-results" aria-labelledby="team-results-title" data-testid="team-search-results">
      <header className="card__header card__header--padded">
        <div>
          <h2 id="team-results-title" className="card__title">{search.result ? t('team.searchFound', { count: formatNumber(search.result.hits.length, locale) }) : t('team.searchLabel')} · «{search.query}»</h2>
          <p className="card__hint">{t('team.searchBound', { count: formatNumber(TEAM_CHAT_LIMITS.searchScanPerRoom, locale) })}</p>
        </div>
        <button type="button" className="icon-button" aria-label={t('team.searchClose')} title={t('team.searchClose')} onClick={onClose}><CloseIcon /></button>
      </header>
      {search.failed && <LoadFailed onRetry={onClose} />}
      {!search.result && !search.failed && <div className="skeleton" aria-busy="true" aria-label={t('app.loading')} />}
      {search.result?.hits.length === 0 && <p className="team-results__none">{t('team.searchNone')}</p>}
      <ul className="team-results__list">
        {search.result?.hits.map((hit) => {
          const room = roomOf(hit.roomId);
          return (
            <li key={hit.messageId}>
              <a className="team-results__hit" href={hashFor('team', hit.roomId)} onClick={onClose}>
                <span className="team-results__where">{room ? titleOf(room) : hit.roomId} · {names.get(hit.senderId) ?? hit.senderName} · {formatDateTime(hit.sentAt, locale)}</span>
                <span className="team-results__text">{plainText(hit.text, names)}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
