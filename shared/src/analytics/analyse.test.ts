import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseConversation, DEFAULT_THRESHOLDS, loyalty } from './analyse.ts';
import { LABELLED_SET } from './fixtures/labelled.ts';
import { BUILT_IN_RULES } from './lexicon.ts';
import { RuleIndex, phraseProblem } from './rules.ts';
import type { ConversationSegment } from './values.ts';

const index = new RuleIndex(BUILT_IN_RULES);
const chat = (...segments: [ConversationSegment['speaker'], string][]) => segments.map(([speaker, text], i) => ({ speaker, text, startMs: i * 1000, endMs: i * 1000 + 500 }));

describe('analyseConversation: the labelled set', () => {
  it.each(LABELLED_SET.map((c) => [c.id, c] as const))('%s', (_id, conversation) => {
    const result = analyseConversation({ segments: conversation.segments, medium: conversation.medium }, index);
    for (const [category, speaker] of Object.entries(conversation.found)) {
      expect(result.findings.filter((f) => f.category === category && f.speaker === speaker).map((f) => f.span?.text ?? f.ruleId), `${category} by ${speaker}`).not.toEqual([]);
    }
    for (const category of conversation.absent) {
      expect(result.findings.filter((f) => f.category === category).map((f) => f.span?.text ?? f.ruleId), `no ${category}`).toEqual([]);
    }
  });
});

describe('analyseConversation: scores and the problem flag', () => {
  it('flags a conversation with its reasons and explains every finding with the words and the rule', () => {
    const result = analyseConversation({ medium: 'chat', segments: chat(['customer', 'Кто у вас главный? Хочу написать претензию'], ['agent', 'Минуту']) }, index);
    expect(result.flagged).toBe(true);
    expect(result.reasons).toEqual([{ category: 'escalation_request', speaker: 'customer', value: 2, threshold: 1 }]);
    expect(result.findings.filter((f) => f.category === 'escalation_request')).toEqual([
      { category: 'escalation_request', speaker: 'customer', segmentIndex: 0, span: { start: 0, end: 17, text: 'Кто у вас главный' }, ruleId: 'ru.escalation_request.manager.1' },
      { category: 'escalation_request', speaker: 'customer', segmentIndex: 0, span: { start: 24, end: 42, text: 'написать претензию' }, ruleId: 'ru.escalation_request.claim.4' },
    ]);
    expect(result.language).toBe('ru');
    expect(result.languageDetected).toBe(true);
  });

  it('passes a polite conversation and keeps the language it was given', () => {
    const result = analyseConversation({ medium: 'chat', language: 'en', segments: chat(['agent', 'Hello, how can I help?'], ['customer', 'Where is order 12?'], ['agent', 'It ships today. Have a nice day']) }, index);
    expect(result).toMatchObject({ flagged: false, reasons: [], language: 'en', languageDetected: false });
    expect(result.scores.greeting).toMatchObject({ value: 1, flagged: false });
    expect(result.scores.interruptions.notApplicable).toBe(true);
  });

  it('names each side that swears as its own reason', () => {
    const result = analyseConversation({ medium: 'chat', segments: chat(['customer', 'Где, бля, заказ?'], ['agent', 'Да хуй его знает']) }, index);
    expect(result.reasons.filter((r) => r.category === 'profanity')).toEqual([
      { category: 'profanity', speaker: 'agent', value: 1, threshold: 1 },
      { category: 'profanity', speaker: 'customer', value: 1, threshold: 1 },
    ]);
  });

  it('counts one exclamation per shouted sentence, however many rules see it', () => {
    const result = analyseConversation({ medium: 'chat', segments: chat(['customer', 'Это УЖАС ПОЛНЫЙ! Безобразие!']) }, index);
    expect(result.findings.filter((f) => f.category === 'exclamations').map((f) => f.span!.text)).toEqual(['Это УЖАС ПОЛНЫЙ!', 'Безобразие!']);
  });

  it('rates filler words per minute of the agent speaking on a call', () => {
    const segments: ConversationSegment[] = [
      { speaker: 'agent', text: 'Ну, короче, как бы вот так', startMs: 0, endMs: 30_000 },
      { speaker: 'customer', text: 'Понятно', startMs: 30_000, endMs: 32_000 },
    ];
    // Three fillers in half a minute of the agent's speech: six a minute, above the four allowed.
    expect(analyseConversation({ medium: 'call', segments }, index).scores.filler_words).toMatchObject({ value: 6, unit: 'per_minute', threshold: 4, flagged: true });
  });

  it('measures talk share by speaking time on a call and flags an agent who holds the line', () => {
    const segments: ConversationSegment[] = [
      { speaker: 'agent', text: 'Длинное объяснение тарифов', startMs: 0, endMs: 80_000 },
      { speaker: 'customer', text: 'Ясно', startMs: 80_000, endMs: 90_000 },
    ];
    const { talk_share } = analyseConversation({ medium: 'call', segments }, index).scores;
    expect(talk_share).toMatchObject({ value: 88.9, bySpeaker: { agent: 88.9, customer: 11.1 }, flagged: true });
  });
});

