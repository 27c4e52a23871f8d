import { compact, secondsToIso } from '../convert.ts';
import type { Attachment, ConversationEvent, Message, NormalizeContext, WebhookResult } from '../model.ts';
import { ignoreUpdate } from '../webhook-result.ts';
import {
  type VkAttachment,
  type VkCallback,
  type VkMessage,
  VkCallbackSchema,
  VkMessageAllowObjectSchema,
  VkMessageDenyObjectSchema,
  VkMessageEventObjectSchema,
  VkMessageNewObjectSchema,
  VkMessageSchema,
} from './schema.ts';

/**
 * Turns a VK Callback API event into our model. `confirmation` is a handshake (answer the
 * configured code as text/plain); `message_new`/`message_edit`/`message_event` become inbound
 * messages, `message_reply` an outbound echo, `message_allow`/`message_deny` conversation events;
 * every other type is `ignored` (answer "ok").
 * @throws ZodError when the event or its object does not match the documented shape.
 */
export function normalizeVkCallback(input: unknown, context: NormalizeContext): WebhookResult {
  const callback = VkCallbackSchema.parse(input);
  switch (callback.type) {
    case 'confirmation':
      return { kind: 'handshake', handshake: 'vk_confirmation', groupId: String(callback.group_id) };
    case 'message_new': {
      const object = callback.object as Record<string, unknown> | undefined;
      // Before API 5.103 the object was the message itself; accept both.
      const message =
        object && 'message' in object ? VkMessageNewObjectSchema.parse(object).message : VkMessageSchema.parse(object);
      return fromNewMessage(message, callback, context);
    }
    case 'message_edit':
      return fromMessage(VkMessageSchema.parse(callback.object), callback, context, { direction: 'inbound', edited: true });
    case 'message_reply':
      return fromMessage(VkMessageSchema.parse(callback.object), callback, context, { direction: 'outbound', edited: false });
    case 'message_event':
      return fromMessageEvent(callback, context);
    case 'message_allow': {
      const object = VkMessageAllowObjectSchema.parse(callback.object);
      return conversationEvent(callback, context, 'messages_allowed', object.user_id, object.key);
    }
    case 'message_deny': {
      const object = VkMessageDenyObjectSchema.parse(callback.object);
      return conversationEvent(callback, context, 'messages_denied', object.user_id);
    }
    default:
      return ignoreUpdate(callback.type, 'event type not handled');
  }
}

/** The button payload we attach to keyboard buttons, read back from a VK payload JSON string. */
export function readVkButtonPayload(payload: unknown): string | undefined {
  if (payload === undefined || payload === null || payload === '') return undefined;
  let value = payload;
  if (typeof payload === 'string') {
    try {
      value = JSON.parse(payload);
    } catch {
      return payload;
    }
  }
  if (typeof value === 'object' && value !== null && typeof (value as { button?: unknown }).button === 'string') {
    return (value as { button: string }).button;
  }
  return typeof payload === 'string' ? payload : JSON.stringify(payload);
}

/** Our id for a VK message: `<peer_id>:<conversation_message_id>` (community bots often see `id: 0`). */
export function vkProviderMessageId(message: VkMessage): string {
  return message.conversation_message_id !== undefined
    ? `${message.peer_id}:${message.conversation_message_id}`
    : `${message.peer_id}:id${message.id}`;
}

function isStartCommand(payload: string | undefined): boolean {
  if (!payload) return false;
  try {
    const value = JSON.parse(payload) as { command?: unknown };
    return value.command === 'start';
  } catch {
    return false;
  }
}

function fromNewMessage(message: VkMessage, callback: VkCallback, context: NormalizeContext): WebhookResult {
  if (isStartCommand(message.payload)) {
    const event: ConversationEvent = {
      channel: 'vk',
      channelId: context.channelId,
      type: 'started',
      conversationExternalId: String(message.peer_id),
      customerExternalId: String(message.from_id),
      customer: {},
      occurredAt: secondsToIso(message.date),
      dedupKey: vkProviderMessageId(message),
      ...(callback.event_id ? { providerEventId: callback.event_id } : {}),
    };
    return { kind: 'conversation', events: [event] };
  }
  return fromMessage(message, callback, context, { direction: 'inbound', edited: false });
}

function fromMessage(
  message: VkMessage,
  callback: VkCallback,
  context: NormalizeContext,
  options: { direction: 'inbound' | 'outbound'; edited: boolean },
): WebhookResult {
  const providerMessageId = vkProviderMessageId(message);
  const editedAt = message.update_time ?? message.date;
  const outbound = options.direction === 'outbound';
  const result: Message = compact({
    channel: 'vk',
    channelId: context.channelId,
    conversationExternalId: String(message.peer_id),
    // For an echo of our own reply the customer is the peer of the private chat.
    customerExternalId: String(outbound ? message.peer_id : message.from_id),
    customer: {},
    direction: options.direction,
    ...readContent(message),
    providerMessageId,
    dedupKey: options.edited ? `${providerMessageId}:edit:${editedAt}` : providerMessageId,
    providerEventId: callback.event_id,
    sentAt: secondsToIso(options.edited ? editedAt : message.date),
    edited: options.edited,
    editOf: options.edited ? providerMessageId : undefined,
    replyToProviderMessageId:
      message.reply_message?.conversation_message_id !== undefined
        ? `${message.peer_id}:${message.reply_message.conversation_message_id}`
        : undefined,
    correlation: outbound && message.random_id ? String(message.random_id) : undefined,
    agentExternalId: outbound && message.admin_author_id !== undefined ? String(message.admin_author_id) : undefined,
  });
  return { kind: 'messages', messages: [result] };
}

