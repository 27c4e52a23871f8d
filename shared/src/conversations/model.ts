import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { IdSchema } from '../limits/input.ts';
import {
  AttachmentSchema,
  ButtonReplySchema,
  ConversationEventSchema,
  DeliveryStatusSchema,
  DirectionSchema,
  LocationSchema,
  MessageKindSchema,
  MessageSchema,
  SharedContactSchema,
} from '../messaging/model.ts';
import { MessengerKindSchema } from '../channels/schema.ts';
import { MESSAGE_STATUSES } from './values.ts';
import { UPLOAD_ID_PATTERN } from '../media/outbound.ts';

export type { MessageStatus } from './values.ts';

/**
 * Where a stored message stands: `received` for the customer's messages; ours go `pending` (in the
 * outbox) → `sent` (the provider accepted it) → `delivered` → `read`, or end `failed`.
 */
export const MessageStatusSchema = lazySchema(() => z.enum(MESSAGE_STATUSES));

/** Why one of our messages did not get through, in the provider's own words, for the agent to see. */
export const MessageFailureSchema = lazySchema(() => z.object({
  category: z.enum(['recipient_unreachable', 'rate_limited', 'provider_unavailable', 'unauthorized', 'rejected']),
  reason: z.string(),
  providerCode: z.string().optional(),
  detail: z.string().optional(),
  /** False when a later resend may succeed (rate limit or outage outlasted our retries). */
  permanent: z.boolean(),
  at: z.string(),
}));
export type MessageFailure = z.infer<typeof MessageFailureSchema>;

/** An earlier version of an edited message; `at` is when that version was written. */
export const MessageRevisionSchema = lazySchema(() => z.object({
  text: z.string().optional(),
  attachments: z.array(AttachmentSchema).default([]),
  location: LocationSchema.optional(),
  at: z.string(),
}));
export type MessageRevision = z.infer<typeof MessageRevisionSchema>;

/** One step of an outbound message's delivery, as reported by us or the provider. */
export const StatusStepSchema = lazySchema(() => z.object({ status: MessageStatusSchema, at: z.string() }));

/** A quick-reply button on one of our messages. */
export const OutboundButtonSchema = lazySchema(() => z.object({ title: z.string().min(1), payload: z.string().min(1) }));

/**
 * A message as stored: the provider-neutral message plus where it belongs (conversation, customer,
 * contact), its delivery state and, for edits, its earlier versions.
 */
export const StoredMessageSchema = lazySchema(() => z.object({
  tenantId: z.string().min(1),
  messageId: z.string().min(1),
  channel: MessengerKindSchema,
  channelId: z.string().min(1),
  conversationId: z.string().min(1),
  conversationExternalId: z.string().min(1),
  customerId: z.string().min(1),
  customerExternalId: z.string().min(1),
  /** The contact it belongs to; absent while the customer has not picked a queue in the pre-chat menu. */
  contactId: z.string().optional(),
  direction: DirectionSchema,
  kind: MessageKindSchema,
  text: z.string().optional(),
  attachments: z.array(AttachmentSchema).default([]),
  location: LocationSchema.optional(),
  sharedContact: SharedContactSchema.optional(),
  button: ButtonReplySchema.optional(),
  buttons: z.array(OutboundButtonSchema).optional(),
  /** The provider's id; for our messages known once the provider accepted them. */
  providerMessageId: z.string().optional(),
  replyToProviderMessageId: z.string().optional(),
  /** When it was written: the provider's time for inbound messages, ours for replies. */
  sentAt: z.string(),
  /** When we stored it. */
  receivedAt: z.string(),
  /** Who wrote ours: an agent's user id, or `system` for bot prompts. */
  authorId: z.string().optional(),
  /** A supervisor barged in and wrote it: their name, shown to the agent and, as the channel allows, to the customer. */
  authorName: z.string().max(200).optional(),
  /** A supervisor's whisper: only agents see it; it has no outbox record and delivery never sends it. */
  whisper: z.literal(true).optional(),
  unsupportedType: z.string().optional(),
  status: MessageStatusSchema,
  statusHistory: z.array(StatusStepSchema).default([]),
  failure: MessageFailureSchema.optional(),
  /** Send attempts requested so far (a resend adds one); the outbox record names the attempt it is for. */
  sendAttempt: z.number().int().nonnegative().default(0),
  /**
   * The provider call in flight or last made for this attempt, recorded BEFORE calling the provider,
   * so a retry after a crash or timeout knows a send may have reached the customer.
   */
  delivery: z.object({ try: z.number().int().positive(), sendingSince: z.string(), lastError: z.string().optional() }).optional(),
  edited: z.boolean().default(false),
  editedAt: z.string().optional(),
  /** Earlier versions, oldest first. */
  editHistory: z.array(MessageRevisionSchema).default([]),
  /** Dedup keys of the edits already applied, so a redelivered edit changes nothing. */
  appliedEditKeys: z.array(z.string()).default([]),
  version: z.number().int().nonnegative(),
}));
export type StoredMessage = z.infer<typeof StoredMessageSchema>;
export type StoredMessageInput = z.input<typeof StoredMessageSchema>;

