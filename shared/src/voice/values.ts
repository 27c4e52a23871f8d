// Zod-free call-transcript values: the segment and the one rule for merging segments, so the console merges
// pushed segments exactly as the server stores them (docs/voice-transcripts.md).

/** Who spoke: the transcript has two channels, the agent's and the customer's. */
export type TranscriptSpeaker = 'agent' | 'customer';

/** One utterance of a call: a Transcribe result on one channel, partial until Transcribe finalises it. */
export interface TranscriptSegment {
  /** The provider's result id: later versions of the same utterance carry the same id. */
  segmentId: string;
  speaker: TranscriptSpeaker;
  text: string;
  /** Offsets from the start of the transcribed audio, in milliseconds. */
  startMs: number;
  endMs: number;
  /** Transcribe may still revise a partial segment; a final one is settled. */
  partial: boolean;
}

/** Compares by Unicode code points, which is the UTF-8 byte order DynamoDB compares strings in. */
export function compareText(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

/**
 * Whether `incoming` should replace `existing` (same segment id). A partial is replaced by any later version; a
 * final is never replaced by a partial. Two finals of one id (Transcribe sends one) are settled by text order, so
 * the outcome does not depend on arrival order; an equal final changes nothing, so repeats are harmless.
 */
export function replacesSegment(existing: TranscriptSegment | undefined, incoming: TranscriptSegment): boolean {
  if (!existing) return true;
  if (existing.partial) return true;
  if (incoming.partial) return false;
  return compareText(existing.text, incoming.text) < 0;
}

/** Display and storage order: by start, then end, then speaker and id, so equal inputs give one order. */
export function compareSegments(a: TranscriptSegment, b: TranscriptSegment): number {
  return a.startMs - b.startMs || a.endMs - b.endMs || a.speaker.localeCompare(b.speaker) || (a.segmentId < b.segmentId ? -1 : a.segmentId > b.segmentId ? 1 : 0);
}

/** `current` with `incoming` applied in order under `replacesSegment`, sorted for display. Pure: inputs are not changed. */
export function mergeSegments(current: readonly TranscriptSegment[], incoming: readonly TranscriptSegment[]): TranscriptSegment[] {
  const byId = new Map<string, TranscriptSegment>();
  for (const segment of [...current, ...incoming]) {
    if (replacesSegment(byId.get(segment.segmentId), segment)) byId.set(segment.segmentId, segment);
  }
  return [...byId.values()].sort(compareSegments);
}

// Zod-free: who hears whom in a call's audio, so the browser applies the same policy as the server.
/** Who an attendee of a call's audio is: the caller, the agent, or a supervisor listening, whispering or barging in. */
export type MeetingRole = 'caller' | 'agent' | 'listen' | 'whisper' | 'barge';

/** Whether `listener` hears `speaker`. A listener only hears; a whisper is heard by the agent alone; a barge joins the conversation. */
export function hears(listener: MeetingRole, speaker: MeetingRole): boolean {
  if (listener === speaker && listener !== 'listen') return listener !== 'caller'; // two agents (a transfer's overlap) hear each other
  switch (speaker) {
    case 'listen':
      return false;
    case 'whisper':
      return listener === 'agent';
    case 'caller':
    case 'agent':
    case 'barge':
      return true;
  }
}

/** The audio between two attendees: who sends to whom. `none` when neither hears the other, so no link is needed. */
export function audioLink(a: MeetingRole, b: MeetingRole): { aToB: boolean; bToA: boolean } {
  return { aToB: hears(b, a), bToA: hears(a, b) };
}

// Zod-free: what the agent's browser gets to transcribe its call with Amazon Transcribe streaming (AWS only).
/** Languages calls are transcribed in, from the call flow's language. */
export type TranscribeLanguage = 'ru-RU' | 'en-US';

/** The Transcribe language of a call flow's language (`ru` unless the flow says `en`). */
export const transcribeLanguageOf = (language: string | undefined): TranscribeLanguage => (language === 'en' ? 'en-US' : 'ru-RU');

/** Short-lived AWS credentials allowed nothing but Transcribe streaming; `expiration` is ISO 8601. */
export interface StreamingCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: string;
}

/** `POST /api/contacts/:id/transcription-credentials`: where and how the agent's browser transcribes the call. */
export interface TranscriptionGrant {
  contactId: string;
  region: string;
  languageCode: TranscribeLanguage;
  credentials: StreamingCredentials;
}
