import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AnalysisFinding } from '@cc/shared/analytics/values';
import { findingsBySegment, piecesOf } from './highlight.ts';

const finding = (start: number, end: number, text: string, category: AnalysisFinding['category'] = 'negativity'): AnalysisFinding => ({ category, speaker: 'customer', segmentIndex: 0, span: { start, end, text }, ruleId: `ru.${category}.1` });

describe('piecesOf', () => {
  it('marks the matched words and leaves the rest plain', () => {
    // Arrange
    const text = 'Позовите руководителя, пожалуйста';
    const match = finding(0, 21, 'Позовите руководителя', 'escalation_request');
    // Act
    const pieces = piecesOf(text, [match]);
    // Assert
    expect(pieces).toEqual([{ text: 'Позовите руководителя', findings: [match] }, { text: ', пожалуйста', findings: [] }]);
  });

  it('keeps both findings visible where two matches overlap, the narrower first', () => {
    // Arrange
    const outer = finding(0, 12, 'ну это ужас', 'negativity');
    const inner = finding(0, 2, 'ну', 'filler_words');
    // Act
    const pieces = piecesOf('ну это ужас!', [outer, inner]);
    // Assert
    expect(pieces.map((p) => [p.text, p.findings.map((f) => f.category)])).toEqual([['ну', ['filler_words', 'negativity']], [' это ужас!', ['negativity']]]);
  });

  it('ignores measured findings without words and spans outside the text', () => {
    const silence: AnalysisFinding = { category: 'silence', speaker: 'agent', segmentIndex: 0, ruleId: 'measure.silence', amountMs: 9000 };
    expect(piecesOf('Алло', [silence, finding(10, 20, 'nothing')])).toEqual([{ text: 'Алло', findings: [] }]);
  });

  it('always joins back into the text, whatever the spans', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), fc.array(fc.tuple(fc.integer({ min: -5, max: 70 }), fc.integer({ min: -5, max: 70 })), { maxLength: 6 }), (text, spans) => {
      const pieces = piecesOf(text, spans.map(([a, b]) => finding(a, b, '')));
      expect(pieces.map((p) => p.text).join('')).toBe(text);
      expect(pieces.every((p) => p.text.length > 0)).toBe(true);
    }));
  });
});

describe('findingsBySegment', () => {
  it('groups findings by the segment they point into, dropping ones past the end', () => {
    // Arrange
    const segments = [{ speaker: 'customer' as const, text: 'a', startMs: 0, endMs: 0 }, { speaker: 'agent' as const, text: 'b', startMs: 0, endMs: 0 }];
    const second = { ...finding(0, 1, 'b'), segmentIndex: 1 };
    // Act
    const grouped = findingsBySegment(segments, [second, { ...second, segmentIndex: 7 }]);
    // Assert
    expect(grouped).toEqual([[], [second]]);
  });
});
