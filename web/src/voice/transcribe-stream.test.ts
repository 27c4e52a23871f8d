import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { StartStreamTranscriptionCommand, TranscribeStreamingClient, type StartStreamTranscriptionCommandInput, type TranscriptResultStream } from '@aws-sdk/client-transcribe-streaming';
import { interleavePcm, streamTranscript, TranscribeStreamError } from './transcribe-stream.ts';

const transcribe = mockClient(TranscribeStreamingClient);
afterEach(() => transcribe.reset());

const wire = (name: string) => JSON.parse(readFileSync(new URL(`../../../test/fixtures/wire/transcribe/${name}`, import.meta.url), 'utf8')) as TranscriptResultStream;
async function* of<T>(...items: T[]) {
  for (const item of items) yield item;
}
const drain = async <T>(stream: AsyncIterable<T>) => {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
};

describe('streamTranscript', () => {
  it('asks for two-channel identification in the call’s language and hands every result event on in order', async () => {
    // Arrange: Transcribe answers with the documented partial (agent) and final (customer) events
    transcribe.on(StartStreamTranscriptionCommand).resolves({ TranscriptResultStream: of(wire('transcript-event-partial-ch0.json'), wire('transcript-event-final-ch1.json')) });
    const posted: unknown[] = [];
    const frame = interleavePcm(new Float32Array([0.5]), new Float32Array([-0.5]));

    // Act
    await streamTranscript({ client: new TranscribeStreamingClient({ region: 'eu-central-1' }), language: 'ru-RU', audio: of(frame, new Uint8Array()), onEvent: async (event) => void posted.push(event) });

    // Assert
    const input = transcribe.commandCalls(StartStreamTranscriptionCommand)[0]!.args[0].input as StartStreamTranscriptionCommandInput;
    expect(input).toMatchObject({ LanguageCode: 'ru-RU', MediaEncoding: 'pcm', MediaSampleRateHertz: 16000, EnableChannelIdentification: true, NumberOfChannels: 2 });
    expect(await drain(input.AudioStream!)).toEqual([{ AudioEvent: { AudioChunk: frame } }]);
    expect(posted).toEqual([wire('transcript-event-partial-ch0.json'), wire('transcript-event-final-ch1.json')]);
  });

  it('raises a failure Transcribe reports inside the stream', async () => {
    transcribe.on(StartStreamTranscriptionCommand).resolves({ TranscriptResultStream: of({ LimitExceededException: { name: 'LimitExceededException', Message: 'Too many streams' } } as unknown as TranscriptResultStream) });

    const run = streamTranscript({ client: new TranscribeStreamingClient({ region: 'eu-central-1' }), language: 'en-US', audio: of(), onEvent: async () => undefined });

    await expect(run).rejects.toEqual(new TranscribeStreamError('LimitExceededException', 'Too many streams'));
  });
});

describe('interleavePcm', () => {
  it('interleaves agent then customer as 16-bit little-endian samples, clipping and padding with silence', () => {
    const frame = interleavePcm(new Float32Array([1, -2]), new Float32Array([0.5]));

    const view = new DataView(frame.buffer);
    expect([view.getInt16(0, true), view.getInt16(2, true), view.getInt16(4, true), view.getInt16(6, true)]).toEqual([32767, 16384, -32767, 0]);
  });
});
