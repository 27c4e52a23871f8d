/**
 * Call transcripts from Amazon Transcribe streaming: the `TranscriptEvent` it emits (as the agent's browser
 * forwards it, or as the local scripted caller builds it) read into provider-neutral transcript segments. Only the
 * fields we use are read; unknown ones are ignored, and every count and text has a ceiling so a body cannot make
 * an oversized item. Pure: no I/O.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { ID_MAX_LENGTH, ID_PATTERN } from '../limits/input.ts';
import type { TranscriptSegment, TranscriptSpeaker } from './values.ts';

export * from './values.ts';

/** Results in one event: Transcribe sends one or a few per event; more is not a Transcribe event. */
export const TRANSCRIPT_MAX_RESULTS = 20;
/** Alternatives per result (we read the first; Transcribe sends up to the requested count, at most 10). */
export const TRANSCRIPT_MAX_ALTERNATIVES = 10;
/** Words and punctuation per alternative. */
export const TRANSCRIPT_MAX_ITEMS = 1000;
/** Characters of one segment's text: a long monologue, well under DynamoDB's 400 KB item limit. */
export const TRANSCRIPT_MAX_TEXT = 4000;
/** Audio offsets beyond a day are not a phone call's (seconds, as Transcribe sends them). */
const MAX_SECONDS = 24 * 3600;

const Seconds = lazySchema(() => z.number().finite().min(0).max(MAX_SECONDS));

/** One word or punctuation mark of an alternative; we keep none of it but its text, so only that is checked. */
const TranscribeItemSchema = lazySchema(() => z.object({ Content: z.string().max(TRANSCRIPT_MAX_TEXT).optional() }));

const TranscribeAlternativeSchema = lazySchema(() => z.object({
  Transcript: z.string().max(TRANSCRIPT_MAX_TEXT).optional(),
  Items: z.array(TranscribeItemSchema).max(TRANSCRIPT_MAX_ITEMS).optional(),
}));

/** One result: an utterance on one channel, partial until `IsPartial` is false. */
export const TranscribeResultSchema = lazySchema(() => z.object({
  ResultId: z.string().min(1).max(ID_MAX_LENGTH).regex(ID_PATTERN, 'must be letters, digits or _ - . :'),
  StartTime: Seconds.default(0),
  EndTime: Seconds.default(0),
  // Optional in the API; a result that does not say it is final is kept revisable.
  IsPartial: z.boolean().default(true),
  ChannelId: z.string().max(32).optional(),
  Alternatives: z.array(TranscribeAlternativeSchema).max(TRANSCRIPT_MAX_ALTERNATIVES).default([]),
}));
export type TranscribeResult = z.infer<typeof TranscribeResultSchema>;

/** Transcribe streaming's `TranscriptEvent`: `Transcript.Results[]`. */
export const TranscriptEventSchema = lazySchema(() => z.object({
  Transcript: z.object({ Results: z.array(TranscribeResultSchema).max(TRANSCRIPT_MAX_RESULTS).default([]) }),
}));
export type TranscriptEvent = z.infer<typeof TranscriptEventSchema>;

/**
 * A `TranscriptEvent` as a client posts it: bare, or as the member of the result stream the SDK yields
 * (`{ TranscriptEvent: {...} }`, the shape of Transcribe's documented samples).
 */
export const TranscriptEventBodySchema = lazySchema(() =>
  z.preprocess((body) => (body !== null && typeof body === 'object' && 'TranscriptEvent' in body ? (body as { TranscriptEvent: unknown }).TranscriptEvent : body), TranscriptEventSchema),
);

/** Which Transcribe channel is whose: with channel identification Transcribe names them `ch_0`, `ch_1`. */
export type ChannelMap = Readonly<Record<string, TranscriptSpeaker>>;

/** Our two-channel stream: channel 0 carries the agent's microphone, channel 1 the customer's audio. */
export const AGENT_CUSTOMER_CHANNELS: ChannelMap = { ch_0: 'agent', ch_1: 'customer' };

const toMs = (seconds: number) => Math.round(seconds * 1000);

/** The text of a result: its first alternative's transcript, or its items joined when the transcript is absent. */
function textOf(result: TranscribeResult): string {
  const best = result.Alternatives[0];
  if (!best) return '';
  if (best.Transcript !== undefined) return best.Transcript.trim();
  return (best.Items ?? []).map((item) => item.Content ?? '').join(' ').replace(/ ([.,!?;:])/g, '$1').trim().slice(0, TRANSCRIPT_MAX_TEXT);
}

/**
 * The segments of one event. Results on a channel the map does not name, and results with no text yet, carry
 * nothing to show and are left out.
 */
export function segmentsOf(event: TranscriptEvent, options: { channels: ChannelMap }): TranscriptSegment[] {
  const segments: TranscriptSegment[] = [];
  for (const result of event.Transcript.Results) {
    // Own keys only: a channel id such as `toString` must not find something on the prototype.
    const speaker = result.ChannelId !== undefined && Object.hasOwn(options.channels, result.ChannelId) ? options.channels[result.ChannelId] : undefined;
    const text = textOf(result);
    if (!speaker || !text) continue;
    const startMs = toMs(result.StartTime);
    segments.push({ segmentId: result.ResultId, speaker, text, startMs, endMs: Math.max(startMs, toMs(result.EndTime)), partial: result.IsPartial });
  }
  return segments;
}
