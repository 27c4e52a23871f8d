import { compact, secondsToIso, toE164 } from '../convert.ts';
import type {
  Attachment,
  ConversationEvent,
  CustomerProfile,
  DeliveryState,
  DeliveryStatus,
  Message,
  NormalizeContext,
  WebhookResult,
} from '../model.ts';
import { buildWebhookResult, ignoreUpdate } from '../webhook-result.ts';
import {
  type WhatsAppMessage,
  type WhatsAppMessagesValue,
  type WhatsAppStatus,
  WhatsAppMessagesValueSchema,
  WhatsAppWebhookSchema,
} from './schema.ts';

const DELIVERY_STATES: Record<string, DeliveryState> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
};

/**
 * Turns a WhatsApp Cloud API webhook into our model, every message and status of every entry and
 * change (deliveries batch). `request_welcome` becomes a started event; non-`messages` fields and
 * unknown statuses are skipped, and a delivery with nothing left is `ignored`.
 * @throws ZodError when the payload does not match the documented shape.
 */
export function normalizeWhatsAppWebhook(input: unknown, context: NormalizeContext): WebhookResult {
  const webhook = WhatsAppWebhookSchema.parse(input);
  if (webhook.object !== 'whatsapp_business_account') {
    return ignoreUpdate(webhook.object, 'not a WhatsApp Business Account webhook');
  }
  const messages: Message[] = [];
  const statuses: DeliveryStatus[] = [];
  const events: ConversationEvent[] = [];
  const skipped: string[] = [];

  for (const entry of webhook.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') {
        skipped.push(change.field);
        continue;
      }
      const value = WhatsAppMessagesValueSchema.parse(change.value);
      for (const message of value.messages ?? []) {
        if (message.type === 'request_welcome') events.push(toStartedEvent(message, value, context));
        else messages.push(toMessage(message, value, context));
      }
      for (const status of value.statuses ?? []) {
        const normalised = toDeliveryStatus(status, context);
        if (normalised) statuses.push(normalised);
        else skipped.push(`status:${status.status}`);
      }
      if (value.errors?.length) skipped.push('errors');
    }
  }
  return buildWebhookResult(
    { messages, statuses, events },
    { updateType: skipped.join(',') || 'messages', reason: 'no messages or known statuses in delivery' },
  );
}

/**
 * Keeps only the `messages` changes of our own business number: one Meta app may serve several
 * numbers, and all of them deliver to every webhook of the app, so a correctly signed change of
 * another number must not be stored under this channel's tenant. Changes without a readable
 * `metadata.phone_number_id` are kept (the normaliser rejects them); other fields pass through.
 * @returns the delivery without foreign changes, and the foreign numbers' ids that were dropped
 */
export function keepOwnNumber(input: unknown, phoneNumberId: string): { webhook: unknown; dropped: string[] } {
  const parsed = WhatsAppWebhookSchema.safeParse(input);
  if (!parsed.success) return { webhook: input, dropped: [] };
  const dropped: string[] = [];
  const entry = parsed.data.entry.map((item) => ({
    ...item,
    changes: item.changes.filter((change) => {
      const value = WhatsAppMessagesValueSchema.safeParse(change.value);
      if (change.field !== 'messages' || !value.success || value.data.metadata.phone_number_id === phoneNumberId) return true;
      dropped.push(value.data.metadata.phone_number_id);
      return false;
    }),
  }));
  return { webhook: { ...parsed.data, entry }, dropped };
}

function profileOf(waId: string, value: WhatsAppMessagesValue): CustomerProfile {
  const contact = value.contacts?.find((candidate) => candidate.wa_id === waId) ?? value.contacts?.[0];
  return compact({ name: contact?.profile?.name, phone: toE164(waId) });
}

function toMessage(message: WhatsAppMessage, value: WhatsAppMessagesValue, context: NormalizeContext): Message {
  return compact({
    channel: 'whatsapp',
    channelId: context.channelId,
    conversationExternalId: message.from,
    customerExternalId: message.from,
    customer: profileOf(message.from, value),
    direction: 'inbound',
    ...readContent(message),
    providerMessageId: message.id,
    dedupKey: message.id,
    sentAt: secondsToIso(message.timestamp),
    edited: false,
    replyToProviderMessageId: message.context?.id,
  });
}

