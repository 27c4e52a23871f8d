import type { Contact } from '../contacts/model.ts';
import type { Conversation, InboxRecord, OutboxRecord, StoredMessage } from './model.ts';

/** Everything one customer message changes, written in one transaction. */
export interface InboundCommit {
  /** Put only if absent: a redelivered message changes nothing. */
  message: StoredMessage;
  /** The conversation's next state. */
  conversation: Conversation;
  /** Version the stored conversation must still have; undefined: it must not exist yet. */
  expectedConversationVersion: number | undefined;
  /** A contact the message opens (created only if absent). */
  contact?: Contact;
  /** Messages that waited for the pre-chat pick and now join `contactId`. */
  attach?: { contactId: string; messages: StoredMessage[] };
  /** A message of ours to send with it (the pre-chat menu), with its outbox record. */
  outbound?: { message: StoredMessage; outbox: OutboxRecord };
}

/** A page of messages, newest first; pass `before` (a cursor from the last page) to continue. */
export interface MessagePageRequest {
  limit: number;
  /** Exclusive upper bound: the sort key of the last message already seen. */
  before?: string;
}

/** Conversations, messages, the webhook inbox and the outbox, in the single table. */
export interface MessagingRepository {
  /**
   * Stores each webhook item once, keyed by its channel and dedup key, for 8 days.
   * @returns how many were new and how many were redeliveries.
   */
  recordInbox(records: InboxRecord[], at: Date): Promise<{ stored: number; duplicates: number }>;
  getConversation(tenantId: string, conversationId: string): Promise<Conversation | undefined>;
  getMessage(tenantId: string, messageId: string): Promise<StoredMessage | undefined>;
  /**
   * Writes a customer message with its conversation (and contact, menu prompt) atomically.
   * @returns `duplicate` when the message was stored before (nothing is written).
   * @throws ConflictError when the conversation changed meanwhile: re-read and decide again.
   */
  commitInbound(commit: InboundCommit): Promise<'stored' | 'duplicate'>;
  /** @throws ConflictError when the conversation changed meanwhile (or exists, for `undefined`). */
  saveConversation(conversation: Conversation, expectedVersion: number | undefined): Promise<void>;
  /**
   * Saves a changed message if its version is still `expectedVersion`, with pointers from provider
   * references (its provider message id, VK random_id) to it.
   * @throws ConflictError when another writer got there first.
   */
  saveMessage(message: StoredMessage, expectedVersion: number, refs?: string[]): Promise<void>;
  /**
   * Writes one of our messages and its outbox record in one transaction; `expectedVersion` makes it a
   * resend of an existing message, otherwise the message must be new.
   * @returns `duplicate` when a new message with this id exists already.
   * @throws ConflictError when a resend lost a race.
   */
  writeOutbound(message: StoredMessage, outbox: OutboxRecord, expectedVersion?: number): Promise<'created' | 'duplicate'>;
  /** Stores a message that nothing sends (a supervisor's whisper); `duplicate` when one with its id exists. */
  addMessage(message: StoredMessage): Promise<'created' | 'duplicate'>;
  /** The message a provider reference (provider message id, `random:<id>`) points to. */
  findMessageIdByRef(tenantId: string, channelId: string, ref: string): Promise<string | undefined>;
  /** A contact's messages, oldest first. */
  listContactMessages(tenantId: string, contactId: string): Promise<StoredMessage[]>;
  /** A customer's messages across their contacts, newest first, one page. */
  listCustomerMessages(tenantId: string, customerId: string, page: MessagePageRequest): Promise<{ messages: StoredMessage[]; sortKeys: string[] }>;
}
