/**
 * A completed chat's message figures: messages each way, the first response time and every response time
 * (a customer message left unanswered → the next reply of an agent or a supervisor). Whispers and automatic
 * messages (author `system`) are not replies.
 */
import { secondsBetween } from './events.ts';
import type { SumMeasure } from './values.ts';

export interface ChatMessage {
  direction: 'inbound' | 'outbound';
  sentAt: string;
  authorId?: string;
  whisper?: true;
}

const isReply = (m: ChatMessage) => m.direction === 'outbound' && m.whisper !== true && m.authorId !== undefined && m.authorId !== 'system';

/** The measures of the chat's messages, in any order; nothing for a call (`undefined`). */
export function chatEvents(messages: readonly ChatMessage[] | undefined): Partial<Record<SumMeasure, number>> {
  if (messages === undefined) return {};
  const ordered = [...messages].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
  let messagesIn = 0;
  let messagesOut = 0;
  let responses = 0;
  let responseSeconds = 0;
  let first: number | undefined;
  let unanswered: string | undefined;
  for (const message of ordered) {
    if (message.direction === 'inbound') {
      messagesIn += 1;
      unanswered ??= message.sentAt;
    } else if (isReply(message)) {
      messagesOut += 1;
      if (unanswered === undefined) continue;
      const seconds = secondsBetween(unanswered, message.sentAt);
      first ??= seconds;
      responses += 1;
      responseSeconds += seconds;
      unanswered = undefined;
    }
  }
  return { messagesIn, messagesOut, responses, responseSeconds, ...(first !== undefined && { firstResponses: 1, firstResponseSeconds: first }) };
}

/**
 * How long the customer of a chat waited for its agent once connected: from the later of the connection and the
 * customer's first message to the agent's first reply after it; a chat never replied to waited until it closed.
 * `undefined` for a chat the customer never wrote in (nothing to answer).
 */
export function agentAnswerSeconds(messages: readonly ChatMessage[], connectedAt: string, closedAt: string): number | undefined {
  const connected = Date.parse(connectedAt);
  const firstIn = messages.filter((m) => m.direction === 'inbound').map((m) => Date.parse(m.sentAt)).sort((a, b) => a - b)[0];
  if (firstIn === undefined) return undefined;
  const from = Math.max(connected, firstIn);
  const reply = messages.filter((m) => isReply(m) && Date.parse(m.sentAt) >= from).map((m) => Date.parse(m.sentAt)).sort((a, b) => a - b)[0];
  return secondsBetween(new Date(from).toISOString(), reply === undefined ? closedAt : new Date(reply).toISOString());
}
