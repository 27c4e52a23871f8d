import type { Presence, RoomSummary, TeamPerson } from '@cc/shared/team-chat/values';
import { Avatar } from '../../components/avatar.tsx';
import { UsersIcon } from '../../components/icons.tsx';
import { formatNumber, formatTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { hashFor } from '../shell/routes.ts';
import { useTeamChat } from './team-chat-context.tsx';
import { plainText } from './team-chat-model.ts';

/** A coloured dot for a colleague's presence, with its name for screen readers. */
export function PresenceDot({ presence }: { presence: Presence }) {
  const { t } = useI18n();
  return <span className="team-presence status-dot" data-status={presence} role="img" aria-label={t(`team.presence.${presence}`)} title={t(`team.presence.${presence}`)} />;
}

/** The unread count as a badge shows it: "99+" past the count the server keeps. */
export const unreadLabel = (room: Pick<RoomSummary, 'unread' | 'unreadCapped'>, format: (n: number) => string) => (room.unreadCapped ? `${format(room.unread)}+` : format(room.unread));

/** The reader's rooms: the team, their queues', their direct rooms, each with its last message and counts. */
export function RoomList({ openRoomId }: { openRoomId: string | undefined }) {
  const { t, tp, locale } = useI18n();
  const { view, names, titleOf, self } = useTeamChat();
  const people = new Map<string, TeamPerson>((view?.people ?? []).map((p) => [p.userId, p]));
  return (
    <ul className="team-rooms" data-testid="team-rooms">
      {(view?.rooms ?? []).map((room) => {
        const title = titleOf(room);
        const peer = room.peerId ? people.get(room.peerId) : undefined;
        const last = room.lastMessage;
        const author = last && (last.senderId === self.userId ? t('team.you') : names.get(last.senderId) ?? last.senderName);
        return (
          <li key={room.roomId}>
            <a className="team-room" href={hashFor('team', room.roomId)} aria-current={room.roomId === openRoomId ? 'page' : undefined} data-room-id={room.roomId} data-unread={room.unread || undefined}>
              <span className="team-room__icon">
                {room.kind === 'dm' ? <Avatar name={title} seed={room.peerId} size={34} /> : <span className="team-room__group" data-kind={room.kind}><UsersIcon size={18} /></span>}
                {peer && <PresenceDot presence={peer.presence} />}
              </span>
              <span className="team-room__text">
                <span className="team-room__title">{title}</span>
                <span className="team-room__last">{last ? `${author}: ${last.text ? plainText(last.text, names) : t('team.contact.open')}` : t(`team.kind.${room.kind}`)}</span>
              </span>
              <span className="team-room__meta">
                {last && <time className="team-room__time" dateTime={last.sentAt}>{formatTime(last.sentAt, locale)}</time>}
                <span className="team-room__badges">
                  {room.mentions > 0 && <span className="team-badge team-badge--mention" data-testid="room-mentions" data-count={room.mentions}><span aria-hidden="true">@</span><span className="visually-hidden">{t('team.mentions', { count: formatNumber(room.mentions, locale) })}</span></span>}
                  {room.unread > 0 && <span className="team-badge" data-testid="room-unread" data-count={room.unread}><span aria-hidden="true">{unreadLabel(room, (n) => formatNumber(n, locale))}</span><span className="visually-hidden">{tp('team.unread', room.unread)}</span></span>}
                </span>
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
