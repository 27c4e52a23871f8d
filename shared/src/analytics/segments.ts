/**
 * A finished contact as the engine reads it: a chat's messages or a call's transcript turned into segments. Both
 * the stream reaction and the console (highlighting a finding's `segmentIndex`) must agree on the order and on
 * what counts, so the rule lives once, here. Zod-free and pure.
 */
import type { ConversationSegment } from './values.ts';

/** The fields of a stored chat message the analysis reads. */
export interface ChatLine {
  direction: 'inbound' | 'outbound';
  text?: string | undefined;
  sentAt: string;
  /** An agent's user id, `system` for bot prompts and surveys, `<channel>:<id>` for a reply written in the messenger's own app. */
  authorId?: string | undefined;
  /** A supervisor who barged in wrote it. */
  authorName?: string | undefined;
  whisper?: true | undefined;
}

/**
 * Who a chat message is from, for the analysis: the customer, the agent, or nobody it judges (bot prompts,
 * surveys, a supervisor's whisper or barge-in: the agent did not say those).
 */
export function speakerOfLine(line: ChatLine): ConversationSegment['speaker'] | undefined {
  if (line.direction === 'inbound') return 'customer';
  if (line.whisper || line.authorName !== undefined || line.authorId === undefined || line.authorId === 'system') return undefined;
  return 'agent';
}

/** A chat's segments: each message with text, oldest first, its offset the time since the first message (no duration: chats have no overlap). */
export function segmentsOfChat(lines: readonly ChatLine[]): ConversationSegment[] {
  const said = lines
    .map((line) => ({ line, speaker: speakerOfLine(line), at: Date.parse(line.sentAt) }))
    .filter((entry): entry is { line: ChatLine; speaker: ConversationSegment['speaker']; at: number } => entry.speaker !== undefined && (entry.line.text ?? '').trim() !== '' && Number.isFinite(entry.at))
    .sort((a, b) => a.at - b.at);
  const start = said[0]?.at ?? 0;
  return said.map(({ line, speaker, at }) => ({ speaker, text: line.text!, startMs: at - start, endMs: at - start }));
}

/** The fields of a stored transcript segment the analysis reads. */
export interface TranscriptLine {
  speaker: ConversationSegment['speaker'];
  text: string;
  startMs: number;
  endMs: number;
}

/** A call's segments: the transcript's utterances with text in the order they began (a partial never finalised is the best text there is). */
export function segmentsOfCall(lines: readonly TranscriptLine[]): ConversationSegment[] {
  return lines
    .filter((line) => line.text.trim() !== '')
    .map(({ speaker, text, startMs, endMs }) => ({ speaker, text, startMs, endMs: Math.max(startMs, endMs) }))
    .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
}
