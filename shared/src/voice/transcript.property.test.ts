import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENT_CUSTOMER_CHANNELS, mergeSegments, segmentsOf, TranscriptEventSchema, type TranscriptSegment } from './transcript.ts';

/** One utterance as Transcribe would stream it: some partial versions, then (usually) its final one. */
const utteranceArb = fc.record({
  channel: fc.constantFrom('ch_0', 'ch_1'),
  start: fc.integer({ min: 0, max: 600_000 }),
  length: fc.integer({ min: 0, max: 20_000 }),
  partials: fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 3 }),
  final: fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: undefined }),
});

/** Utterances with distinct result ids, and every event they produce: one result per event, as Transcribe sends them. */
const streamArb = fc.uniqueArray(fc.tuple(fc.uuid(), utteranceArb), { selector: ([id]) => id, maxLength: 8 }).map((utterances) =>
  utterances.flatMap(([id, u]) =>
    [...u.partials.map((text) => ({ text, partial: true })), ...(u.final === undefined ? [] : [{ text: u.final, partial: false }])].map(({ text, partial }) =>
      TranscriptEventSchema.parse({ Transcript: { Results: [{ ResultId: id, StartTime: u.start / 1000, EndTime: (u.start + u.length) / 1000, IsPartial: partial, ChannelId: u.channel, Alternatives: [{ Transcript: `x${text}` }] }] } }),
    ),
  ),
);

const finals = (segments: TranscriptSegment[]) => segments.filter((s) => !s.partial);
const mergeAll = (events: ReturnType<typeof TranscriptEventSchema.parse>[]) => events.reduce<TranscriptSegment[]>((merged, event) => mergeSegments(merged, segmentsOf(event, { channels: AGENT_CUSTOMER_CHANNELS })), []);

describe('mergeSegments over streamed events (property)', () => {
  it('ends with the same finals whatever the order and however often events repeat', () => {
    fc.assert(
      fc.property(streamArb.chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray([...events, ...events], { minLength: events.length * 2 }), fc.array(fc.nat({ max: Math.max(0, events.length - 1) }), { maxLength: 5 }))), ([events, shuffled, repeats]) => {
        // Arrange: in order, then shuffled with every event twice and a few more repeats
        const disordered = [...shuffled, ...repeats.flatMap((i) => (events[i] ? [events[i]] : []))];

        // Act
        const inOrder = mergeAll(events);
        const reordered = mergeAll(disordered);

        // Assert: every utterance is there once; finals agree and none was lost to a partial
        expect(reordered.map((s) => s.segmentId).sort()).toEqual(inOrder.map((s) => s.segmentId).sort());
        expect(finals(reordered)).toEqual(finals(inOrder));
        const finalIds = new Set(events.flatMap((e) => e.Transcript.Results.filter((r) => !r.IsPartial).map((r) => r.ResultId)));
        expect(finals(reordered).map((s) => s.segmentId).sort()).toEqual([...finalIds].sort());
      }),
    );
  });

  it('is idempotent: merging the same segments again changes nothing', () => {
    fc.assert(
      fc.property(streamArb, (events) => {
        const once = mergeAll(events);

        expect(mergeSegments(once, once)).toEqual(once);
        expect(mergeSegments(once, finals(once))).toEqual(once);
      }),
    );
  });

  it('settles two different finals of one result the same way in either order', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        const one: TranscriptSegment = { segmentId: 'r', speaker: 'agent', text: a, startMs: 0, endMs: 1, partial: false };
        const other = { ...one, text: b };

        expect(mergeSegments([one], [other])).toEqual(mergeSegments([other], [one]));
      }),
    );
  });
});
