/** The WhatsApp customer: Cloud API `messages` notifications, interactive replies, delivery and read statuses. */
import { createHash, randomBytes } from 'node:crypto';
import type { SimulatedChannel } from '../channels.ts';
import type { ChatButton, ChatEntry } from '../model.ts';
import { type Persona, customerIdentity, personaName } from '../personas.ts';
import type { CustomerContext, PressedButton, ProviderHost, SimulatedFile } from '../provider.ts';
import type { KeptFile } from '../files.ts';
import { mediaIdOf, type WhatsAppMediaItem } from './media.ts';
import type { WebhookRequest } from '../wire.ts';
import { type WhatsAppBusiness, whatsAppMessageWebhook, whatsAppStatusWebhook, whatsAppVerification, whatsAppWebhook } from './webhooks.ts';

/** The business account and number of a WhatsApp channel. */
export function whatsAppBusiness(channel: SimulatedChannel): WhatsAppBusiness {
  const phoneNumberId = channel.secrets.phoneNumberId ?? String(channel.settings.phoneNumberId ?? '');
  const display = typeof channel.settings.displayPhoneNumber === 'string' ? channel.settings.displayPhoneNumber.replace(/\D/g, '') : '74951234567';
  const wabaId = String(100_000_000_000_000 + Number(BigInt(`0x${createHash('sha256').update(`waba:${phoneNumberId}`).digest('hex').slice(0, 12)}`) % 900_000_000_000_000n));
  return { wabaId, displayPhoneNumber: display, phoneNumberId };
}

/** A WhatsApp message id (`wamid.` + base64). */
export function wamid(waId: string): string {
  return `wamid.${Buffer.from(`${waId}:${randomBytes(12).toString('hex').toUpperCase()}`).toString('base64')}`;
}

/** A message from the customer (text, or an interactive reply), as a signed notification. */
function customerMessage({ channel, persona, id, webhook, forgery }: CustomerContext, message: Record<string, unknown>): WebhookRequest {
  return whatsAppWebhook(webhook.url, whatsAppMessageWebhook(whatsAppBusiness(channel), { name: personaName(persona), waId: id.waId }, message), channel.secrets.appSecret, forgery);
}

/** A text message. */
export function whatsAppText(context: CustomerContext, text: string): { request: WebhookRequest; providerMessageId: string } {
  const providerMessageId = wamid(context.id.waId);
  const message = { from: context.id.waId, id: providerMessageId, timestamp: String(Math.floor(context.at.getTime() / 1000)), text: { body: text }, type: 'text' };
  return { request: customerMessage(context, message), providerMessageId };
}

/**
 * A photo (JPEG or PNG, as WhatsApp shows images) or a document: the bytes are kept as a media object
 * for the media URL lookup, and the notification names it by its id, with type, hash and caption.
 */
export function whatsAppFile(sim: ProviderHost, media: Map<string, WhatsAppMediaItem>, context: CustomerContext, upload: SimulatedFile): { request: WebhookRequest; providerMessageId: string; file: KeptFile } {
  const file = sim.keepFile(upload);
  const mediaId = mediaIdOf();
  media.set(mediaId, { channelId: context.channel.channelId, file });
  const providerMessageId = wamid(context.id.waId);
  const type = ['image/jpeg', 'image/png'].includes(upload.contentType) ? 'image' : 'document';
  const object = { mime_type: upload.contentType, sha256: createHash('sha256').update(upload.bytes).digest('base64'), id: mediaId, ...(type === 'document' && { filename: upload.fileName }), ...(upload.caption && { caption: upload.caption }) };
  const message = { from: context.id.waId, id: providerMessageId, timestamp: String(Math.floor(context.at.getTime() / 1000)), type, [type]: object };
  return { request: customerMessage(context, message), providerMessageId, file };
}

/** A reply button or list row picked under our interactive message (more than three buttons are a list). */
export function whatsAppPress(context: CustomerContext, source: ChatEntry, button: ChatButton): PressedButton {
  const list = (source.buttons?.length ?? 0) > 3;
  const message = {
    context: { from: whatsAppBusiness(context.channel).displayPhoneNumber, id: source.providerMessageId },
    from: context.id.waId,
    id: wamid(context.id.waId),
    timestamp: String(Math.floor(context.at.getTime() / 1000)),
    type: 'interactive',
    interactive: list ? { type: 'list_reply', list_reply: { id: button.payload, title: button.title } } : { type: 'button_reply', button_reply: { id: button.payload, title: button.title } },
  };
  return { request: customerMessage(context, message) };
}

/** Meta's statuses for our messages: `sent` then `delivered`, or `read`, in one notification. */
export async function whatsAppStatuses(sim: ProviderHost, channel: SimulatedChannel, persona: Persona, entries: ChatEntry[], status: 'delivered' | 'read'): Promise<void> {
  type Status = 'sent' | 'delivered' | 'read';
  const id = customerIdentity(persona, channel.channelId);
  const seconds = sim.unixSeconds();
  const steps: Status[] = status === 'delivered' ? ['sent', 'delivered'] : ['read'];
  const conversationId = createHash('md5').update(`${channel.channelId}:${persona.id}`).digest('hex');
  const statuses = entries.flatMap((entry) => steps.map((step) => ({ id: entry.providerMessageId!, recipientId: id.waId, status: step, timestamp: seconds, conversationId })));
  const outcome = await sim.send(whatsAppWebhook(sim.webhookOf(channel).url, whatsAppStatusWebhook(whatsAppBusiness(channel), statuses), channel.secrets.appSecret));
  if (outcome.accepted) for (const entry of entries) sim.touch(entry, { delivery: status });
}

/** Meta's subscription check: a GET with the verify token that must echo a random `hub.challenge`. */
export function whatsAppHandshake(channel: SimulatedChannel, url: string): { request: WebhookRequest; expected: string } {
  const expected = String(100000000 + Math.floor(Math.random() * 899999999));
  return { request: whatsAppVerification(url, channel.secrets.verifyToken ?? '', expected), expected };
}
