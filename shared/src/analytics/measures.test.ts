import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exclaimedSentences } from './measures.ts';

/** The plain definition: every run of non-terminators ending in «!», trimmed, with something before the «!». */
function byRegex(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/[^.!?…\n]*!+/g)) {
    const trimmed = match[0].trim();
    if (trimmed.replace(/!+$/, '').trim().length === 0) continue;
    const start = match.index + match[0].indexOf(trimmed);
    spans.push({ start, end: start + trimmed.length });
  }
  return spans;
}

describe('exclaimedSentences', () => {
  it('finds each sentence that ends in «!» without the sentence before it', () => {
    const text = 'Добрый день. Это безобразие!!! Верните деньги! ! Ладно?';
    expect(exclaimedSentences(text).map(({ start, end }) => text.slice(start, end))).toEqual(['Это безобразие!!!', 'Верните деньги!']);
  });

  it('agrees with the plain regex definition on any text', () => {
    fc.assert(fc.property(fc.stringMatching(/^[ab .!?…\n]{0,40}$/), (text) => {
      expect(exclaimedSentences(text)).toEqual(byRegex(text));
    }), { numRuns: 2000 });
  });
});
