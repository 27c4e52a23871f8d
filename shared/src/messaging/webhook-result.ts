import type { ConversationEvent, DeliveryStatus, Message, WebhookResult } from './model.ts';

/** An `ignored` result: the delivery is valid but carries nothing we act on. */
export function ignoreUpdate(updateType: string, reason: string): WebhookResult {
  return { kind: 'ignored', reason, updateType };
}

/**
 * The narrowest result for what a delivery carried: one sort gives `messages`/`statuses`/`conversation`,
 * several give `mixed`, none gives `ignored` with the fallback reason.
 */
export function buildWebhookResult(
  items: { messages?: Message[]; statuses?: DeliveryStatus[]; events?: ConversationEvent[] },
  whenEmpty: { updateType: string; reason: string },
): WebhookResult {
  const messages = items.messages ?? [];
  const statuses = items.statuses ?? [];
  const events = items.events ?? [];
  const sorts = [messages.length, statuses.length, events.length].filter((count) => count > 0).length;
  if (sorts === 0) return ignoreUpdate(whenEmpty.updateType, whenEmpty.reason);
  if (sorts > 1) return { kind: 'mixed', messages, statuses, events };
  if (messages.length > 0) return { kind: 'messages', messages };
  if (statuses.length > 0) return { kind: 'statuses', statuses };
  return { kind: 'conversation', events };
}

/** Every message, status and event of a result as three lists, for callers that store them all alike. */
export function splitWebhookResult(result: WebhookResult): {
  messages: Message[];
  statuses: DeliveryStatus[];
  events: ConversationEvent[];
} {
  switch (result.kind) {
    case 'messages':
      return { messages: result.messages, statuses: [], events: [] };
    case 'statuses':
      return { messages: [], statuses: result.statuses, events: [] };
    case 'conversation':
      return { messages: [], statuses: [], events: result.events };
    case 'mixed':
      return { messages: result.messages, statuses: result.statuses, events: result.events };
    case 'handshake':
    case 'ignored':
      return { messages: [], statuses: [], events: [] };
  }
}