type Content = Pick<Message, 'kind' | 'text' | 'attachments' | 'location' | 'button' | 'unsupportedType'>;

function readContent(message: VkMessage): Content {
  const text = message.text || undefined;
  const button = readVkButtonPayload(message.payload);
  if (button !== undefined) return { kind: 'button_reply', text, attachments: [], button: compact({ payload: button, title: text }) };
  if (message.geo) {
    const { coordinates, place } = message.geo;
    return {
      kind: 'location',
      text,
      attachments: [],
      location: compact({ latitude: coordinates.latitude, longitude: coordinates.longitude, name: place?.title, address: place?.city }),
    };
  }
  const attachments = (message.attachments ?? []).map(toAttachment);
  const first = attachments[0];
  if (!first) {
    const forwardedOnly = !text && Array.isArray(message['fwd_messages']) && message['fwd_messages'].length > 0;
    if (forwardedOnly) return { kind: 'unsupported', attachments: [], unsupportedType: 'fwd_messages' };
    return { kind: 'text', text: message.text, attachments: [] };
  }
  if (first === 'unsupported') {
    return { kind: 'unsupported', text, attachments: [], unsupportedType: message.attachments?.[0]?.type };
  }
  const known = attachments.filter((attachment): attachment is Attachment => attachment !== 'unsupported');
  const kind = first.type === 'image' ? 'image' : first.type === 'voice' ? 'voice' : first.type === 'sticker' ? 'sticker' : 'file';
  return { kind, text, attachments: known };
}

function attachmentRef(type: string, item: { owner_id: number; id: number; access_key?: string | undefined }): string {
  return `${type}${item.owner_id}_${item.id}${item.access_key ? `_${item.access_key}` : ''}`;
}

function toAttachment(attachment: VkAttachment): Attachment | 'unsupported' {
  const { photo, doc, audio_message: voice, sticker, video, audio } = attachment;
  if (attachment.type === 'photo' && photo) {
    const largest = photo.sizes?.reduce((best, size) => (size.width * size.height > best.width * best.height ? size : best));
    return compact<Attachment>({ type: 'image', fileRef: attachmentRef('photo', photo), url: largest?.url, width: largest?.width, height: largest?.height });
  }
  if (attachment.type === 'doc' && doc) {
    return compact<Attachment>({
      type: 'document',
      fileRef: attachmentRef('doc', doc),
      url: doc.url,
      fileName: doc.title,
      sizeBytes: doc.size,
    });
  }
  if (attachment.type === 'audio_message' && voice) {
    return compact<Attachment>({
      type: 'voice',
      fileRef: attachmentRef('audio_message', voice),
      url: voice.link_ogg ?? voice.link_mp3,
      mimeType: voice.link_ogg ? 'audio/ogg' : voice.link_mp3 ? 'audio/mpeg' : undefined,
      durationSec: voice.duration,
    });
  }
  if (attachment.type === 'sticker' && sticker) {
    const largest = sticker.images?.reduce((best, size) => (size.width > best.width ? size : best));
    return compact<Attachment>({ type: 'sticker', fileRef: `sticker${sticker.sticker_id}`, url: largest?.url });
  }
  if (attachment.type === 'video' && video) {
    return compact<Attachment>({ type: 'video', fileRef: attachmentRef('video', video), fileName: video.title, durationSec: video.duration });
  }
  if (attachment.type === 'audio' && audio) {
    return compact<Attachment>({ type: 'audio', fileRef: attachmentRef('audio', audio), url: audio.url, durationSec: audio.duration });
  }
  return 'unsupported';
}

function fromMessageEvent(callback: VkCallback, context: NormalizeContext): WebhookResult {
  const object = VkMessageEventObjectSchema.parse(callback.object);
  const payload = readVkButtonPayload(object.payload) ?? '';
  const message: Message = compact({
    channel: 'vk',
    channelId: context.channelId,
    conversationExternalId: String(object.peer_id),
    customerExternalId: String(object.user_id),
    customer: {},
    direction: 'inbound',
    kind: 'button_reply',
    attachments: [],
    button: { payload, callbackQueryId: object.event_id },
    providerMessageId: `event:${object.event_id}`,
    dedupKey: `event:${object.event_id}`,
    providerEventId: callback.event_id,
    sentAt: context.receivedAt,
    edited: false,
    replyToProviderMessageId:
      object.conversation_message_id !== undefined ? `${object.peer_id}:${object.conversation_message_id}` : undefined,
  });
  return { kind: 'messages', messages: [message] };
}

function conversationEvent(
  callback: VkCallback,
  context: NormalizeContext,
  type: 'messages_allowed' | 'messages_denied',
  userId: number,
  key?: string,
): WebhookResult {
  const event: ConversationEvent = compact({
    channel: 'vk',
    channelId: context.channelId,
    type,
    conversationExternalId: String(userId),
    customerExternalId: String(userId),
    customer: {},
    payload: key,
    occurredAt: context.receivedAt,
    dedupKey: callback.event_id ?? `${type}:${userId}:${context.receivedAt}`,
    providerEventId: callback.event_id,
  });
  return { kind: 'conversation', events: [event] };
}
