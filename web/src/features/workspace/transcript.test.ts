import { describe, expect, it } from 'vitest';
import type { TranscriptSegment } from '@cc/shared/voice/values';
import { applyTranscriptPush, formatOffset, withLoaded } from './transcript.ts';

const segment = (overrides: Partial<TranscriptSegment>): TranscriptSegment => ({ segmentId: 'r1', speaker: 'customer', text: 'Алло', startMs: 0, endMs: 900, partial: false, ...overrides });

describe('applyTranscriptPush', () => {
  it('replaces a partial line with its later version and adds new lines in time order', () => {
    // Arrange
    const current = [segment({ text: 'Не мог', partial: true, startMs: 2000 })];

    // Act
    const next = applyTranscriptPush(current, 'call-1', { contactId: 'call-1', segments: [segment({ text: 'Не могу оплатить', startMs: 2000 }), segment({ segmentId: 'r0', speaker: 'agent', text: 'Слушаю', startMs: 100 })] });

    // Assert
    expect(next.map((s) => [s.speaker, s.text, s.partial])).toEqual([['agent', 'Слушаю', false], ['customer', 'Не могу оплатить', false]]);
  });

  it('keeps a final line when a late partial of it is pushed, and ignores pushes for other contacts', () => {
    const current = [segment({ text: 'Готово.' })];

    expect(applyTranscriptPush(current, 'call-1', { contactId: 'call-1', segments: [segment({ text: 'Гот', partial: true })] })).toEqual(current);
    expect(applyTranscriptPush(current, 'call-1', { contactId: 'call-2', segments: [segment({ segmentId: 'x' })] })).toBe(current);
  });
});

describe('withLoaded', () => {
  it('keeps a final pushed while the load was in flight over the loaded partial', () => {
    const pushed = [segment({ text: 'Не могу оплатить заказ.' })];

    expect(withLoaded(pushed, [segment({ text: 'Не могу', partial: true })])).toEqual(pushed);
  });
});

describe('formatOffset', () => {
  it('shows offsets as a call clock', () => {
    expect([formatOffset(0, 'ru'), formatOffset(5_400, 'en'), formatOffset(761_000, 'ru'), formatOffset(3_723_000, 'en'), formatOffset(-5, 'en')]).toEqual(['0:00', '0:05', '12:41', '1:02:03', '0:00']);
  });
});