type Content = Pick<Message, 'kind' | 'text' | 'attachments' | 'location' | 'sharedContact' | 'button' | 'unsupportedType'>;

function readContent(message: WhatsAppMessage): Content {
  switch (message.type) {
    case 'text':
      if (message.text) return { kind: 'text', text: message.text.body, attachments: [] };
      break;
    case 'image':
      if (message.image) return { kind: 'image', text: message.image.caption, attachments: [media('image', message.image)] };
      break;
    case 'sticker':
      if (message.sticker) return { kind: 'sticker', attachments: [media('sticker', message.sticker)] };
      break;
    case 'audio':
      if (message.audio) {
        const voice = message.audio.voice === true || message.audio.mime_type?.startsWith('audio/ogg') === true;
        return voice
          ? { kind: 'voice', attachments: [media('voice', message.audio)] }
          : { kind: 'file', attachments: [media('audio', message.audio)] };
      }
      break;
    case 'video':
      if (message.video) return { kind: 'file', text: message.video.caption, attachments: [media('video', message.video)] };
      break;
    case 'document':
      if (message.document) {
        return { kind: 'file', text: message.document.caption, attachments: [media('document', message.document)] };
      }
      break;
    case 'location':
      if (message.location) {
        const { latitude, longitude, name, address } = message.location;
        return { kind: 'location', attachments: [], location: compact({ latitude, longitude, name, address }) };
      }
      break;
    case 'contacts': {
      const card = message.contacts?.[0];
      if (card) {
        const phone = card.phones?.[0];
        return {
          kind: 'contact',
          attachments: [],
          sharedContact: compact({
            name: card.name?.formatted_name,
            phone: toE164(phone?.phone ?? phone?.wa_id),
            externalUserId: phone?.wa_id,
          }),
        };
      }
      break;
    }
    case 'interactive': {
      const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
      if (reply) {
        return { kind: 'button_reply', text: reply.title, attachments: [], button: { payload: reply.id, title: reply.title } };
      }
      break;
    }
    case 'button':
      if (message.button) {
        const { text, payload } = message.button;
        return { kind: 'button_reply', text, attachments: [], button: { payload: payload ?? text, title: text } };
      }
      break;
  }
  const text = message.type === 'reaction' ? message.reaction?.emoji : undefined;
  return { kind: 'unsupported', text, attachments: [], unsupportedType: message.type };
}

function media(type: Attachment['type'], source: NonNullable<WhatsAppMessage['image']>): Attachment {
  return compact({
    type,
    fileRef: source.id,
    mimeType: source.mime_type,
    sha256: source.sha256,
    fileName: source.filename,
  });
}

function toStartedEvent(
  message: WhatsAppMessage,
  value: WhatsAppMessagesValue,
  context: NormalizeContext,
): ConversationEvent {
  return {
    channel: 'whatsapp',
    channelId: context.channelId,
    type: 'started',
    conversationExternalId: message.from,
    customerExternalId: message.from,
    customer: profileOf(message.from, value),
    occurredAt: secondsToIso(message.timestamp),
    dedupKey: message.id,
  };
}

function toDeliveryStatus(status: WhatsAppStatus, context: NormalizeContext): DeliveryStatus | undefined {
  const state = DELIVERY_STATES[status.status];
  if (!state) return undefined;
  const error = status.errors?.[0];
  return compact<DeliveryStatus>({
    channel: 'whatsapp',
    channelId: context.channelId,
    providerMessageId: status.id,
    status: state,
    recipientExternalId: status.recipient_id,
    occurredAt: secondsToIso(status.timestamp),
    error: error
      ? compact({ code: String(error.code), title: error.title ?? error.message, detail: error.error_data?.details })
      : undefined,
    dedupKey: `${status.id}:${state}`,
  });
}
