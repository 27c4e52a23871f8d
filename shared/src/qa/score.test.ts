import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerScore, totalScore } from './score.ts';
import { QA_KIND_ANSWERS, QA_PARAMETER_KINDS, type QaAnswerValue, type QaParameter } from './values.ts';

const param = (parameterId: string, kind: QaParameter['kind'], weight: number): QaParameter => ({ parameterId, name: parameterId, kind, weight });

describe('an answer’s score', () => {
  it('is yes 1, partial ½, no 0, a mark n (n − 1) / 4, and none for not applicable', () => {
    // Act / Assert
    expect([answerScore('yes'), answerScore('partial'), answerScore('no')]).toEqual([1, 0.5, 0]);
    expect([1, 2, 3, 4, 5].map((n) => answerScore(n as QaAnswerValue))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(answerScore('not_applicable')).toBeUndefined();
  });
});

describe('an evaluation’s total', () => {
  it('is the weighted mean of the answered parameters × 100 (hand-worked)', () => {
    // Arrange: greeting 10 yes, politeness 30 mark 4, filler words 20 partial, profanity 40 not applicable.
    const form = [param('greeting', 'yes_no', 10), param('politeness', 'scale_1_5', 30), param('filler', 'yes_no_partial', 20), param('profanity', 'yes_no', 40)];
    // Act
    const total = totalScore(form, { greeting: 'yes', politeness: 4, filler: 'partial', profanity: 'not_applicable' });
    // Assert: (10·1 + 30·0.75 + 20·0.5) / 60 × 100 = 42.5 / 60 × 100 = 70.83… → 70.8
    expect(total).toBe(70.8);
  });

  it('leaves out unanswered and not-applicable parameters, and is null when nothing is answered', () => {
    const form = [param('a', 'yes_no', 50), param('b', 'yes_no', 50)];
    expect(totalScore(form, { a: 'no' })).toBe(0);
    expect(totalScore(form, new Map([['a', 'yes'], ['b', 'not_applicable']]))).toBe(100);
    expect(totalScore(form, { a: 'not_applicable' })).toBeNull();
    expect(totalScore(form, { unknown: 'yes' })).toBeNull();
  });

  it('stays within 0–100, is 100 when every answer is best, 0 when every one is worst, and moves with a heavier weight', () => {
    const parameter = fc.record({ kind: fc.constantFrom(...QA_PARAMETER_KINDS), weight: fc.integer({ min: 1, max: 100 }) });
    const forms = fc.array(parameter, { minLength: 1, maxLength: 12 }).chain((ps) =>
      fc.tuple(fc.constant(ps.map((p, i) => param(`p${i}`, p.kind, p.weight))), fc.tuple(...ps.map((p) => fc.constantFrom<QaAnswerValue>(...QA_KIND_ANSWERS[p.kind], 'not_applicable')))));
    fc.assert(fc.property(forms, ([form, answers]) => {
      const given = Object.fromEntries(form.map((p, i) => [p.parameterId, answers[i]]));
      const total = totalScore(form, given);
      const answered = answers.filter((a) => a !== 'not_applicable');
      if (answered.length === 0) {
        expect(total).toBeNull();
        return;
      }
      expect(total).toBeGreaterThanOrEqual(0);
      expect(total).toBeLessThanOrEqual(100);
      if (answered.every((a) => answerScore(a) === 1)) expect(total).toBe(100);
      if (answered.every((a) => answerScore(a) === 0)) expect(total).toBe(0);
      // Doubling every weight changes nothing: only the shares count.
      expect(totalScore(form.map((p) => ({ ...p, weight: p.weight * 2 })), given)).toBe(total);
    }));
  });

  it('rises when the heavier parameter is the one answered well', () => {
    const form = [param('a', 'yes_no', 80), param('b', 'yes_no', 20)];
    expect(totalScore(form, { a: 'yes', b: 'no' })).toBe(80);
    expect(totalScore(form, { a: 'no', b: 'yes' })).toBe(20);
  });
});
