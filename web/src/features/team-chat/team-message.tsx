import { ChannelIcon } from '../../components/channel-icon.tsx';
import { AnnounceIcon } from '../../components/icons.tsx';
import { formatTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { contactLinkOf, mentionParts, type ShownMessage } from './team-chat-model.ts';

/** One message of a room: who and when, the text with mentions by name, a shared contact's link, an announcement's banner. */
export function TeamMessageView({ message, selfId, names, onRetry }: { message: ShownMessage; selfId: string; names: ReadonlyMap<string, string>; onRetry?(message: ShownMessage): void }) {
  const { t, locale } = useI18n();
  const own = message.senderId === selfId;
  const parts = mentionParts(message.text, names);
  return (
    <li className="team-message" data-side={own ? 'out' : 'in'} data-broadcast={message.broadcast || undefined} data-pending={message.pending} data-message-id={message.messageId} data-mentions-me={message.mentions?.includes(selfId) || undefined}>
      <div className="team-message__bubble">
        {message.broadcast && (
          <span className="team-message__banner">
            <AnnounceIcon size={16} />
            {t('team.broadcast')}
          </span>
        )}
        <span className="team-message__head">
          <span className="team-message__author">{own ? t('team.you') : names.get(message.senderId) ?? message.senderName}</span>
          <time className="team-message__time" dateTime={message.sentAt}>{formatTime(message.sentAt, locale)}</time>
        </span>
        {message.text && (
          <p className="team-message__text">
            {parts.map((part, i) => ('mention' in part ? <span key={i} className="team-mention" data-user-id={part.mention} data-self={part.mention === selfId || undefined}>@{part.name}</span> : <span key={i}>{part.text}</span>))}
          </p>
        )}
        {message.contactRef && (
          <a className="team-message__contact" href={contactLinkOf(message.contactRef.contactId)} data-contact-id={message.contactRef.contactId}>
            <ChannelIcon channel={message.contactRef.channel} size={28} decorative />
            <span>
              <span className="team-message__contact-name">{message.contactRef.label || t('team.contact.noName')}</span>
              <span className="team-message__contact-meta">{t(`channel.${message.contactRef.channel}`)} · {t('team.contact.open')}</span>
            </span>
          </a>
        )}
        {message.pending === 'sending' && <span className="team-message__state">{t('team.sending')}</span>}
        {message.pending === 'failed' && (
          <span className="team-message__state team-message__state--failed">
            {t('team.composer.failed')}
            {onRetry && <button type="button" className="link-button" onClick={() => onRetry(message)}>{t('team.composer.retry')}</button>}
          </span>
        )}
      </div>
    </li>
  );
}
