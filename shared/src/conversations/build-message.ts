import type { Contact } from '../contacts/model.ts';
import type { Attachment, Message } from '../messaging/model.ts';
import type { Conversation, StoredMessage } from './model.ts';
import { conversationIdOf, customerIdOf, inboundMessageIdOf } from './ids.ts';

/** A new conversation for a customer's first message (or event) on a channel instance. */
export function newConversation(tenantId: string, source: Pick<Message, 'channel' | 'channelId' | 'conversationExternalId' | 'customerExternalId'>, at: string): Conversation {
  return {
    tenantId,
    conversationId: conversationIdOf(source.channelId, source.conversationExternalId),
    channel: source.channel,
    channelId: source.channelId,
    conversationExternalId: source.conversationExternalId,
    customerId: customerIdOf(source.channelId, source.customerExternalId),
    customerExternalId: source.customerExternalId,
    awaitingQueueChoice: false,
    pendingMessageIds: [],
    reachable: true,
    createdAt: at,
    updatedAt: at,
    version: 0,
  };
}

/** The stored form of a customer's message (or of our side's echo, e.g. a VK admin reply), not yet in a contact. */
export function storedFromInbound(tenantId: string, message: Message, receivedAt: string): StoredMessage {
  const inbound = message.direction === 'inbound';
  return {
    tenantId,
    messageId: inboundMessageIdOf(message.channelId, message.conversationExternalId, message.editOf ?? message.providerMessageId),
    channel: message.channel,
    channelId: message.channelId,
    conversationId: conversationIdOf(message.channelId, message.conversationExternalId),
    conversationExternalId: message.conversationExternalId,
    customerId: customerIdOf(message.channelId, message.customerExternalId),
    customerExternalId: message.customerExternalId,
    direction: message.direction,
    kind: message.kind,
    ...(message.text !== undefined && { text: message.text }),
    attachments: message.attachments,
    ...(message.location && { location: message.location }),
    ...(message.sharedContact && { sharedContact: message.sharedContact }),
    ...(message.button && { button: message.button }),
    providerMessageId: message.editOf ?? message.providerMessageId,
    ...(message.replyToProviderMessageId && { replyToProviderMessageId: message.replyToProviderMessageId }),
    sentAt: message.sentAt,
    receivedAt,
    ...(message.unsupportedType && { unsupportedType: message.unsupportedType }),
    ...(!inbound && message.agentExternalId && { authorId: `${message.channel}:${message.agentExternalId}` }),
    status: inbound ? 'received' : 'sent',
    statusHistory: [],
    sendAttempt: 0,
    edited: message.edited,
    ...(message.edited && { editedAt: message.sentAt }),
    editHistory: [],
    appliedEditKeys: message.edited ? [message.dedupKey] : [],
    version: 1,
  };
}

/** Our message to the customer of a conversation, pending in the outbox (attempt 1). */
export function newOutboundMessage(input: {
  messageId: string;
  conversation: Conversation;
  contactId?: string | undefined;
  text: string;
  /** An agent's file, already in our storage (the text is then its caption and may be empty). */
  attachment?: Attachment | undefined;
  buttons?: { title: string; payload: string }[] | undefined;
  replyToProviderMessageId?: string | undefined;
  authorId: string;
  /** A barging supervisor's name (an agent's own replies carry none). */
  authorName?: string | undefined;
  at: string;
}): StoredMessage {
  const { conversation } = input;
  return {
    tenantId: conversation.tenantId,
    messageId: input.messageId,
    channel: conversation.channel,
    channelId: conversation.channelId,
    conversationId: conversation.conversationId,
    conversationExternalId: conversation.conversationExternalId,
    customerId: conversation.customerId,
    customerExternalId: conversation.customerExternalId,
    ...(input.contactId !== undefined && { contactId: input.contactId }),
    direction: 'outbound',
    kind: input.attachment ? (input.attachment.type === 'image' ? 'image' : 'file') : 'text',
    ...((input.text || !input.attachment) && { text: input.text }),
    attachments: input.attachment ? [input.attachment] : [],
    ...(input.buttons?.length && { buttons: input.buttons }),
    ...(input.replyToProviderMessageId && { replyToProviderMessageId: input.replyToProviderMessageId }),
    sentAt: input.at,
    receivedAt: input.at,
    authorId: input.authorId,
    ...(input.authorName !== undefined && { authorName: input.authorName }),
    status: 'pending',
    statusHistory: [{ status: 'pending', at: input.at }],
    sendAttempt: 1,
    edited: false,
    editHistory: [],
    appliedEditKeys: [],
    version: 1,
  };
}

/**
 * A supervisor's whisper in a contact's conversation: stored beside the messages so the agent reads it in
 * place, but already final (`sent`, no send attempt), so nothing ever puts it in the outbox.
 */
export function newWhisperMessage(input: { messageId: string; conversation: Conversation; contactId: string; text: string; authorId: string; authorName: string; at: string }): StoredMessage {
  const outbound = newOutboundMessage(input);
  return { ...outbound, whisper: true, status: 'sent', statusHistory: [{ status: 'sent', at: input.at }], sendAttempt: 0 };
}

/** The text the customer gets: a barging supervisor's replies are signed with their name, since a bot cannot send as another person. */
export const customerFacingText = (message: Pick<StoredMessage, 'text' | 'authorName'>): string => (message.authorName ? (message.text ? `${message.authorName}: ${message.text}` : message.authorName) : (message.text ?? ''));

/** A queued contact for a conversation, as routing expects new contacts (created → queued, version 1). */
export function newQueuedContact(input: {
  tenantId: string;
  contactId: string;
  queueId: string;
  channel: Contact['channel'];
  channelId?: string;
  customerId?: string;
  conversationId?: string;
  previousContactId?: string | undefined;
  menuChoice?: string | undefined;
  callback?: Contact['callback'];
  at: string;
}): Contact {
  const { at, contactId } = input;
  return {
    tenantId: input.tenantId,
    contactId,
    queueId: input.queueId,
    channel: input.channel,
    status: 'queued',
    enqueuedAt: at,
    statusSince: at,
    createdAt: at,
    priority: 0,
    requiredSkills: [],
    excludedAgentIds: [],
    ...(input.channelId !== undefined && { channelId: input.channelId }),
    ...(input.customerId !== undefined && { customerId: input.customerId }),
    ...(input.conversationId !== undefined && { conversationId: input.conversationId }),
    ...(input.previousContactId !== undefined && { previousContactId: input.previousContactId }),
    ...(input.menuChoice !== undefined && { menuChoice: input.menuChoice }),
    ...(input.callback !== undefined && { callback: input.callback }),
    history: [{ contactId, from: 'new', to: 'queued', at, reason: `created (${input.channel})` }],
    version: 1,
  };
}
