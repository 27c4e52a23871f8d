import { compact, joinName, secondsToIso, toE164 } from '../convert.ts';
import type { Attachment, ConversationEvent, CustomerProfile, Message, NormalizeContext, WebhookResult } from '../model.ts';
import { ignoreUpdate } from '../webhook-result.ts';
import {
  type TelegramCallbackQuery,
  type TelegramMessage,
  type TelegramUpdate,
  type TelegramUser,
  TelegramUpdateSchema,
} from './schema.ts';

/** Content we recognise but cannot show; kept as `unsupported` messages rather than dropped. */
const UNSUPPORTED_CONTENT = ['poll', 'dice', 'game', 'story', 'invoice', 'paid_media', 'checklist'] as const;

/**
 * Turns a Telegram Update into our model: `message`/`edited_message`/`callback_query` become messages,
 * `/start [payload]` and `my_chat_member` become conversation events, anything else is `ignored`.
 * @throws ZodError when the update does not match the Bot API shape.
 */
export function normalizeTelegramUpdate(input: unknown, context: NormalizeContext): WebhookResult {
  const update = TelegramUpdateSchema.parse(input);
  if (update.message) return fromMessage(update.message, update, context, false);
  if (update.edited_message) return fromMessage(update.edited_message, update, context, true);
  if (update.callback_query) return fromCallbackQuery(update.callback_query, update, context);
  if (update.my_chat_member) return fromMyChatMember(update, context);
  const updateType = Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown';
  return ignoreUpdate(updateType, 'update type not handled');
}

/** The deep-link payload of a `/start` command, `''` for a bare `/start`, undefined for other text. */
export function parseTelegramStartCommand(message: TelegramMessage): string | undefined {
  const command = message.entities?.find((entity) => entity.type === 'bot_command' && entity.offset === 0);
  if (!command || !message.text) return undefined;
  const name = message.text.slice(0, command.length);
  if (name !== '/start' && !name.startsWith('/start@')) return undefined;
  return message.text.slice(command.length).trim();
}

function fromMessage(
  message: TelegramMessage,
  update: TelegramUpdate,
  context: NormalizeContext,
  edited: boolean,
): WebhookResult {
  const updateType = edited ? 'edited_message' : 'message';
  const chatId = String(message.chat.id);
  const customerExternalId = String(message.from?.id ?? message.chat.id);
  const customer = profileOf(message.from, message);

  const startPayload = edited ? undefined : parseTelegramStartCommand(message);
  if (startPayload !== undefined) {
    const event: ConversationEvent = compact({
      channel: 'telegram',
      channelId: context.channelId,
      type: 'started',
      conversationExternalId: chatId,
      customerExternalId,
      customer,
      payload: startPayload || undefined,
      occurredAt: secondsToIso(message.date),
      dedupKey: `${chatId}:${message.message_id}`,
      providerEventId: String(update.update_id),
    });
    return { kind: 'conversation', events: [event] };
  }

  const content = readContent(message);
  if (!content) return ignoreUpdate(`${updateType}:service`, 'message carries no customer content');

  const providerMessageId = String(message.message_id);
  const result: Message = compact({
    channel: 'telegram',
    channelId: context.channelId,
    conversationExternalId: chatId,
    customerExternalId,
    customer,
    direction: 'inbound',
    ...content,
    providerMessageId,
    dedupKey: edited
      ? `${chatId}:${providerMessageId}:edit:${message.edit_date ?? message.date}`
      : `${chatId}:${providerMessageId}`,
    providerEventId: String(update.update_id),
    sentAt: secondsToIso(edited ? (message.edit_date ?? message.date) : message.date),
    edited,
    editOf: edited ? providerMessageId : undefined,
    replyToProviderMessageId: message.reply_to_message ? String(message.reply_to_message.message_id) : undefined,
  });
  return { kind: 'messages', messages: [result] };
}

type Content = Pick<Message, 'kind' | 'text' | 'attachments' | 'location' | 'sharedContact' | 'unsupportedType'>;

