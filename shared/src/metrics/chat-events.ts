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
