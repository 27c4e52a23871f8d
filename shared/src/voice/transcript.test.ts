import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AGENT_CUSTOMER_CHANNELS, mergeSegments, segmentsOf, TranscriptEventBodySchema, TranscriptEventSchema, TRANSCRIPT_MAX_RESULTS, TRANSCRIPT_MAX_TEXT, type TranscriptSegment } from './transcript.ts';

const wire = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../test/fixtures/wire/transcribe/${name}`, import.meta.url), 'utf8'));
const segment = (overrides: Partial<TranscriptSegment>): TranscriptSegment => ({ segmentId: 'r-1', speaker: 'customer', text: 'Алло', startMs: 0, endMs: 500, partial: false, ...overrides });
const result = (overrides: Record<string, unknown> = {}) => ({ ResultId: 'r-1', StartTime: 1, EndTime: 2, IsPartial: false, ChannelId: 'ch_1', Alternatives: [{ Transcript: 'Да' }], ...overrides });

describe('TranscriptEventSchema and segmentsOf', () => {
  it('reads the documented partial result on the agent channel as a partial agent segment', () => {
    // Arrange
    const event = TranscriptEventBodySchema.parse(wire('transcript-event-partial-ch0.json'));

    // Act
    const segments = segmentsOf(event, { channels: AGENT_CUSTOMER_CHANNELS });

    // Assert
    expect(segments).toEqual([{ segmentId: '8a1c2b3d-4e5f-4a6b-9c7d-0e1f2a3b4c5d', speaker: 'agent', text: 'Компания Акме', startMs: 410, endMs: 1370, partial: true }]);
  });

  it('reads the documented final result on channel 1 as a final customer segment, ignoring item fields', () => {
    const event = TranscriptEventBodySchema.parse(wire('transcript-event-final-ch1.json'));

    expect(segmentsOf(event, { channels: AGENT_CUSTOMER_CHANNELS })).toEqual([
      { segmentId: 'c4d5e6f7-0819-4a2b-8c3d-4e5f60718293', speaker: 'customer', text: 'Здравствуйте, не могу оплатить заказ.', startMs: 2050, endMs: 4120, partial: false },
    ]);
  });

  it('accepts the bare event as well as the result-stream member', () => {
    const member = wire('transcript-event-final-ch1.json') as { TranscriptEvent: unknown };

    expect(TranscriptEventBodySchema.parse(member.TranscriptEvent)).toEqual(TranscriptEventBodySchema.parse(member));
  });

  it('leaves out results on unmapped channels (including prototype names), without a channel, or without text', () => {
    const event = TranscriptEventSchema.parse({
      Transcript: {
        Results: [result({ ResultId: 'a', ChannelId: 'ch_2' }), result({ ResultId: 'b', ChannelId: 'toString' }), result({ ResultId: 'c', ChannelId: undefined }), result({ ResultId: 'd', Alternatives: [] }), result({ ResultId: 'e', Alternatives: [{ Transcript: '  ' }] }), result({ ResultId: 'f' })],
      },
    });

    expect(segmentsOf(event, { channels: AGENT_CUSTOMER_CHANNELS }).map((s) => s.segmentId)).toEqual(['f']);
  });

  it('joins the items when an alternative has no transcript, and keeps a result that does not say it is final partial', () => {
    const event = TranscriptEventSchema.parse({ Transcript: { Results: [{ ResultId: 'r', StartTime: 0.2, EndTime: 0.9, ChannelId: 'ch_0', Alternatives: [{ Items: [{ Content: 'Добрый' }, { Content: 'день' }, { Content: ',' }, { Content: 'слушаю' }] }] }] } });

    expect(segmentsOf(event, { channels: AGENT_CUSTOMER_CHANNELS })).toEqual([{ segmentId: 'r', speaker: 'agent', text: 'Добрый день, слушаю', startMs: 200, endMs: 900, partial: true }]);
  });

  it.each([
    ['too many results', { Transcript: { Results: Array.from({ length: TRANSCRIPT_MAX_RESULTS + 1 }, (_, i) => result({ ResultId: `r${i}` })) } }],
    ['an overlong transcript', { Transcript: { Results: [result({ Alternatives: [{ Transcript: 'а'.repeat(TRANSCRIPT_MAX_TEXT + 1) }] })] } }],
    ['a result id that cannot be a key', { Transcript: { Results: [result({ ResultId: 'a/b#c' })] } }],
    ['a negative time', { Transcript: { Results: [result({ StartTime: -1 })] } }],
    ['a time as a string', { Transcript: { Results: [result({ EndTime: '2' })] } }],
    ['no transcript', {}],
  ])('refuses %s', (_name, body) => {
    expect(TranscriptEventBodySchema.safeParse(body).success).toBe(false);
  });
});

describe('mergeSegments', () => {
  it('replaces a partial with the later version of the same result', () => {
    const merged = mergeSegments([segment({ text: 'Алл', partial: true })], [segment({ text: 'Алло, слышно?', partial: true })]);

    expect(merged).toEqual([segment({ text: 'Алло, слышно?', partial: true })]);
  });

  it('never replaces a final with a partial that arrives after it', () => {
    const final = segment({ text: 'Алло, слышно?' });

    expect(mergeSegments([final], [segment({ text: 'Алл', partial: true })])).toEqual([final]);
  });

  it('orders segments by start, whoever spoke', () => {
    const merged = mergeSegments([segment({ segmentId: 'b', startMs: 900 })], [segment({ segmentId: 'a', speaker: 'agent', startMs: 100 })]);

    expect(merged.map((s) => s.segmentId)).toEqual(['a', 'b']);
  });
});
