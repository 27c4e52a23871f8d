import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { MessengerKindSchema } from '../channels/schema.ts';
import { MediaStorageSchema } from '../media/model.ts';

/** Who wrote the message: the customer (`inbound`) or our side (`outbound`, e.g. a VK admin reply echo). */
export const DirectionSchema = lazySchema(() => z.enum(['inbound', 'outbound']));
export type Direction = z.infer<typeof DirectionSchema>;

/**
 * What the message mainly is. `unsupported` keeps content we cannot render (a poll, a reaction)
 * visible to the agent instead of dropping it silently; `unsupportedType` names it.
 */
export const MessageKindSchema = lazySchema(() => z.enum([
  'text',
  'image',
  'file',
  'voice',
  'sticker',
  'location',
  'contact',
  'button_reply',
  'unsupported',
]));
export type MessageKind = z.infer<typeof MessageKindSchema>;

/** What the provider told us about the customer; every field is optional because providers differ. */
export const CustomerProfileSchema = lazySchema(() => z.object({
  name: z.string().optional(),
  username: z.string().optional(),
  /** E.164 with a leading `+`, only when the provider gives it (Telegram shared own contact, WhatsApp wa_id). */
  phone: z.string().optional(),
  language: z.string().optional(),
  avatarUrl: z.string().optional(),
  country: z.string().optional(),
}));
export type CustomerProfile = z.infer<typeof CustomerProfileSchema>;

/** A file the customer sent, kept as the provider's reference; downloading it is a separate step. */
export const AttachmentSchema = lazySchema(() => z.object({
  type: z.enum(['image', 'video', 'audio', 'voice', 'document', 'sticker']),
  /** The provider's handle to fetch the file: Telegram file_id, WhatsApp media id, VK `photo<owner>_<id>`, Viber URL. */
  fileRef: z.string().min(1),
  url: z.string().optional(),
  mimeType: z.string().optional(),
  fileName: z.string().optional(),
  sizeBytes: z.number().int().nonnegative().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  durationSec: z.number().optional(),
  sha256: z.string().optional(),
  /** Our stored copy, once a download job has looked at it. */
  storage: MediaStorageSchema.optional(),
}));
export type Attachment = z.infer<typeof AttachmentSchema>;

/** A shared point on the map (Telegram location/venue, WhatsApp location, VK geo, Viber location). */
export const LocationSchema = lazySchema(() => z.object({
  latitude: z.number(),
  longitude: z.number(),
  name: z.string().optional(),
  address: z.string().optional(),
}));
export type Location = z.infer<typeof LocationSchema>;

/** A contact card the customer shared; `externalUserId` is set when it is a user of the same messenger. */
export const SharedContactSchema = lazySchema(() => z.object({
  name: z.string().optional(),
  phone: z.string().optional(),
  externalUserId: z.string().optional(),
}));
export type SharedContact = z.infer<typeof SharedContactSchema>;

/** A press on a button we sent: Telegram callback_query, WhatsApp interactive reply, VK payload, Alice button. */
export const ButtonReplySchema = lazySchema(() => z.object({
  /** The opaque payload we attached to the button (callback_data, reply id, VK payload). */
  payload: z.string(),
  /** The label the customer saw, when the provider tells it or we could find it. */
  title: z.string().optional(),
  /** The press to acknowledge: Telegram callback query id (`answerCallbackQuery`), VK message_event event_id. */
  callbackQueryId: z.string().optional(),
}));
export type ButtonReply = z.infer<typeof ButtonReplySchema>;

/** One message of a conversation, the same shape for every messenger. */
export const MessageSchema = lazySchema(() => z.object({
  channel: MessengerKindSchema,
  channelId: z.string().min(1),
  /** The provider's conversation: Telegram chat id, WhatsApp wa_id, VK peer_id, Viber user id, Alice session id. */
  conversationExternalId: z.string().min(1),
  /** The provider's id of the customer (the sender for inbound, the recipient for outbound echoes). */
  customerExternalId: z.string().min(1),
  customer: CustomerProfileSchema,
  direction: DirectionSchema,
  kind: MessageKindSchema,
  /** Text, caption, or for a sticker its emoji. */
  text: z.string().optional(),
  attachments: z.array(AttachmentSchema),
  location: LocationSchema.optional(),
  sharedContact: SharedContactSchema.optional(),
  button: ButtonReplySchema.optional(),
  /** The provider's own message id (Telegram message_id is per chat; VK uses `<peer_id>:<conversation_message_id>`). */
  providerMessageId: z.string().min(1),
  /** Unique within the channel instance, stable across redeliveries: the idempotent write key. Edits get their own. */
  dedupKey: z.string().min(1),
  /** Provider's delivery id when it has one (Telegram update_id, VK event_id). */
  providerEventId: z.string().optional(),
  sentAt: z.iso.datetime(),
  edited: z.boolean(),
  /** For an edit, the providerMessageId of the message it replaces. */
  editOf: z.string().optional(),
  replyToProviderMessageId: z.string().optional(),
  /** A value of ours the provider echoes back (Viber tracking_data, VK random_id of an outbound echo). */
  correlation: z.string().optional(),
  /** Outbound echoes only: the provider's id of the person who wrote it (VK admin_author_id). */
  agentExternalId: z.string().optional(),
  /** For `unsupported`: the provider's type name (poll, reaction, …). */
  unsupportedType: z.string().optional(),
}));
export type Message = z.infer<typeof MessageSchema>;

