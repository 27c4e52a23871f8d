import { createHash } from 'node:crypto';

/** A short, URL-safe, stable digest of the parts (SHA-256, 128 bits kept). */
function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);
}

/** The one customer of an external user on a channel instance: the same id on every delivery, so no lookup is needed. */
export function customerIdOf(channelId: string, customerExternalId: string): string {
  return `cus_${digest('customer', channelId, customerExternalId)}`;
}

/** The conversation (chat) of a channel instance. */
export function conversationIdOf(channelId: string, conversationExternalId: string): string {
  return `conv_${digest('conversation', channelId, conversationExternalId)}`;
}

/** A customer's message: the same provider message (and its edits) always maps to the same id. */
export function inboundMessageIdOf(channelId: string, conversationExternalId: string, providerMessageId: string): string {
  return `msg_${digest('message', channelId, conversationExternalId, providerMessageId)}`;
}

/** Our reply: a console retry with the same client id maps to the same message. */
export function replyMessageIdOf(contactId: string, clientMessageId: string): string {
  return `msg_${digest('reply', contactId, clientMessageId)}`;
}

/** A system message (the pre-chat menu) prompted by a customer's message. */
export function systemMessageIdOf(triggerMessageId: string, purpose: string): string {
  return `msg_${digest('system', triggerMessageId, purpose)}`;
}

/** The contact a message opens: a retried stream record opens the same contact, never a second. */
export function contactIdForMessage(messageId: string): string {
  return `ct_${digest('contact', messageId)}`;
}

/** The callback contact of one voice-assistant session: asking twice in one session books one call. */
export function callbackContactIdOf(channelId: string, sessionId: string): string {
  return `cb_${digest('callback', channelId, sessionId)}`;
}
