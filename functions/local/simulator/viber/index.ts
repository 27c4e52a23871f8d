/** Viber as the simulator plays it: REST Bot API callbacks out, `send_message` / `set_webhook` in (`api.ts`). */
import type { ProviderFactory } from '../provider.ts';
import { viberApi } from './api.ts';
import { viberFile, viberHandshake, viberOpen, viberPress, viberStatuses, viberText } from './customer.ts';

/** Registers Viber: receipts and the `webhook` check. */
export const viber: ProviderFactory = (sim) => ({
  kind: 'viber',
  isRecipient: (id, recipient) => id.viberUserId === recipient,
  message: (context, text) => viberText(sim, context, text),
  sendFile: (context, file) => viberFile(sim, context, file),
  open: (context, payload) => viberOpen(sim, context, payload),
  press: (context, _source, button) => viberPress(sim, context, button),
  reportStatuses: (channel, persona, entries, status) => viberStatuses(sim, channel, persona, entries, status),
  handshake: (channel, url) => viberHandshake(sim, channel, url),
  api: () => viberApi(sim),
});
