/** The Viber customer: `message` and `conversation_started` callbacks, `delivered` / `seen` receipts, the `webhook` check. */
import type { SimulatedChannel } from '../channels.ts';
import type { ChatButton, ChatEntry } from '../model.ts';
import { type Persona, customerIdentity, personaName } from '../personas.ts';
import type { CustomerContext, OpenedChat, PressedButton, ProviderHost, SimulatedFile } from '../provider.ts';
import type { KeptFile } from '../files.ts';
import type { WebhookRequest } from '../wire.ts';
import { viberConversationStarted, viberMediaCallback, viberMessageCallback, viberStatusCallback, viberUser, viberWebhook, viberWebhookCheck } from './webhooks.ts';

/** A 64-bit Viber message token, beyond 2^53 like the real ones. */
export function viberToken(sim: ProviderHost): bigint {
  return 5_000_000_000_000_000_000n + BigInt(sim.now().getTime()) * 1000n + BigInt(sim.nextId() % 1000);
}

const sender = ({ persona, id }: CustomerContext) => viberUser(persona, id.viberUserId, personaName(persona));

/** A text message; Viber's id of it is the message token. */
export function viberText(sim: ProviderHost, context: CustomerContext, text: string): { request: WebhookRequest; providerMessageId: string } {
  const token = viberToken(sim);
  const body = viberMessageCallback({ timestamp: context.at.getTime(), messageToken: token, sender: sender(context), text });
  return { request: viberWebhook(context.webhook.url, body, context.channel.secrets.token, context.forgery), providerMessageId: token.toString() };
}

/** A photo (JPEG or PNG: a `picture`, its caption as text) or any other file, at a link to the simulator's copy. */
export function viberFile(sim: ProviderHost, context: CustomerContext, upload: SimulatedFile): { request: WebhookRequest; providerMessageId: string; file: KeptFile } {
  const file = sim.keepFile(upload);
  const token = viberToken(sim);
  const type = ['image/jpeg', 'image/png'].includes(upload.contentType) ? 'picture' : 'file';
  const body = viberMediaCallback({ timestamp: context.at.getTime(), messageToken: token, sender: sender(context), type, media: file.url, size: upload.bytes.byteLength, fileName: upload.fileName, text: upload.caption });
  return { request: viberWebhook(context.webhook.url, body, context.channel.secrets.token, context.forgery), providerMessageId: token.toString(), file };
}

/** The customer opened the chat (from a deep link, `context` = the payload); not yet subscribed. */
export function viberOpen(sim: ProviderHost, context: CustomerContext, payload: string | undefined): OpenedChat {
  const body = viberConversationStarted({ timestamp: context.at.getTime(), messageToken: viberToken(sim), user: sender(context), ...(payload ? { context: payload } : {}), subscribed: false });
  return { request: viberWebhook(context.webhook.url, body, context.channel.secrets.token, context.forgery), text: '(открыл чат)', textEn: '(opened the chat)' };
}

/** A keyboard button: a text message whose text is the button's ActionBody. */
export function viberPress(sim: ProviderHost, context: CustomerContext, button: ChatButton): PressedButton {
  const body = viberMessageCallback({ timestamp: context.at.getTime(), messageToken: viberToken(sim), sender: sender(context), text: button.payload });
  return { request: viberWebhook(context.webhook.url, body, context.channel.secrets.token, context.forgery) };
}

/** One `delivered` or `seen` callback per message of ours. */
export async function viberStatuses(sim: ProviderHost, channel: SimulatedChannel, persona: Persona, entries: ChatEntry[], status: 'delivered' | 'read'): Promise<void> {
  const id = customerIdentity(persona, channel.channelId);
  const url = sim.webhookOf(channel).url;
  for (const entry of entries) {
    const body = viberStatusCallback(status === 'read' ? 'seen' : 'delivered', { timestamp: sim.now().getTime(), messageToken: entry.providerMessageId!, userId: id.viberUserId });
    const outcome = await sim.send(viberWebhook(url, body, channel.secrets.token));
    if (outcome.accepted) sim.touch(entry, { delivery: status });
  }
}

/** Viber's check of a webhook URL (on set_webhook): a signed `webhook` callback that must be answered 200. */
export function viberHandshake(sim: ProviderHost, channel: SimulatedChannel, url: string): { request: WebhookRequest } {
  return { request: viberWebhook(url, viberWebhookCheck({ timestamp: sim.now().getTime(), messageToken: viberToken(sim) }), channel.secrets.token) };
}
