import { describe, expect, it } from 'vitest';
import { analyseConversation, DEFAULT_THRESHOLDS } from './analyse.ts';
import { phrasesOf, searchEntryOf } from './entry.ts';
import { BUILT_IN_RULES } from './lexicon.ts';
import { RuleIndex } from './rules.ts';
import type { StoredConversationAnalysis } from './values.ts';

const index = new RuleIndex(BUILT_IN_RULES);

function stored(texts: Array<['agent' | 'customer', string]>): StoredConversationAnalysis {
  const segments = texts.map(([speaker, text], i) => ({ speaker, text, startMs: i * 10_000, endMs: i * 10_000 + 1000 }));
  const result = analyseConversation({ segments, medium: 'chat', language: 'ru' }, index, DEFAULT_THRESHOLDS);
  return { ...result, contactId: 'c-1', medium: 'chat', analysedAt: '2026-12-03T10:00:00.000Z', segmentCount: segments.length, rulesVersion: 0, findingCount: result.findings.length, tenantId: 't', queueId: 'q', channel: 'telegram', agentId: 'u-1', closedAt: '2026-12-03T10:00:00.000Z' };
}

describe('the analysis search row', () => {
  it('counts the problem words the rules matched, most frequent first, and leaves out greetings and farewells', () => {
    // Arrange
    const analysis = stored([
      ['agent', 'Здравствуйте, чем могу помочь?'],
      ['customer', 'Позовите руководителя! Мне нужен руководитель, это безобразие.'],
      ['agent', 'Ну, типа, подождите.'],
      ['customer', 'Позовите руководителя, безобразие.'],
      ['agent', 'До свидания.'],
    ]);

    // Act
    const phrases = phrasesOf(analysis);
    const entry = searchEntryOf(analysis);

    // Assert
    expect(phrases.length).toBeGreaterThan(0);
    expect(phrases.every((phrase) => phrase.category !== 'greeting' && phrase.category !== 'farewell')).toBe(true);
    expect(phrases.map((p) => p.count)).toEqual([...phrases.map((p) => p.count)].sort((a, b) => b - a));
    expect(phrases.find((p) => p.text.includes('безобраз'))?.count).toBe(2);
    expect(entry.categories).toContain('escalation_request');
    expect(entry.phrases).toEqual(phrases);
    expect(entry.agentId).toBe('u-1');
  });

  it('is empty for a conversation with no problem words', () => {
    expect(phrasesOf(stored([['agent', 'Здравствуйте!'], ['customer', 'Спасибо, всё понятно.']]))).toEqual([]);
  });
});
