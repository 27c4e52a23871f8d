import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { AudioStream, StartStreamTranscriptionCommand, TranscriptEvent, TranscriptResultStream } from '@aws-sdk/client-transcribe-streaming';
import type { TranscriptionGrant } from '@cc/shared/voice/values';
import { CallTranscriber, MAX_FAILED_SESSIONS, REFRESH_BEFORE_EXPIRY_MS, type CallTranscriberDeps } from './call-transcriber.ts';
import { interleavePcm } from './transcribe-stream.ts';

type Wire = { TranscriptEvent: TranscriptEvent };
const wire = (name: string) => JSON.parse(readFileSync(new URL(`../../../test/fixtures/wire/transcribe/${name}`, import.meta.url), 'utf8')) as Wire;
const PARTIAL = wire('transcript-event-partial-ch0.json');
const FINAL = wire('transcript-event-final-ch1.json');
const NOW = Date.parse('2026-12-02T10:00:00.000Z');
const grant = (n: number, languageCode: TranscriptionGrant['languageCode'] = 'ru-RU'): TranscriptionGrant => ({
  contactId: 'call-1',
  region: 'eu-central-1',
  languageCode,
  credentials: { accessKeyId: `AKIA${n}`, secretAccessKey: 's', sessionToken: `t${n}`, expiration: new Date(NOW + 15 * 60_000).toISOString() },
});
/** A frame of `samples` sample pairs: the agent at +0.5, the customer at -0.5. */
const frame = (samples: number) => interleavePcm(new Float32Array(samples).fill(0.5), new Float32Array(samples).fill(-0.5));

/** A Transcribe stand-in: each session answers every audio chunk with the next event `answer` gives (or none). */
function fakeTranscribe(answer: (session: number, chunk: number) => Wire | undefined, fail?: (session: number) => Error | undefined) {
  const sessions: { language?: string; frames: Uint8Array[]; credentials: string }[] = [];
  const clientFor = (granted: TranscriptionGrant) => ({
    send: async (command: StartStreamTranscriptionCommand) => {
      const index = sessions.length;
      const session = { language: command.input.LanguageCode, frames: [] as Uint8Array[], credentials: granted.credentials.accessKeyId };
      sessions.push(session);
      const failure = fail?.(index);
      if (failure) throw failure;
      async function* results(): AsyncGenerator<TranscriptResultStream> {
        for await (const audio of command.input.AudioStream as AsyncIterable<AudioStream>) {
          session.frames.push(audio.AudioEvent!.AudioChunk!);
          const event = answer(index, session.frames.length - 1);
          if (event) yield event as TranscriptResultStream;
        }
      }
      return { TranscriptResultStream: results() };
    },
  });
  return { sessions, clientFor };
}

function transcriber(transcribe: ReturnType<typeof fakeTranscribe>, overrides: Partial<CallTranscriberDeps> = {}) {
  const posted: Wire[] = [];
  const partials: Wire[] = [];
  const timers: { ms: number; fire: () => void; cancelled: boolean }[] = [];
  let grants = 0;
  const deps: CallTranscriberDeps = {
    requestGrant: async () => grant(++grants),
    createClient: (granted) => transcribe.clientFor(granted) as unknown as ReturnType<CallTranscriberDeps['createClient']>,
    postTranscript: async (_contactId, event) => void posted.push(event),
    onPartial: (event) => void partials.push(event),
    now: () => NOW,
    setTimer: (ms, callback) => {
      const timer = { ms, fire: callback, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
    ...overrides,
  };
  return { subject: new CallTranscriber('call-1', deps), posted, partials, timers, grants: () => grants };
}

describe('CallTranscriber', () => {
  it('streams the PCM frames in the call’s language and posts only final results, showing partials locally', async () => {
    // Arrange: Transcribe answers the first chunk with a partial (agent), the second with a final (customer)
    const transcribe = fakeTranscribe((_session, chunk) => [PARTIAL, FINAL][chunk]);
    const { subject, posted, partials } = transcriber(transcribe, { requestGrant: async () => grant(1, 'en-US') });
    const frames = [frame(160), frame(160)];

    // Act
    const done = subject.start();
    for (const f of frames) subject.push(f);
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    await subject.stop();
    await done;

    // Assert
    expect(transcribe.sessions).toMatchObject([{ language: 'en-US', credentials: 'AKIA1', frames }]);
    expect(posted).toEqual([FINAL]);
    expect(partials).toEqual([PARTIAL]);
  });

  it('stops on hang-up: the session ends, frames after it go nowhere and no new session starts', async () => {
    const transcribe = fakeTranscribe(() => undefined);
    const { subject, grants } = transcriber(transcribe);
    const done = subject.start();
    subject.push(frame(10));
    await vi.waitFor(() => expect(transcribe.sessions[0]?.frames).toHaveLength(1));

    await subject.stop();
    subject.push(frame(10));
    await done;

    expect(subject.state()).toBe('stopped');
    expect(transcribe.sessions).toHaveLength(1);
    expect(transcribe.sessions[0]!.frames).toHaveLength(1);
    expect(grants()).toBe(1);
  });

  it('ends a session before its credentials expire and goes on with fresh ones, on one clock', async () => {
    // Arrange: each session answers its first chunk with the final; 16,000 sample pairs (1 s) go in the first session
    const transcribe = fakeTranscribe((_session, chunk) => (chunk === 0 ? FINAL : undefined));
    const { subject, posted, timers } = transcriber(transcribe);
    const done = subject.start();
    subject.push(frame(16_000));
    await vi.waitFor(() => expect(posted).toHaveLength(1));

    // Act: the refresh timer of the first credentials fires
    expect(timers[0]!.ms).toBe(15 * 60_000 - REFRESH_BEFORE_EXPIRY_MS);
    timers[0]!.fire();
    await vi.waitFor(() => expect(transcribe.sessions).toHaveLength(2));
    subject.push(frame(160));
    await vi.waitFor(() => expect(posted).toHaveLength(2));
    await subject.stop();
    await done;

    // Assert: the second session runs on new credentials, and its result is placed after the first second of audio
    expect(transcribe.sessions.map((s) => s.credentials)).toEqual(['AKIA1', 'AKIA2']);
    const [first, second] = posted.map((event) => event.TranscriptEvent.Transcript!.Results![0]!);
    expect(first!.StartTime).toBe(2.05);
    expect(second!.StartTime).toBeCloseTo(3.05, 6);
    expect(second!.EndTime).toBeCloseTo(5.12, 6);
    expect(timers[0]!.cancelled).toBe(true);
  });

  it(`gives up after ${MAX_FAILED_SESSIONS} sessions in a row that fail to start`, async () => {
    const transcribe = fakeTranscribe(() => undefined, () => new Error('AccessDeniedException'));
    const errors: unknown[] = [];
    const { subject } = transcriber(transcribe, {
      onError: (error) => void errors.push(error),
      // Back-offs (seconds) pass at once; the credentials' refresh (minutes) never comes.
      setTimer: (ms, callback) => (ms < REFRESH_BEFORE_EXPIRY_MS && queueMicrotask(callback), () => undefined),
    });

    await subject.start();

    expect(subject.state()).toBe('failed');
    expect(transcribe.sessions).toHaveLength(MAX_FAILED_SESSIONS);
    expect(errors).toHaveLength(MAX_FAILED_SESSIONS);
  });
});
