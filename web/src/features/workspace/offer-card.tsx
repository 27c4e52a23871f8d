import { useState } from 'react';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { isVoiceKind } from '@cc/shared/channels/catalog';
import { ChannelIcon } from '../../components/channel-icon.tsx';
import { PhoneIcon } from '../../components/icons.tsx';
import { formatClock, formatPhone } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/provider.tsx';
import type { HeldContact } from './contact-board.ts';
import { fractionLeft, offerDeadline, secondsLeft, secondsSince } from './countdown.ts';
import { customerLabel, useCustomer } from './customers.tsx';
import { callerNumber } from './softphone/caller-number.ts';

/**
 * An incoming offer: channel, queue, customer, how long they have waited, and the time left to
 * answer, with Accept and Reject. Both buttons lock while a call is in flight or once time is up. A call rings:
 * "incoming call" with the caller's number, and Answer in place of Accept (a callback is accepted, then dialled).
 */
export function OfferCard({ offer, queue, now, onAccept, onReject }: { offer: HeldContact; queue: TenantQueue | undefined; now: number; onAccept(): Promise<unknown>; onReject(): Promise<unknown> }) {
  const { t, locale } = useI18n();
  const { contact } = offer;
  const { entry } = useCustomer(contact.customerId);
  const [busy, setBusy] = useState<'accept' | 'reject' | undefined>();
  const deadline = offerDeadline(contact, offer.expiresAt, queue);
  const total = Math.max(1, Math.round((Date.parse(deadline) - Date.parse(contact.statusSince)) / 1000));
  const left = secondsLeft(deadline, now);
  const expired = left === 0;
  const profile = entry?.state === 'ready' ? entry.profile : undefined;
  const name = customerLabel(contact, profile, locale, t);
  const call = isVoiceKind(contact.channel) ? contact.channel : undefined;
  const number = call && callerNumber(contact, profile?.customer.phone);
  const shownNumber = number && formatPhone(number, locale);
  const titleId = `offer-${contact.contactId}`;

  const run = (which: 'accept' | 'reject', action: () => Promise<unknown>) => {
    setBusy(which);
    void action().finally(() => setBusy(undefined));
  };

  return (
    <section className="offer-card" data-contact-id={contact.contactId} data-expired={expired} data-call={call} aria-labelledby={titleId}>
      <div className="offer-card__top">
        <span className="offer-card__badge">
          <span className="offer-card__pulse" aria-hidden="true" />
          {call ? t(`voice.title.${call}`) : t('offer.title')}
        </span>
        <span className="offer-card__timer tabular" aria-label={`${t('offer.countdown')}: ${formatClock(left)}`} data-testid="offer-countdown">
          {formatClock(left)}
        </span>
      </div>
      <div className="offer-card__who">
        <ChannelIcon channel={contact.channel} size={40} />
        <div className="offer-card__text">
          <h3 id={titleId} className="offer-card__name">
            {call && name === t('workspace.unnamed') ? t('voice.unknownNumber') : name}
          </h3>
          {shownNumber && shownNumber !== name && (
            <p className="offer-card__number tabular" data-testid="offer-number">
              {shownNumber}
            </p>
          )}
          <p className="offer-card__meta">
            {t(`channel.${contact.channel}`)} · {queue?.name ?? contact.queueId}
          </p>
          <p className="offer-card__wait tabular">{t('offer.waiting', { duration: formatClock(secondsSince(contact.enqueuedAt, now)) })}</p>
        </div>
      </div>
      <div className="offer-card__bar" role="progressbar" aria-label={t('offer.countdown')} aria-valuemin={0} aria-valuemax={total} aria-valuenow={left}>
        <span style={{ transform: `scaleX(${fractionLeft(deadline, total, now)})` }} />
      </div>
      {expired ? (
        <p className="offer-card__expired">{t('offer.expired')}</p>
      ) : (
        <div className="offer-card__actions">
          <button type="button" className="button button--subtle" disabled={busy !== undefined} onClick={() => run('reject', onReject)}>
            {busy === 'reject' && <span className="spinner spinner--dark" aria-hidden="true" />}
            {t('offer.reject')}
          </button>
          <button type="button" className="button button--success" disabled={busy !== undefined} onClick={() => run('accept', onAccept)}>
            {busy === 'accept' ? <span className="spinner" aria-hidden="true" /> : call && call !== 'callback' && <PhoneIcon size={18} />}
            {call && call !== 'callback' ? t('offer.answer') : t('offer.accept')}
          </button>
        </div>
      )}
    </section>
  );
}
