import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { useTeamChat } from './team-chat-context.tsx';

/** The navigation's count of unread team chat messages (an `@` when some name the reader), live as they come. */
export function TeamNavBadge() {
  const { t, locale } = useI18n();
  const { totals } = useTeamChat();
  if (totals.unread === 0) return null;
  return (
    <span className="team-nav-badge" data-testid="team-nav-badge" data-count={totals.unread} data-mentions={totals.mentions || undefined}>
      <span aria-hidden="true">{totals.mentions > 0 ? '@ ' : ''}{formatNumber(totals.unread, locale)}</span>
      <span className="visually-hidden">{t('team.navUnread', { count: formatNumber(totals.unread, locale) })}</span>
    </span>
  );
}
