import type { MessageStatus, StoredMessage } from '@cc/shared/conversations/model';

/** How a message's delivery shows: ticks for ours, nothing for the customer's. */
export type DeliveryMark =
  | { kind: 'none' }
  /** Waiting in our outbox: a clock. */
  | { kind: 'pending' }
  /** One tick (sent), two (delivered), two coloured (read). */
  | { kind: 'ticks'; count: 1 | 2; read: boolean }
  | { kind: 'failed'; reason: string; permanent: boolean };

/** The mark for a message's status; a failure carries the provider's reason for the agent to read. */
export function deliveryMark(message: Pick<StoredMessage, 'direction' | 'status' | 'failure' | 'whisper'>): DeliveryMark {
  if (message.direction === 'inbound' || message.whisper) return { kind: 'none' };
  const status: MessageStatus = message.status;
  switch (status) {
    case 'pending':
      return { kind: 'pending' };
    case 'sent':
      return { kind: 'ticks', count: 1, read: false };
    case 'delivered':
      return { kind: 'ticks', count: 2, read: false };
    case 'read':
      return { kind: 'ticks', count: 2, read: true };
    case 'failed': {
      const failure = message.failure;
      const code = failure?.providerCode && !failure.reason.includes(failure.providerCode) ? `(${failure.providerCode})` : undefined;
      const reason = [failure?.reason, code].filter(Boolean).join(' ');
      return { kind: 'failed', reason, permanent: failure?.permanent ?? true };
    }
    default:
      return { kind: 'none' };
  }
}

/** Conversation order: by the time written, then by when stored, then by id (stable). */
function compareMessages(a: StoredMessage, b: StoredMessage): number {
  return a.sentAt.localeCompare(b.sentAt) || a.receivedAt.localeCompare(b.receivedAt) || a.messageId.localeCompare(b.messageId);
}

/**
 * The conversation after a push or answer: the message added in order, or replaced when the copy
 * is at least as new; an older copy (a late push) changes nothing.
 */
export function applyMessage(messages: readonly StoredMessage[], message: StoredMessage): readonly StoredMessage[] {
  const index = messages.findIndex((m) => m.messageId === message.messageId);
  if (index >= 0) {
    if (messages[index]!.version > message.version) return messages;
    const next = [...messages];
    next[index] = message;
    return next;
  }
  return [...messages, message].sort(compareMessages);
}

/** The conversation after a full reload: the loaded list, except copies already held in a newer version. */
export function applyMessageList(messages: readonly StoredMessage[], loaded: readonly StoredMessage[]): readonly StoredMessage[] {
  let next: readonly StoredMessage[] = [...loaded].sort(compareMessages);
  for (const held of messages) next = applyMessage(next, held);
  return next;
}

/** Messages grouped under the calendar day they were written (by `dayOf`), in order. */
export function groupByDay<T extends { sentAt: string }>(messages: readonly T[], dayOf: (at: string) => string): { day: string; messages: T[] }[] {
  const groups: { day: string; messages: T[] }[] = [];
  for (const message of messages) {
    const day = dayOf(message.sentAt);
    const last = groups.at(-1);
    if (last?.day === day) last.messages.push(message);
    else groups.push({ day, messages: [message] });
  }
  return groups;
}
