import { isVoiceKind, type VoiceKind } from '@cc/shared/channels/catalog';
import type { Contact } from '@cc/shared/contacts/model';
import type { CustomerProfileView } from '@cc/shared/customers/model';
import { PhoneCallbackIcon, PhoneIcon } from '../../components/icons.tsx';
import { formatDateTime, formatPhone, formatTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import { callerNumber } from './softphone/caller-number.ts';
import { CallEnded, Softphone } from './softphone/softphone.tsx';

/**
 * A call of any voice kind (phone, callback, from the site): the customer's number, a callback's preferred window and
 * note, and the softphone while the call is connected to this agent (the call's summary in after-contact work).
 */
export function VoicePanel({
  contact,
  profile,
  selfId,
  now,
  onHold,
  onTransfer,
  onHangUp,
}: {
  contact: Contact;
  profile: CustomerProfileView | undefined;
  selfId: string;
  now: number;
  onHold(onHold: boolean): Promise<unknown>;
  onTransfer(): void;
  onHangUp(): Promise<unknown>;
}) {
  const { t, locale } = useI18n();
  const phone = callerNumber(contact, profile?.customer.phone);
  const { notBefore, notAfter, note } = contact.callback ?? {};
  const kind: VoiceKind = isVoiceKind(contact.channel) ? contact.channel : 'voice';
  const Icon = kind === 'callback' ? PhoneCallbackIcon : PhoneIcon;
  const live = contact.status === 'connected' && contact.agentId === selfId;
  // Beside the softphone the call card gives up its big icon, so the controls fit without scrolling.
  const compact = live || contact.status === 'after-contact-work';
  return (
    <div className="voice-panel">
      <div className={compact ? 'voice-panel__card voice-panel__card--compact' : 'voice-panel__card'}>
        {!compact && (
          <span className="voice-panel__icon" aria-hidden="true">
            <Icon size={28} />
          </span>
        )}
        <p className="voice-panel__kind">{t(`voice.title.${kind}`)}</p>
        {!compact && <p className="voice-panel__label">{t('voice.number')}</p>}
        {phone ? (
          <a className="voice-panel__number tabular" href={`tel:${phone}`} data-testid="caller-number">
            {formatPhone(phone, locale)}
          </a>
        ) : (
          <p className="voice-panel__number voice-panel__number--unknown">{t('voice.unknownNumber')}</p>
        )}
        {(notBefore || notAfter) && (
          <p className="voice-panel__detail">
            <span className="muted">{t('voice.window')}: </span>
            {notBefore ? formatDateTime(notBefore, locale) : '…'} – {notAfter ? (notBefore && notAfter.slice(0, 10) === notBefore.slice(0, 10) ? formatTime(notAfter, locale) : formatDateTime(notAfter, locale)) : '…'}
          </p>
        )}
        {note && (
          <p className="voice-panel__detail">
            <span className="muted">{t('voice.note')}: </span>
            {note}
          </p>
        )}
      </div>
      {live && <Softphone key={contact.contactId} contact={contact} now={now} onHold={onHold} onTransfer={onTransfer} onHangUp={onHangUp} />}
      {contact.status === 'after-contact-work' && <CallEnded contact={contact} />}
    </div>
  );
}