/**
 * A provider conversation (a chat with one customer on one channel instance) and which contact its
 * messages go to now.
 */
export const ConversationSchema = lazySchema(() => z.object({
  tenantId: z.string().min(1),
  conversationId: z.string().min(1),
  channel: MessengerKindSchema,
  channelId: z.string().min(1),
  conversationExternalId: z.string().min(1),
  customerId: z.string().min(1),
  customerExternalId: z.string().min(1),
  /** The contact new messages append to; it may have closed since (checked on the next message). */
  openContactId: z.string().optional(),
  /** The most recent contact, open or closed: a follow-up contact links to it. */
  lastContactId: z.string().optional(),
  /** The visitor's latest call from the widget (a `webcall` contact): while it is live, they may not place another. */
  callContactId: z.string().optional(),
  /** True while the pre-chat menu waits for the customer's pick. */
  awaitingQueueChoice: z.boolean().default(false),
  /** Messages that arrived before the pick; they join the contact once it opens. */
  pendingMessageIds: z.array(z.string()).default([]),
  /** A queue picked ahead of the first message (deep link `/start sales`, a pressed menu button). */
  chosenQueueId: z.string().optional(),
  chosenMenuChoice: z.string().optional(),
  /** The customer blocked the bot or unsubscribed: replies will fail until they come back. */
  reachable: z.boolean().default(true),
  lastInboundAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int().nonnegative(),
}));
export type Conversation = z.infer<typeof ConversationSchema>;

/**
 * One item of a webhook delivery, stored as it arrived: the idempotency record (keyed by the
 * provider's dedup key, kept 8 days) whose stream event drives everything else.
 */
export const InboxRecordSchema = lazySchema(() => z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message'), tenantId: z.string(), channelId: z.string(), receivedAt: z.string(), message: MessageSchema }),
  z.object({ kind: z.literal('status'), tenantId: z.string(), channelId: z.string(), receivedAt: z.string(), status: DeliveryStatusSchema }),
  z.object({ kind: z.literal('event'), tenantId: z.string(), channelId: z.string(), receivedAt: z.string(), event: ConversationEventSchema }),
]));
export type InboxRecord = z.infer<typeof InboxRecordSchema>;

/** How long an inbox record keeps redeliveries out: WhatsApp retries for up to 7 days, plus a day's margin. */
export const INBOX_RETENTION_SECONDS = 8 * 24 * 3600;

/** The dedup key of an inbox record, unique within its channel. */
export function inboxDedupKey(record: InboxRecord): string {
  switch (record.kind) {
    case 'message':
      return record.message.dedupKey;
    case 'status':
      return record.status.dedupKey;
    case 'event':
      return record.event.dedupKey;
  }
}

/** A request to send one of our messages; one per send attempt, so a resend is a new record. */
export const OutboxRecordSchema = lazySchema(() => z.object({
  tenantId: z.string(),
  messageId: z.string(),
  attempt: z.number().int().positive(),
  createdAt: z.string(),
}));
export type OutboxRecord = z.infer<typeof OutboxRecordSchema>;

/** How long a processed outbox record is kept. */
export const OUTBOX_RETENTION_SECONDS = 7 * 24 * 3600;

/** A file uploaded for a reply (`POST /api/contacts/:contactId/attachments`), named by the id the upload answered. */
export const ReplyAttachmentSchema = lazySchema(() => z.object({ uploadId: z.string().regex(UPLOAD_ID_PATTERN, 'an uploadId answered by POST /api/contacts/:contactId/attachments') }).strict());

/** An agent's reply as the API accepts it: text, a file (one per reply, the text its caption), or both. */
export const ReplyRequestSchema = lazySchema(() => z.object({
  text: z.string().trim().max(4096).optional(),
  attachments: z.array(ReplyAttachmentSchema).max(1, 'one file per reply').optional(),
  buttons: z.array(OutboundButtonSchema).max(10).optional(),
  replyToMessageId: IdSchema.optional(),
  /** The console's own id for this reply: sending it twice stores it once. */
  clientMessageId: z.string().min(1).max(100).optional(),
}).refine((reply) => Boolean(reply.text) || Boolean(reply.attachments?.length), { path: ['text'], message: 'text or a file is required' }));
export type ReplyRequest = z.infer<typeof ReplyRequestSchema>;

/** A supervisor's whisper to the agent of a chat (same text limit as a reply). */
export const WhisperRequestSchema = lazySchema(() => z.object({
  text: z.string().trim().min(1).max(4096),
  clientMessageId: z.string().min(1).max(100).optional(),
}));
export type WhisperRequest = z.infer<typeof WhisperRequestSchema>;
