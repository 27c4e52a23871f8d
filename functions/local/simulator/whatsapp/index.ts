/** WhatsApp (Cloud API) as the simulator plays it: notifications out, the Graph API `messages` call in (`api.ts`). */
import type { ProviderFactory } from '../provider.ts';
import { whatsAppApi } from './api.ts';
import { whatsAppHandshake, whatsAppPress, whatsAppStatuses, whatsAppText } from './customer.ts';

/** Registers WhatsApp: no "open the chat" event; receipts; the hub.challenge handshake. */
export const whatsapp: ProviderFactory = (sim) => ({
  kind: 'whatsapp',
  isRecipient: (id, recipient) => id.waId === recipient.replace(/^\+/, ''),
  message: whatsAppText,
  open: () => undefined,
  press: whatsAppPress,
  reportStatuses: (channel, persona, entries, status) => whatsAppStatuses(sim, channel, persona, entries, status),
  handshake: whatsAppHandshake,
  api: () => whatsAppApi(sim),
});
