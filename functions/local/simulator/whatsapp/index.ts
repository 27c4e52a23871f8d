/** WhatsApp (Cloud API) as the simulator plays it: notifications out, the Graph API `messages` call in (`api.ts`). */
import type { ProviderFactory } from '../provider.ts';
import { whatsAppApi } from './api.ts';
import type { WhatsAppMediaItem } from './media.ts';
import { whatsAppFile, whatsAppHandshake, whatsAppPress, whatsAppStatuses, whatsAppText } from './customer.ts';

/** Registers WhatsApp: no "open the chat" event; receipts; the hub.challenge handshake; media objects by id, both ways. */
export const whatsapp: ProviderFactory = (sim) => {
  const media = new Map<string, WhatsAppMediaItem>();
  return {
    kind: 'whatsapp',
    isRecipient: (id, recipient) => id.waId === recipient.replace(/^\+/, ''),
    message: whatsAppText,
    sendFile: (context, file) => whatsAppFile(sim, media, context, file),
    open: () => undefined,
    press: whatsAppPress,
    reportStatuses: (channel, persona, entries, status) => whatsAppStatuses(sim, channel, persona, entries, status),
    handshake: whatsAppHandshake,
    api: () => whatsAppApi(sim, media),
  };
};
