/** The VK customer: Callback API `message_new` (a button press is one too, with its payload) and `message_allow`. */
import { randomBytes } from 'node:crypto';
import type { SimulatedChannel } from '../channels.ts';
import type { ChatButton } from '../model.ts';
import type { CustomerContext, OpenedChat, PressedButton, ProviderHost, SimulatedFile } from '../provider.ts';
import type { KeptFile } from '../files.ts';
import type { WebhookRequest } from '../wire.ts';
import { vkConfirmation, vkMessageAllow, vkMessageNew, vkWebhook } from './webhooks.ts';

/** The community a VK channel speaks for. */
export const vkGroupId = (channel: SimulatedChannel): number => Number(channel.secrets.groupId ?? channel.settings.groupId ?? 0);

/** The Callback API version the community is set to. */
const vkApiVersion = (channel: SimulatedChannel): string => (typeof channel.settings.apiVersion === 'string' ? channel.settings.apiVersion : '5.199');

/** The id VK gives one event (`event_id`). */
const eventId = () => randomBytes(20).toString('hex');

/** A text message; VK's message id is `<peer>:<conversation_message_id>`. */
export function vkText(sim: ProviderHost, { channel, id, at, webhook, forgery }: CustomerContext, text: string): { request: WebhookRequest; providerMessageId: string } {
  const cmid = sim.nextId();
  const event = vkMessageNew({ groupId: vkGroupId(channel), eventId: eventId(), apiVersion: vkApiVersion(channel), date: Math.floor(at.getTime() / 1000), userId: id.vkUserId, id: sim.nextId(), conversationMessageId: cmid, text });
  return { request: vkWebhook(webhook.url, event, channel.secrets.secret, forgery), providerMessageId: `${id.vkUserId}:${cmid}` };
}

/**
 * A photo (JPEG, PNG or GIF) or a document in a message, as VK's `message_new` describes it: the
 * photo with its sizes' URLs, the document with title, size, extension and URL, all at the simulator's copy.
 */
export function vkFile(sim: ProviderHost, { channel, id, at, webhook, forgery }: CustomerContext, upload: SimulatedFile): { request: WebhookRequest; providerMessageId: string; file: KeptFile } {
  const file = sim.keepFile(upload);
  const cmid = sim.nextId();
  const date = Math.floor(at.getTime() / 1000);
  const item = { id: sim.nextId(), owner_id: id.vkUserId, access_key: randomBytes(9).toString('hex'), date };
  const attachment = ['image/jpeg', 'image/png', 'image/gif'].includes(upload.contentType)
    ? { type: 'photo', photo: { ...item, album_id: -3, sizes: [{ type: 'x', width: 640, height: 480, url: file.url }], text: '' } }
    : { type: 'doc', doc: { ...item, title: upload.fileName, size: upload.bytes.byteLength, ext: /\.([A-Za-z0-9]+)$/.exec(upload.fileName)?.[1] ?? '', type: 1, url: file.url } };
  const event = vkMessageNew({ groupId: vkGroupId(channel), eventId: eventId(), apiVersion: vkApiVersion(channel), date, userId: id.vkUserId, id: sim.nextId(), conversationMessageId: cmid, text: upload.caption ?? '', attachments: [attachment] });
  return { request: vkWebhook(webhook.url, event, channel.secrets.secret, forgery), providerMessageId: `${id.vkUserId}:${cmid}`, file };
}

/** The customer allowed the community's messages (from a widget, `key` = the deep-link payload). */
export function vkOpen({ channel, id, webhook, forgery }: CustomerContext, payload: string | undefined): OpenedChat {
  const event = vkMessageAllow({ groupId: vkGroupId(channel), eventId: eventId(), apiVersion: vkApiVersion(channel), userId: id.vkUserId, ...(payload ? { key: payload } : {}) });
  return { request: vkWebhook(webhook.url, event, channel.secrets.secret, forgery), text: '(разрешил сообщения сообщества)', textEn: '(allowed messages from the community)' };
}

/** A keyboard button: a message with the button's label as text and our payload. */
export function vkPress(sim: ProviderHost, { channel, id, at, webhook, forgery }: CustomerContext, button: ChatButton): PressedButton {
  const event = vkMessageNew({ groupId: vkGroupId(channel), eventId: eventId(), apiVersion: vkApiVersion(channel), date: Math.floor(at.getTime() / 1000), userId: id.vkUserId, id: sim.nextId(), conversationMessageId: sim.nextId(), text: button.title, payload: JSON.stringify({ button: button.payload }) });
  return { request: vkWebhook(webhook.url, event, channel.secrets.secret, forgery) };
}

/** The `confirmation` request VK sends when a server is added: our answer must be the confirmation string. */
export function vkHandshake(channel: SimulatedChannel, url: string): { request: WebhookRequest; expected: string } {
  return { request: vkWebhook(url, vkConfirmation(vkGroupId(channel)), undefined), expected: channel.secrets.confirmation ?? '' };
}
