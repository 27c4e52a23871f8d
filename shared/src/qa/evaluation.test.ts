import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../errors.ts';
import { evaluationFrom, formFrom, replacedForm, withComment } from './evaluation.ts';
import { prefillAnswers } from './prefill.ts';
import { QaEvaluationBodySchema, QaFormBodySchema } from './schema.ts';
import { makeAnalysis } from './testing.ts';

const AT = new Date('2026-12-03T15:00:00.000Z');
const body = {
  name: 'Чат поддержки',
  queueIds: ['support'],
  parameters: [
    { parameterId: 'greeting', name: 'Приветствие', nameEn: 'Greeting', kind: 'yes_no', weight: 20, link: { category: 'greeting', speaker: 'agent' } },
    { parameterId: 'solution', name: 'Решение', kind: 'scale_1_5', weight: 60 },
    { parameterId: 'clean', name: 'Без ненормативной лексики', kind: 'yes_no_partial', weight: 20, link: { category: 'profanity', speaker: 'agent' } },
  ],
};
const form = formFrom(QaFormBodySchema.parse(body), 'tenant-a', 'qf-1', AT);

describe('a form body', () => {
  it('takes 1–12 weighted parameters with unique ids and refuses more with a reason', () => {
    const thirteen = Array.from({ length: 13 }, (_, i) => ({ parameterId: `p${i}`, name: `П${i}`, kind: 'yes_no', weight: 5 }));
    const result = QaFormBodySchema.safeParse({ ...body, parameters: thirteen });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['parameters'], message: 'A form has at most 12 parameters' });
    const twice = QaFormBodySchema.safeParse({ ...body, parameters: [body.parameters[0], body.parameters[0]] });
    expect(twice.error?.issues[0]?.message).toMatch(/used twice/);
    expect(QaFormBodySchema.safeParse({ ...body, parameters: [{ ...body.parameters[1], weight: 0 }] }).success).toBe(false);
    expect(QaFormBodySchema.safeParse({ ...body, parameters: [{ ...body.parameters[0], link: { category: 'script_stage' } }] }).success).toBe(false);
  });

  it('makes a form at version 1, and a replacement one version on', () => {
    expect(form).toMatchObject({ formId: 'qf-1', version: 1, createdAt: AT.toISOString() });
    expect(form.parameters[0]).toEqual(body.parameters[0]);
    const later = new Date('2026-12-04T00:00:00.000Z');
    expect(replacedForm(form, QaFormBodySchema.parse({ ...body, name: 'Новое' }), later)).toMatchObject({ name: 'Новое', version: 2, createdAt: AT.toISOString(), updatedAt: later.toISOString() });
  });
});

describe('an evaluation', () => {
  const analysis = makeAnalysis({ contactId: 'c-1', findings: [{ category: 'greeting', speaker: 'agent', segmentIndex: 0, span: { start: 0, end: 12, text: 'Здравствуйте' }, ruleId: 'ru.greeting.hello' }], scores: { greeting: { value: 1 } } });
  const make = (answers: unknown[]) => evaluationFrom({
    body: QaEvaluationBodySchema.parse({ contactId: 'c-1', formId: 'qf-1', answers, comment: 'Хорошо' }),
    form, contact: { contactId: 'c-1', agentId: 'anna', queueId: 'support', channel: 'telegram' },
    prefill: prefillAnswers(form.parameters, analysis), evaluator: { userId: 'oleg', name: 'Олег' }, at: AT,
  });

  it('stores the answers with the pre-answers kept beside them and the score computed', () => {
    // Act: the greeting pre-answer kept, the profanity one (yes) changed to partial.
    const evaluation = make([{ parameterId: 'greeting', answer: 'yes' }, { parameterId: 'solution', answer: 4, note: 'Решил со второго раза' }, { parameterId: 'clean', answer: 'partial' }]);
    // Assert: (20·1 + 60·0.75 + 20·0.5) / 100 × 100 = 75
    expect(evaluation).toMatchObject({ evaluationId: 'qf-1:c-1', agentId: 'anna', evaluatorId: 'oleg', evaluatedAt: AT.toISOString(), formVersion: 1, total: 75, comment: 'Хорошо', comments: [], version: 1 });
    expect(evaluation.answers[0]).toMatchObject({ answer: 'yes', prefilled: 'yes', evidence: [{ span: { text: 'Здравствуйте' } }] });
    expect(evaluation.answers[1]).toEqual({ parameterId: 'solution', answer: 4, note: 'Решил со второго раза' });
    expect(evaluation.answers[2]).toMatchObject({ answer: 'partial', prefilled: 'yes' });
  });

  it('refuses a missing, unknown or out-of-kind answer, naming it', () => {
    expect(() => make([{ parameterId: 'greeting', answer: 'yes' }])).toThrow(/Answer every parameter.*Решение/);
    expect(() => make([{ parameterId: 'greeting', answer: 'partial' }, { parameterId: 'solution', answer: 4 }, { parameterId: 'clean', answer: 'yes' }])).toThrow(InvalidRequestError);
    expect(() => make([{ parameterId: 'greeting', answer: 'yes' }, { parameterId: 'solution', answer: 'yes' }, { parameterId: 'clean', answer: 'yes' }])).toThrow(/answered 1, 2, 3, 4, 5/);
    expect(() => make([{ parameterId: 'nope', answer: 'yes' }])).toThrow(/not on the form/);
  });

  it('takes comments up to its bound', () => {
    const evaluation = make([{ parameterId: 'greeting', answer: 'yes' }, { parameterId: 'solution', answer: 'not_applicable' }, { parameterId: 'clean', answer: 'yes' }]);
    const comment = { commentId: 'k1', authorId: 'anna', authorName: 'Анна', authorRole: 'agent' as const, text: 'Не согласна', at: AT.toISOString() };
    expect(withComment(evaluation, comment, 2)).toMatchObject({ version: 2, comments: [comment] });
    expect(() => withComment(withComment(evaluation, comment, 1), comment, 1)).toThrow(/at most 1 comments/);
  });
});