function readContent(message: TelegramMessage): Content | undefined {
  const caption = message.caption;
  if (message.contact) {
    const contact = message.contact;
    return {
      kind: 'contact',
      text: caption,
      attachments: [],
      sharedContact: compact({
        name: joinName(contact.first_name, contact.last_name),
        phone: toE164(contact.phone_number),
        externalUserId: contact.user_id === undefined ? undefined : String(contact.user_id),
      }),
    };
  }
  if (message.venue) {
    const { location, title, address } = message.venue;
    return { kind: 'location', attachments: [], location: { ...coordinates(location), name: title, address } };
  }
  if (message.location) return { kind: 'location', attachments: [], location: coordinates(message.location) };
  if (message.photo && message.photo.length > 0) {
    const largest = message.photo.reduce((best, size) => (size.width * size.height > best.width * best.height ? size : best));
    return {
      kind: 'image',
      text: caption,
      attachments: [
        compact({
          type: 'image',
          fileRef: largest.file_id,
          sizeBytes: largest.file_size,
          width: largest.width,
          height: largest.height,
        }),
      ],
    };
  }
  if (message.sticker) return { kind: 'sticker', text: message.sticker.emoji, attachments: [file('sticker', message.sticker)] };
  if (message.voice) return { kind: 'voice', text: caption, attachments: [file('voice', message.voice)] };
  if (message.animation) return { kind: 'file', text: caption, attachments: [file('video', message.animation)] };
  if (message.video) return { kind: 'file', text: caption, attachments: [file('video', message.video)] };
  if (message.video_note) return { kind: 'file', text: caption, attachments: [file('video', message.video_note)] };
  if (message.audio) return { kind: 'file', text: caption, attachments: [file('audio', message.audio)] };
  if (message.document) return { kind: 'file', text: caption, attachments: [file('document', message.document)] };
  if (message.text !== undefined) return { kind: 'text', text: message.text, attachments: [] };
  const unsupported = UNSUPPORTED_CONTENT.find((key) => key in message);
  if (unsupported) return { kind: 'unsupported', text: caption, attachments: [], unsupportedType: unsupported };
  return undefined;
}

function file(type: Attachment['type'], source: NonNullable<TelegramMessage['document']>): Attachment {
  return compact({
    type,
    fileRef: source.file_id,
    mimeType: source.mime_type,
    fileName: source.file_name,
    sizeBytes: source.file_size,
    width: source.width,
    height: source.height,
    durationSec: source.duration,
  });
}

function coordinates(location: { latitude: number; longitude: number }) {
  return { latitude: location.latitude, longitude: location.longitude };
}

/** Profile of the sender; the phone only when the sender shared their own contact. */
function profileOf(user: TelegramUser | undefined, message?: TelegramMessage): CustomerProfile {
  if (!user) return {};
  const ownContact = message?.contact && message.contact.user_id === user.id ? message.contact : undefined;
  return compact({
    name: joinName(user.first_name, user.last_name),
    username: user.username,
    language: user.language_code,
    phone: toE164(ownContact?.phone_number),
  });
}

function fromCallbackQuery(
  query: TelegramCallbackQuery,
  update: TelegramUpdate,
  context: NormalizeContext,
): WebhookResult {
  if (query.data === undefined) return ignoreUpdate('callback_query', 'callback query without data (game)');
  const origin = query.message;
  const title = origin?.reply_markup?.inline_keyboard.flat().find((button) => button.callback_data === query.data)?.text;
  const message: Message = compact({
    channel: 'telegram',
    channelId: context.channelId,
    conversationExternalId: String(origin?.chat.id ?? query.from.id),
    customerExternalId: String(query.from.id),
    customer: profileOf(query.from),
    direction: 'inbound',
    kind: 'button_reply',
    text: title,
    attachments: [],
    button: compact({ payload: query.data, title, callbackQueryId: query.id }),
    providerMessageId: `callback:${query.id}`,
    dedupKey: `callback:${query.id}`,
    providerEventId: String(update.update_id),
    sentAt: context.receivedAt,
    edited: false,
    replyToProviderMessageId: origin ? String(origin.message_id) : undefined,
  });
  return { kind: 'messages', messages: [message] };
}

function fromMyChatMember(update: TelegramUpdate, context: NormalizeContext): WebhookResult {
  const change = update.my_chat_member;
  if (!change || change.chat.type !== 'private') return ignoreUpdate('my_chat_member', 'membership change outside a private chat');
  const status = change.new_chat_member.status;
  const type = status === 'kicked' ? 'blocked' : status === 'member' ? 'unblocked' : undefined;
  if (!type) return ignoreUpdate('my_chat_member', `membership status ${status} not handled`);
  const event: ConversationEvent = {
    channel: 'telegram',
    channelId: context.channelId,
    type,
    conversationExternalId: String(change.chat.id),
    customerExternalId: String(change.from.id),
    customer: profileOf(change.from),
    occurredAt: secondsToIso(change.date),
    dedupKey: `member:${update.update_id}`,
    providerEventId: String(update.update_id),
  };
  return { kind: 'conversation', events: [event] };
}
