import { useEffect, useRef } from 'react';
import { isVoiceKind } from '@cc/shared/channels/catalog';
import { useI18n } from '../../../i18n/provider.tsx';
import type { HeldContact } from '../contact-board.ts';
import { attentionTitle, newOffers, unreadTotal } from './attention.ts';
import type { AttentionSettings } from './attention-settings.ts';
import { playOfferTone } from './offer-tone.ts';

/**
 * Draws the agent to new work: each new offer rings once (if the sound is on) and, while the tab is hidden,
 * shows a desktop notification that brings the console forward; the tab title counts offers and unread messages.
 */
export function useAttention(offers: readonly HeldContact[], unread: ReadonlyMap<string, number>, settings: Pick<AttentionSettings, 'sound' | 'notifications'>, baseTitle: string) {
  const { t } = useI18n();
  const seen = useRef(new Set<string>());
  const { sound, notifications } = settings;

  useEffect(() => {
    const fresh = newOffers(seen.current, offers.map((offer) => offer.contact.contactId));
    for (const contactId of fresh) {
      seen.current.add(contactId);
      const contact = offers.find((offer) => offer.contact.contactId === contactId)!.contact;
      const call = isVoiceKind(contact.channel) ? contact.channel : undefined;
      if (sound) playOfferTone(call ? 'call' : 'chat');
      if (document.hidden && notifications === 'granted') {
        const notice = new Notification(call ? t(`voice.title.${call}`) : t('offer.title'), { body: t(`channel.${contact.channel}`), tag: contactId });
        notice.onclick = () => {
          window.focus();
          notice.close();
        };
      }
    }
  }, [offers, sound, notifications, t]);

  const waitingOffers = offers.length;
  const unreadCount = unreadTotal(unread);
  useEffect(() => {
    const previous = document.title;
    document.title = attentionTitle(baseTitle, waitingOffers, unreadCount);
    return () => {
      document.title = previous;
    };
  }, [baseTitle, waitingOffers, unreadCount]);
}