/** A message the customer sent us. */
export const InboundMessageSchema = lazySchema(() => MessageSchema.extend({ direction: z.literal('inbound') }));
export type InboundMessage = z.infer<typeof InboundMessageSchema>;

/** How far an outbound message got; Viber `seen` is `read`. */
export const DeliveryStateSchema = lazySchema(() => z.enum(['sent', 'delivered', 'read', 'failed']));
export type DeliveryState = z.infer<typeof DeliveryStateSchema>;

/** A provider's report on one of our outbound messages (WhatsApp statuses, Viber delivered/seen/failed). */
export const DeliveryStatusSchema = lazySchema(() => z.object({
  channel: MessengerKindSchema,
  channelId: z.string().min(1),
  providerMessageId: z.string().min(1),
  status: DeliveryStateSchema,
  recipientExternalId: z.string().min(1),
  occurredAt: z.iso.datetime(),
  error: z
    .object({ code: z.string(), title: z.string().optional(), detail: z.string().optional() })
    .optional(),
  /** `<providerMessageId>:<status>`: a status arrives once per state, redeliveries collapse. */
  dedupKey: z.string().min(1),
}));
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

/** Conversation lifecycle signals that are not messages. */
export const ConversationEventTypeSchema = lazySchema(() => z.enum([
  /** Telegram `/start`, Viber `conversation_started`, VK Start button, WhatsApp `request_welcome`, new Alice session. */
  'started',
  'subscribed',
  'unsubscribed',
  /** VK `message_allow`: the community may now write to the user. */
  'messages_allowed',
  'messages_denied',
  /** Telegram `my_chat_member` → kicked: the user blocked the bot. */
  'blocked',
  'unblocked',
]));
export type ConversationEventType = z.infer<typeof ConversationEventTypeSchema>;

/** A conversation event such as a start with a deep-link payload or a subscription change. */
export const ConversationEventSchema = lazySchema(() => z.object({
  channel: MessengerKindSchema,
  channelId: z.string().min(1),
  type: ConversationEventTypeSchema,
  conversationExternalId: z.string().min(1),
  customerExternalId: z.string().min(1),
  customer: CustomerProfileSchema,
  /** Deep-link or context payload: `/start <payload>`, Viber `context`, VK `key`. */
  payload: z.string().optional(),
  /** Viber `conversation_started` only: whether the user is already subscribed. */
  subscribed: z.boolean().optional(),
  occurredAt: z.iso.datetime(),
  dedupKey: z.string().min(1),
  providerEventId: z.string().optional(),
}));
export type ConversationEvent = z.infer<typeof ConversationEventSchema>;

/** Which channel instance a webhook arrived on and when; normalisers are pure, so the caller supplies the clock. */
export interface NormalizeContext {
  channelId: string;
  /** ISO time the delivery was received; used where the provider gives no timestamp. */
  receivedAt: string;
}

/**
 * What one webhook delivery means. Unknown update types are `ignored`, never errors; `mixed` only
 * occurs when one delivery carries several sorts (WhatsApp batches).
 */
export type WebhookResult =
  | { kind: 'messages'; messages: Message[] }
  | { kind: 'statuses'; statuses: DeliveryStatus[] }
  | { kind: 'conversation'; events: ConversationEvent[] }
  | { kind: 'mixed'; messages: Message[]; statuses: DeliveryStatus[]; events: ConversationEvent[] }
  | { kind: 'handshake'; handshake: 'vk_confirmation' | 'viber_webhook'; groupId?: string }
  | { kind: 'ignored'; reason: string; updateType: string };

/** An outbound text reply from an agent or a bot flow, provider-neutral. */
export const OutboundMessageSchema = lazySchema(() => z.object({
  /** Where to send: Telegram chat id, WhatsApp wa_id, VK peer_id, Viber user id. */
  conversationExternalId: z.string().min(1),
  /** The text, or a file's caption (empty for a file alone). */
  text: z.string(),
  /** `html` is honoured by Telegram (parse_mode HTML); other providers send plain text. */
  format: z.enum(['plain', 'html']).optional(),
  /** Quick-reply buttons; their payload comes back as a `button_reply`. */
  buttons: z
    .array(z.object({ title: z.string().min(1), payload: z.string().min(1) }))
    .max(10)
    .optional(),
  replyToProviderMessageId: z.string().optional(),
  /** Echoed back by the provider where it can (Viber tracking_data). */
  correlation: z.string().optional(),
  /** Stable per logical message; VK derives `random_id` from it so a retried send is not duplicated. */
  idempotencyKey: z.string().min(1),
}));
/** An agent's file on its way out: the bytes read from our storage and how the channel carries them. */
export interface OutboundFile {
  /** `image`: shown in the chat (Telegram sendPhoto, WhatsApp image, Viber picture, VK photo); else a document. */
  as: 'image' | 'document';
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  /** A short-lived link to the same bytes, for a provider that fetches files itself (Viber). */
  link?: string | undefined;
}
export type OutboundMessage = z.infer<typeof OutboundMessageSchema> & { file?: OutboundFile | undefined };