describe('loyalty: the documented composite', () => {
  it('adds each input’s share of its weight and shows them', () => {
    const score = loyalty({ customer_interruptions: 2, remarks_to_agent: 2, exclamations: 1, negativity: 0, customer_talk_share: 75 }, 50);
    // 25·2/4 + 25·2/2 + 20·1/4 + 0 + 15·(75−60)/30 = 12.5 + 25 + 5 + 0 + 7.5 = 50
    expect(score).toMatchObject({ value: 50, flagged: true });
    expect(score.inputs!.remarks_to_agent).toEqual({ value: 2, weight: 25, points: 25 });
  });

  it('takes a chat’s score over the weights that apply to it', () => {
    // Without interruptions the weights are 75: 25 (remarks in full) of 75 is a third.
    expect(loyalty({ customer_interruptions: undefined, remarks_to_agent: 5, exclamations: 0, negativity: 0, customer_talk_share: 50 }, 50).value).toBe(33.3);
  });
});

describe('rules', () => {
  it('refuses phrases that cannot be matched, with the reason', () => {
    expect(phraseProblem('кто главный')).toBeUndefined();
    expect(phraseProblem('пр*')).toMatch(/at least 3 letters/);
    expect(phraseProblem('a b c d e f g')).toMatch(/at most 6 words/);
    expect(phraseProblem('(drop)')).toMatch(/is not a word/);
    expect(phraseProblem('  ')).toMatch(/no words/);
  });

  it('adds a tenant’s rule to the built-in ones, for the side it names', () => {
    const own = new RuleIndex([...BUILT_IN_RULES, { ruleId: 'tenant.competitor', category: 'negativity', phrase: 'уйду конкурент*', speaker: 'customer' }]);
    const result = analyseConversation({ medium: 'chat', segments: chat(['customer', 'Уйду к конкурентам'], ['agent', 'Уйду к конкурентам']) }, own);
    expect(result.findings.filter((f) => f.ruleId === 'tenant.competitor').map((f) => f.speaker)).toEqual(['customer']);
  });
});

describe('analyseConversation: any text', () => {
  it('never throws, and every span is the text it points at', () => {
    const segment = fc.record({ speaker: fc.constantFrom('agent' as const, 'customer' as const), text: fc.string({ maxLength: 80, unit: fc.constantFrom(...'ну бля хуй пизд Кто главный! ABC *#@ претензию нет f**k '.split('')) }), startMs: fc.nat(100_000), endMs: fc.nat(200_000) });
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), fc.constantFrom('call' as const, 'chat' as const), (segments, medium) => {
        const result = analyseConversation({ segments, medium }, index, DEFAULT_THRESHOLDS);
        for (const finding of result.findings) {
          if (finding.span) expect(segments[finding.segmentIndex]!.text.slice(finding.span.start, finding.span.end)).toBe(finding.span.text);
        }
        expect(result.flagged).toBe(result.reasons.length > 0);
        expect(result.scores.low_loyalty.value).toBeGreaterThanOrEqual(0);
        expect(result.scores.low_loyalty.value).toBeLessThanOrEqual(100);
      }),
      { numRuns: 200 },
    );
  });
});
