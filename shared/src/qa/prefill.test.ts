import { describe, expect, it } from 'vitest';
import { prefillAnswer, prefillAnswers } from './prefill.ts';
import { makeAnalysis } from './testing.ts';
import type { QaParameter } from './values.ts';

const param = (parameterId: string, link: QaParameter['link'], kind: QaParameter['kind'] = 'yes_no'): QaParameter => ({ parameterId, name: parameterId, kind, weight: 10, ...(link && { link }) });

const swore = makeAnalysis({
  contactId: 'c-1',
  findings: [
    { category: 'profanity', speaker: 'customer', segmentIndex: 2, span: { start: 0, end: 5, text: 'блин!' }, ruleId: 'ru.profanity.root' },
    { category: 'filler_words', speaker: 'agent', segmentIndex: 3, span: { start: 4, end: 11, text: 'как бы' }, ruleId: 'ru.filler.kak_by' },
    { category: 'greeting', speaker: 'agent', segmentIndex: 0, span: { start: 0, end: 12, text: 'Здравствуйте' }, ruleId: 'ru.greeting.hello' },
  ],
  scores: {
    profanity: { value: 1, bySpeaker: { agent: 0, customer: 1 }, flagged: true },
    filler_words: { value: 1, unit: 'per_100_words', bySpeaker: { agent: 1, customer: 0 }, threshold: 3, flagged: false },
    greeting: { value: 1, bySpeaker: { agent: 1, customer: 0 } },
    silence: { value: 0, unit: 'seconds', flagged: false, notApplicable: true },
  },
  reasons: [{ category: 'profanity', speaker: 'customer', value: 1 }],
});

describe('prefill from an avoided category', () => {
  it('answers no when the category is flagged for the linked side, with the findings as evidence', () => {
    // Act
    const anySide = prefillAnswer(param('clean', { category: 'profanity' }), swore);
    const customer = prefillAnswer(param('clean', { category: 'profanity', speaker: 'customer' }, 'scale_1_5'), swore);
    // Assert
    expect(anySide).toMatchObject({ answer: 'no', prefilled: true });
    expect(anySide.evidence).toEqual([{ category: 'profanity', speaker: 'customer', segmentIndex: 2, span: { start: 0, end: 5, text: 'блин!' }, ruleId: 'ru.profanity.root' }]);
    expect(customer).toMatchObject({ answer: 1, prefilled: true });
  });

  it('answers yes (5) when the linked side is clean, even if the other side was flagged', () => {
    const agent = prefillAnswer(param('clean', { category: 'profanity', speaker: 'agent' }), swore);
    const scale = prefillAnswer(param('clean', { category: 'profanity', speaker: 'agent' }, 'scale_1_5'), swore);
    expect(agent).toEqual({ parameterId: 'clean', answer: 'yes', prefilled: true, evidence: [] });
    expect(scale.answer).toBe(5);
  });

  it('answers yes below the threshold and still shows the words found', () => {
    const filler = prefillAnswer(param('filler', { category: 'filler_words', speaker: 'agent' }, 'yes_no_partial'), swore);
    expect(filler.answer).toBe('yes');
    expect(filler.evidence.map((e) => e.span?.text)).toEqual(['как бы']);
  });
});

describe('prefill from an expected category', () => {
  it('answers yes when found for the side, no when not', () => {
    const greeted = prefillAnswer(param('greeting', { category: 'greeting', speaker: 'agent' }), swore);
    const farewell = prefillAnswer(param('farewell', { category: 'farewell', speaker: 'agent' }, 'scale_1_5'), swore);
    const customerGreeted = prefillAnswer(param('greeting', { category: 'greeting', speaker: 'customer' }), swore);
    expect(greeted).toMatchObject({ answer: 'yes', prefilled: true });
    expect(greeted.evidence[0]?.span?.text).toBe('Здравствуйте');
    expect(farewell).toMatchObject({ answer: 1, prefilled: true, evidence: [] });
    expect(customerGreeted.answer).toBe('no');
  });

  it('counts a greeting whose findings were cut off by the stored bound', () => {
    const bounded = makeAnalysis({ contactId: 'c-2', scores: { farewell: { value: 2, bySpeaker: { agent: 2, customer: 0 } } } });
    expect(prefillAnswer(param('farewell', { category: 'farewell', speaker: 'agent' }), bounded).answer).toBe('yes');
  });
});

describe('prefill leaves a parameter unanswered', () => {
  it('without a link, without an analysis, or when the category does not apply to the conversation', () => {
    const answers = prefillAnswers([param('solution', undefined), param('silence', { category: 'silence' })], swore);
    expect(answers).toEqual([
      { parameterId: 'solution', prefilled: false, evidence: [] },
      { parameterId: 'silence', prefilled: false, evidence: [] },
    ]);
    expect(prefillAnswer(param('greeting', { category: 'greeting' }), undefined)).toEqual({ parameterId: 'greeting', prefilled: false, evidence: [] });
  });
});

describe('prefill from the call script', () => {
  const followed: QaParameter = { parameterId: 'script', name: 'Следовал скрипту', kind: 'yes_no_partial', weight: 10, script: true };
  const run = (result: 'active' | 'completed' | 'dropped') => ({ scriptName: 'Возврат заказа', version: 1, result, stages: ['Приветствие', 'Номер заказа'] });

  it('answers yes for a run to an outcome, partly for a dropped one, no when the script was not started', () => {
    expect(prefillAnswers([followed], undefined, run('completed'))[0]).toMatchObject({ answer: 'yes', prefilled: true, scriptRun: { result: 'completed' } });
    expect(prefillAnswers([followed], undefined, run('dropped'))[0]).toMatchObject({ answer: 'partial', prefilled: true });
    expect(prefillAnswers([{ ...followed, kind: 'yes_no' }], undefined, run('dropped'))[0]!.answer).toBe('no');
    expect(prefillAnswers([{ ...followed, kind: 'scale_1_5' }], undefined, run('dropped'))[0]!.answer).toBe(3);
    expect(prefillAnswers([followed], undefined, 'none')[0]).toMatchObject({ answer: 'no', prefilled: true });
  });

  it('leaves it unanswered with no script for the contact or a run still going, and never reads the analysis for it', () => {
    expect(prefillAnswers([followed], makeAnalysis({ contactId: 'c-9' }), undefined)[0]).toEqual({ parameterId: 'script', prefilled: false, evidence: [] });
    expect(prefillAnswers([followed], undefined, run('active'))[0]!.prefilled).toBe(false);
  });
});
