import { compact, millisToIso, toE164 } from '../convert.ts';
import type {
  Attachment,
  ConversationEvent,
  CustomerProfile,
  DeliveryStatus,
  Message,
  NormalizeContext,
  WebhookResult,
} from '../model.ts';
import { ignoreUpdate } from '../webhook-result.ts';
import {
  type ViberMessage,
  type ViberMessageCallback,
  type ViberUser,
  ViberCallbackSchema,
  ViberMessageCallbackSchema,
  ViberStatusCallbackSchema,
  ViberUnsubscribedCallbackSchema,
  ViberUserEventCallbackSchema,
  parseViberJson,
} from './schema.ts';

/**
 * Turns a Viber callback into our model: `message` → message, `delivered`/`seen`/`failed` → statuses,
 * `conversation_started`/`subscribed`/`unsubscribed` → conversation events, `webhook` → handshake,
 * anything else `ignored`. A string is taken as the raw body and parsed keeping 64-bit tokens exact;
 * an object whose tokens went through plain `JSON.parse` may have lost digits.
 * @throws ZodError when the callback does not match the documented shape, MalformedWebhookError on bad JSON.
 */
export function normalizeViberCallback(input: unknown, context: NormalizeContext): WebhookResult {
  const payload = typeof input === 'string' ? parseViberJson(input) : input;
  const envelope = ViberCallbackSchema.parse(payload);
  switch (envelope.event) {
    case 'webhook':
      return { kind: 'handshake', handshake: 'viber_webhook' };
    case 'message':
      return fromMessage(ViberMessageCallbackSchema.parse(payload), context);
    case 'delivered':
    case 'seen':
    case 'failed':
      return fromStatus(payload, context);
    case 'subscribed':
    case 'conversation_started': {
      const callback = ViberUserEventCallbackSchema.parse(payload);
      const event: ConversationEvent = compact({
        channel: 'viber',
        channelId: context.channelId,
        type: callback.event === 'subscribed' ? 'subscribed' : 'started',
        conversationExternalId: callback.user.id,
        customerExternalId: callback.user.id,
        customer: profileOf(callback.user),
        payload: callback.context,
        subscribed: callback.subscribed,
        occurredAt: millisToIso(callback.timestamp),
        dedupKey: `${callback.event}:${callback.message_token ?? `${callback.user.id}:${callback.timestamp}`}`,
        providerEventId: callback.message_token,
      });
      return { kind: 'conversation', events: [event] };
    }
    case 'unsubscribed': {
      const callback = ViberUnsubscribedCallbackSchema.parse(payload);
      const event: ConversationEvent = compact({
        channel: 'viber',
        channelId: context.channelId,
        type: 'unsubscribed',
        conversationExternalId: callback.user_id,
        customerExternalId: callback.user_id,
        customer: {},
        occurredAt: millisToIso(callback.timestamp),
        dedupKey: `unsubscribed:${callback.message_token ?? `${callback.user_id}:${callback.timestamp}`}`,
        providerEventId: callback.message_token,
      });
      return { kind: 'conversation', events: [event] };
    }
    default:
      return ignoreUpdate(envelope.event, 'event type not handled');
  }
}

function profileOf(user: ViberUser): CustomerProfile {
  return compact({ name: user.name, avatarUrl: user.avatar, language: user.language, country: user.country });
}

function fromMessage(callback: ViberMessageCallback, context: NormalizeContext): WebhookResult {
  const message: Message = compact({
    channel: 'viber',
    channelId: context.channelId,
    conversationExternalId: callback.sender.id,
    customerExternalId: callback.sender.id,
    customer: profileOf(callback.sender),
    direction: 'inbound',
    ...readContent(callback.message),
    providerMessageId: callback.message_token,
    dedupKey: callback.message_token,
    sentAt: millisToIso(callback.timestamp),
    edited: false,
    correlation: callback.message.tracking_data,
  });
  return { kind: 'messages', messages: [message] };
}

type Content = Pick<Message, 'kind' | 'text' | 'attachments' | 'location' | 'sharedContact' | 'unsupportedType'>;

function readContent(message: ViberMessage): Content {
  const text = message.text;
  switch (message.type) {
    case 'text':
      return { kind: 'text', text: text ?? '', attachments: [] };
    case 'url':
      return { kind: 'text', text: message.media ?? text ?? '', attachments: [] };
    case 'picture':
      if (message.media) return { kind: 'image', text, attachments: [media('image', message.media, message)] };
      break;
    case 'video':
      if (message.media) return { kind: 'file', text, attachments: [media('video', message.media, message)] };
      break;
    case 'file':
      if (message.media) return { kind: 'file', text, attachments: [media('document', message.media, message)] };
      break;
    case 'sticker':
      if (message.sticker_id !== undefined) {
        const sticker: Attachment = compact({ type: 'sticker', fileRef: String(message.sticker_id), url: message.media });
        return { kind: 'sticker', attachments: [sticker] };
      }
      break;
    case 'contact':
      if (message.contact) {
        return {
          kind: 'contact',
          attachments: [],
          sharedContact: compact({ name: message.contact.name, phone: toE164(message.contact.phone_number) }),
        };
      }
      break;
    case 'location':
      if (message.location) {
        return { kind: 'location', attachments: [], location: { latitude: message.location.lat, longitude: message.location.lon } };
      }
      break;
  }
  return { kind: 'unsupported', text, attachments: [], unsupportedType: message.type };
}

function media(type: Attachment['type'], url: string, message: ViberMessage): Attachment {
  return compact<Attachment>({
    type,
    fileRef: url,
    url,
    fileName: message.file_name,
    sizeBytes: message.size,
    durationSec: message.duration,
  });
}

function fromStatus(payload: unknown, context: NormalizeContext): WebhookResult {
  const callback = ViberStatusCallbackSchema.parse(payload);
  const status = callback.event === 'seen' ? 'read' : callback.event;
  const result: DeliveryStatus = compact({
    channel: 'viber',
    channelId: context.channelId,
    providerMessageId: callback.message_token,
    status,
    recipientExternalId: callback.user_id,
    occurredAt: millisToIso(callback.timestamp),
    error: status === 'failed' ? compact({ code: 'failed', detail: callback.desc }) : undefined,
    dedupKey: `${callback.message_token}:${status}`,
  });
  return { kind: 'statuses', statuses: [result] };
}
