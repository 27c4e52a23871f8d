import { describe, expect, it } from 'vitest';
import { AGENT_CUSTOMER_CHANNELS, mergeSegments, segmentsOf, TranscriptEventBodySchema, type TranscriptSegment } from '@cc/shared/voice/transcript';
import { CallScriptSchema, scriptEvents } from './scripted-caller.ts';

describe('scriptEvents', () => {
  it('gives each line a partial, then a final of Transcribe’s shape on the speaker’s channel, in script order', () => {
    // Arrange
    const lines = CallScriptSchema.parse([{ speaker: 'customer', text: 'Не могу оплатить заказ', afterMs: 1000 }, { speaker: 'agent', text: 'Сейчас проверю', afterMs: 500 }]);

    // Act
    const events = scriptEvents('tx-1', lines);
    const segments = events.map(({ event }) => segmentsOf(TranscriptEventBodySchema.parse(event), { channels: AGENT_CUSTOMER_CHANNELS })[0]!);

    // Assert
    expect(events.map((e) => e.event.TranscriptEvent.Transcript.Results[0]!.ChannelId)).toEqual(['ch_1', 'ch_1', 'ch_0', 'ch_0']);
    expect(segments.map((s) => [s.segmentId, s.partial, s.text])).toEqual([
      ['tx-1-1', true, 'Не могу'],
      ['tx-1-1', false, 'Не могу оплатить заказ'],
      ['tx-1-2', true, 'Сейчас'],
      ['tx-1-2', false, 'Сейчас проверю'],
    ]);
    expect(events.map((e) => e.atMs)).toEqual([...events.map((e) => e.atMs)].sort((a, b) => a - b));
    expect(segments[0]!.startMs).toBe(1000);
    expect(segments[2]!.startMs).toBeGreaterThan(segments[1]!.endMs);
    expect(mergeSegments([], segments).map((s: TranscriptSegment) => s.partial)).toEqual([false, false]);
  });

  it('puts a built-in script’s lines before explicit ones', () => {
    const lines = CallScriptSchema.parse({ name: 'delivery-question', lines: [{ speaker: 'customer', text: 'Спасибо' }] });

    expect(lines.at(-1)).toEqual({ speaker: 'customer', text: 'Спасибо', afterMs: 1000 });
    expect(lines[0]!.speaker).toBe('agent');
  });
});
