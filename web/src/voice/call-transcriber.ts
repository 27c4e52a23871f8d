// The agent's browser transcribes its call on the AWS audio path (docs/voice-transcripts.md): interleaved PCM frames
// of both sides in, one Amazon Transcribe streaming session at a time out, each final result posted to the call's
// transcript. Credentials last at most 15 minutes, so a session is ended shortly before they expire and a new one
// starts with fresh credentials on the same audio; its result times are shifted by the audio already sent, so the
// transcript keeps one clock. Apart from the SDK's client and the browser's audio, so it is tested in Node.
import type { TranscribeStreamingClient, TranscriptEvent } from '@aws-sdk/client-transcribe-streaming';
import type { TranscriptionGrant } from '@cc/shared/voice/values';
import { streamTranscript, TRANSCRIBE_SAMPLE_RATE } from './transcribe-stream.ts';

export interface CallTranscriberDeps {
  /** `POST /api/contacts/:id/transcription-credentials`. */
  requestGrant(contactId: string): Promise<TranscriptionGrant>;
  /** A streaming client signed with the grant's credentials, in its region. */
  createClient(grant: TranscriptionGrant): Pick<TranscribeStreamingClient, 'send'>;
  /** `POST /api/contacts/:id/transcript` with the event's final results. */
  postTranscript(contactId: string, event: { TranscriptEvent: TranscriptEvent }): Promise<unknown>;
  /** Partial results, for showing locally only (they are not stored). */
  onPartial?(event: { TranscriptEvent: TranscriptEvent }): void;
  now(): number;
  /** Runs `callback` after `ms`; @returns cancel */
  setTimer(ms: number, callback: () => void): () => void;
  /** Failures worth a log line; the transcriber keeps going. */
  onError?(error: unknown): void;
}

/** A session ends this long before its credentials expire, so no request is signed with expired ones. */
export const REFRESH_BEFORE_EXPIRY_MS = 60_000;
/** Consecutive sessions that fail without a single result before the transcriber gives up for this call. */
export const MAX_FAILED_SESSIONS = 3;
/** Frames kept while no session runs (between two sessions): about ten seconds of audio at 4,096 samples a frame. */
const MAX_WAITING_FRAMES = 40;
const BYTES_PER_SAMPLE_PAIR = 4; // two channels of 16-bit samples

export type TranscriberState = 'idle' | 'streaming' | 'stopped' | 'failed';

/** Frames from the capture, handed to whichever session runs; each session reads only what arrives while it runs. */
class FrameQueue {
  private frames: Uint8Array[] = [];
  private wake: (() => void) | undefined;
  private closed = false;
  /** Sample pairs handed to sessions so far: the offset of the next session's audio. */
  sent = 0;

  push(frame: Uint8Array): void {
    if (this.closed) return;
    this.frames.push(frame);
    if (this.frames.length > MAX_WAITING_FRAMES) this.frames.shift();
    this.wake?.();
  }

  close(): void {
    this.closed = true;
    this.wake?.();
  }

  async *session(signal: AbortSignal): AsyncGenerator<Uint8Array> {
    const onAbort = () => this.wake?.();
    signal.addEventListener('abort', onAbort);
    try {
      while (!signal.aborted && !this.closed) {
        const frame = this.frames.shift();
        if (frame) {
          this.sent += frame.byteLength / BYTES_PER_SAMPLE_PAIR;
          yield frame;
          continue;
        }
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
}

/** `event` with only the results `keep` selects, each moved `offsetSeconds` later; undefined when none is left. */
function resultsOf(event: TranscriptEvent, keep: (partial: boolean) => boolean, offsetSeconds: number): { TranscriptEvent: TranscriptEvent } | undefined {
  const results = (event.Transcript?.Results ?? []).filter((result) => keep(result.IsPartial === true));
  if (results.length === 0) return undefined;
  const shift = (seconds: number | undefined) => (seconds === undefined ? undefined : seconds + offsetSeconds);
  const moved = offsetSeconds === 0 ? results : results.map((result) => ({ ...result, StartTime: shift(result.StartTime), EndTime: shift(result.EndTime) }));
  return { TranscriptEvent: { Transcript: { Results: moved } } };
}

/** One call's transcription in the agent's browser, from the first frame to the hang-up. */
export class CallTranscriber {
  private readonly frames = new FrameQueue();
  private current: TranscriberState = 'idle';
  private session: AbortController | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly contactId: string,
    private readonly deps: CallTranscriberDeps,
    private readonly sampleRate = TRANSCRIBE_SAMPLE_RATE,
  ) {}

  state(): TranscriberState {
    return this.current;
  }

  /** An interleaved two-channel frame (`interleavePcm`: the agent, then the customer). */
  push(frame: Uint8Array): void {
    this.frames.push(frame);
  }

  /** Starts streaming; resolves when the transcriber has stopped (hang-up) or given up. */
  start(): Promise<void> {
    this.running ??= this.run();
    return this.running;
  }

  /** The call ended: the running session ends and no other starts. */
  async stop(): Promise<void> {
    if (this.current !== 'failed') this.current = 'stopped';
    this.frames.close();
    this.session?.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.current === 'idle' || this.current === 'streaming') {
      const session = new AbortController();
      this.session = session;
      let results = 0;
      let cancelTimer = () => undefined as void;
      try {
        const grant = await this.deps.requestGrant(this.contactId);
        if (this.stopped()) return;
        const untilRefresh = Math.max(0, Date.parse(grant.credentials.expiration) - REFRESH_BEFORE_EXPIRY_MS - this.deps.now());
        cancelTimer = this.deps.setTimer(untilRefresh, () => session.abort());
        this.current = 'streaming';
        const offsetSeconds = this.frames.sent / this.sampleRate;
        await streamTranscript({
          client: this.deps.createClient(grant),
          language: grant.languageCode,
          sampleRate: this.sampleRate,
          audio: this.frames.session(session.signal),
          signal: session.signal,
          onEvent: async ({ TranscriptEvent: event }) => {
            results++;
            const partial = resultsOf(event, (isPartial) => isPartial, offsetSeconds);
            if (partial) this.deps.onPartial?.(partial);
            const final = resultsOf(event, (isPartial) => !isPartial, offsetSeconds);
            // A post that fails (a blip, a rate limit) loses that line, not the call's transcription.
            if (final) await this.deps.postTranscript(this.contactId, final).catch((error: unknown) => this.deps.onError?.(error));
          },
        });
        // Transcribe closing a session that gave results is a normal end; one closing at once is not.
        failures = session.signal.aborted || results > 0 ? 0 : failures + 1;
      } catch (error) {
        // An abort is ours (refresh or hang-up); anything else is a failed session, retried with new credentials.
        if (!session.signal.aborted) {
          this.deps.onError?.(error);
          failures = results > 0 ? 1 : failures + 1;
        }
      } finally {
        cancelTimer();
      }
      if (failures >= MAX_FAILED_SESSIONS) this.current = 'failed';
      if (this.stopped()) return;
      if (failures > 0) await new Promise<void>((resolve) => this.deps.setTimer(failures * 1000, resolve));
    }
  }

  private stopped(): boolean {
    return this.current === 'stopped' || this.current === 'failed';
  }
}
