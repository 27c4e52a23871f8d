// The AWS audio path of call transcripts (docs/voice-transcripts.md): the agent's browser sends the call's two
// channels, its microphone (the agent) and the call's incoming audio (the customer), as one interleaved
// two-channel PCM stream to Amazon Transcribe streaming with channel identification, and hands every
// `TranscriptEvent` it gets back (partials included) to `onEvent`, which posts it to
// `POST /api/contacts/:id/transcript`. Audio capture and the short-lived credentials are the caller's.
import { StartStreamTranscriptionCommand, type AudioStream, type TranscribeStreamingClient, type TranscriptEvent } from '@aws-sdk/client-transcribe-streaming';

/** Languages the console transcribes calls in, as the call's flow language picks them. */
export type TranscribeLanguage = 'ru-RU' | 'en-US';

/** Transcribe's streaming audio: 16-bit little-endian PCM; 16 kHz suits telephone speech. */
export const TRANSCRIBE_SAMPLE_RATE = 16_000;

export interface TranscribeStreamOptions {
  /** A client signed with the agent's short-lived credentials (transcribe:StartStreamTranscriptionWebSocket). */
  client: Pick<TranscribeStreamingClient, 'send'>;
  language: TranscribeLanguage;
  /** Interleaved two-channel frames from `interleavePcm`: channel 0 the agent, channel 1 the customer. */
  audio: AsyncIterable<Uint8Array>;
  /** Called for each result event in order; the stream waits for it, so posts never overtake each other. */
  onEvent(event: { TranscriptEvent: TranscriptEvent }): Promise<void>;
  sampleRate?: number;
  /** Ends the session (the call ended, the agent left). */
  signal?: AbortSignal;
}

/** Transcribe's streamed failures, as one error the caller can log and retry on. */
export class TranscribeStreamError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
    this.name = 'TranscribeStreamError';
  }
}

/**
 * Two mono Float32 buffers of the same moment (Web Audio's sample format) as one interleaved 16-bit PCM frame,
 * agent first. The shorter buffer is padded with silence, so a stalled side never shifts the other.
 */
export function interleavePcm(agent: Float32Array, customer: Float32Array): Uint8Array {
  const length = Math.max(agent.length, customer.length);
  const view = new DataView(new ArrayBuffer(length * 4));
  const sample = (value: number | undefined) => Math.round(Math.max(-1, Math.min(1, value ?? 0)) * 0x7fff);
  for (let i = 0; i < length; i++) {
    view.setInt16(i * 4, sample(agent[i]), true);
    view.setInt16(i * 4 + 2, sample(customer[i]), true);
  }
  return new Uint8Array(view.buffer);
}

async function* audioEvents(audio: AsyncIterable<Uint8Array>): AsyncIterable<AudioStream> {
  for await (const chunk of audio) if (chunk.byteLength > 0) yield { AudioEvent: { AudioChunk: chunk } };
}

/**
 * Runs one streaming session until the audio ends or `signal` aborts.
 * @throws TranscribeStreamError when Transcribe reports a failure in the stream; the SDK's errors when the session cannot start
 */
export async function streamTranscript(options: TranscribeStreamOptions): Promise<void> {
  const response = await options.client.send(
    new StartStreamTranscriptionCommand({
      LanguageCode: options.language,
      MediaEncoding: 'pcm',
      MediaSampleRateHertz: options.sampleRate ?? TRANSCRIBE_SAMPLE_RATE,
      EnableChannelIdentification: true,
      NumberOfChannels: 2,
      AudioStream: audioEvents(options.audio),
    }),
    { abortSignal: options.signal },
  );
  for await (const event of response.TranscriptResultStream ?? []) {
    if (event.TranscriptEvent) {
      await options.onEvent({ TranscriptEvent: event.TranscriptEvent });
      continue;
    }
    const [kind, failure] = Object.entries(event).find(([, value]) => value !== undefined) ?? ['Unknown', undefined];
    throw new TranscribeStreamError(kind, (failure as { Message?: string } | undefined)?.Message ?? `Transcribe streaming failed (${kind})`);
  }
}
