import { useState } from 'react';
import type { StoredMessage } from '@cc/shared/conversations/model';
import { AlertIcon, ClockIcon, DoubleTickIcon, MapPinIcon, TickIcon, UserIcon } from '../../components/icons.tsx';
import { formatDateTime, formatPhone, formatTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { deliveryMark } from './message-list.ts';
import { AttachmentView } from './attachment-view.tsx';

/** One message: the customer's on the left, ours on the right, with time, delivery ticks and any failure. */
export function MessageBubble({ message, onResend }: { message: StoredMessage; onResend?(message: StoredMessage): Promise<unknown> }) {
  const { t, locale } = useI18n();
  const mark = deliveryMark(message);
  const [resending, setResending] = useState(false);
  const side = message.direction === 'inbound' ? 'in' : 'out';
  const bot = message.direction === 'outbound' && message.authorId === 'system';

  return (
    <div className="bubble-row" data-side={side} data-message-id={message.messageId} data-status={message.status} data-whisper={message.whisper || undefined}>
      <div className="bubble" data-bot={bot || undefined} data-whisper={message.whisper || undefined} data-failed={mark.kind === 'failed' || undefined}>
        {bot && <span className="bubble__author">{t('conversation.bot')}</span>}
        {/* Marked in words, not by colour alone: the agent must never mistake a whisper for something the customer saw. */}
        {message.whisper && <span className="bubble__author" data-testid="whisper-mark">{t('chatSupervision.whisperMark', { name: message.authorName ?? '' })}</span>}
        {!message.whisper && message.authorName && <span className="bubble__author">{message.authorName}</span>}
        <MessageBody message={message} />
        <span className="bubble__meta">
          {message.edited && <span className="bubble__edited">{t('conversation.edited')}</span>}
          <time dateTime={message.sentAt} title={formatDateTime(message.sentAt, locale)}>
            {formatTime(message.sentAt, locale)}
          </time>
          {mark.kind === 'pending' && (
            <span className="tick tick--pending" role="img" aria-label={t('delivery.pending')} title={t('delivery.pending')}>
              <ClockIcon size={14} />
            </span>
          )}
          {mark.kind === 'ticks' && (
            <span className={mark.read ? 'tick tick--read' : 'tick'} data-ticks={mark.count} role="img" aria-label={t(mark.count === 1 ? 'delivery.sent' : mark.read ? 'delivery.read' : 'delivery.delivered')} title={t(mark.count === 1 ? 'delivery.sent' : mark.read ? 'delivery.read' : 'delivery.delivered')}>
              {mark.count === 1 ? <TickIcon size={16} /> : <DoubleTickIcon size={16} />}
            </span>
          )}
        </span>
      </div>
      {mark.kind === 'failed' && (
        <div className="bubble-failure" role="status">
          <p className="bubble-failure__reason">
            <AlertIcon size={16} />
            <span className="bubble-failure__text">{mark.reason ? t('delivery.failedReason', { reason: mark.reason }) : t('delivery.failed')}</span>
          </p>
          {onResend && (
            <button
              type="button"
              className="link-button"
              disabled={resending}
              title={mark.permanent ? t('delivery.permanentHint') : undefined}
              onClick={() => {
                setResending(true);
                void onResend(message).finally(() => setResending(false));
              }}
            >
              {t('delivery.resend')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function MessageBody({ message }: { message: StoredMessage }) {
  const { t, locale } = useI18n();
  const parts = [];
  if (message.kind === 'button_reply' && message.button) parts.push(<p key="button" className="bubble__note">{t('message.button', { title: message.button.title ?? message.button.payload })}</p>);
  else if (message.text) parts.push(<p key="text" className="bubble__text">{message.text}</p>);
  for (const [i, attachment] of message.attachments.entries()) parts.push(<AttachmentView key={`a${i}`} messageId={message.messageId} index={i} attachment={attachment} />);
  if (message.location) {
    const { name, address, latitude, longitude } = message.location;
    parts.push(
      <p key="loc" className="bubble__chip">
        <MapPinIcon size={16} />
        <span>{[name, address].filter(Boolean).join(', ') || `${t('message.location')}: ${latitude.toFixed(5)}, ${longitude.toFixed(5)}`}</span>
      </p>,
    );
  }
  if (message.sharedContact) {
    const { name, phone } = message.sharedContact;
    parts.push(
      <p key="contact" className="bubble__chip">
        <UserIcon size={16} />
        <span>{[name ?? t('message.sharedContact'), phone && formatPhone(phone, locale)].filter(Boolean).join(' · ')}</span>
      </p>,
    );
  }
  if (message.kind === 'unsupported') parts.push(<p key="unsupported" className="bubble__note">{t('message.unsupported', { type: message.unsupportedType ?? '?' })}</p>);
  if (message.buttons?.length) {
    parts.push(
      <ul key="buttons" className="bubble__buttons">
        {message.buttons.map((button) => (
          <li key={button.payload}>{button.title}</li>
        ))}
      </ul>,
    );
  }
  if (parts.length === 0) parts.push(<p key="empty" className="bubble__note">{t('message.empty')}</p>);
  return <>{parts}</>;
}
