/**
 * Yandex Alice intent matching grows linearly with the utterance (issue 8, item 1): the work per character at the
 * longest allowed utterance (1024 characters) against the work per character at a quarter of it, on inputs that
 * made the old regular expressions backtrack. Linear ≈ 1; the quadratic patterns this replaced gave ≈ 4.
 */
import { performance } from 'node:perf_hooks';
import { ALICE_UTTERANCE_MAX_CHARS } from '@cc/shared/messaging/yandex/schema';
import type { AliceUtterance } from '@cc/shared/messaging/yandex/normalize';
import { classifyAliceTurn } from '@cc/shared/self-service/alice-skill';
import { type BenchResult, percentile } from './types.ts';

const WORST_CASES: Record<string, string> = {
  'one word of repeated keywords': 'час',
  'keywords that never complete a phrase': 'час ',
  'digits that never make a phone': '1-',
};

const turn = (text: string): AliceUtterance => ({
  type: 'SimpleUtterance', command: text, originalUtterance: text, sessionId: 's', messageId: 1, skillId: 'k', isNewSession: false, applicationId: 'a', entities: [], dangerousContext: false,
});

/** Microseconds per character of classifying `text`, median of `rounds` rounds of `perRound` calls. */
function microsPerChar(text: string, rounds = 15, perRound = 200): number {
  const utterance = turn(text);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    for (let i = 0; i < perRound; i++) classifyAliceTurn(utterance);
    samples.push(((performance.now() - started) * 1000) / perRound / text.length);
  }
  return percentile(samples, 50);
}

export default async function aliceMatching(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const [name, unit] of Object.entries(WORST_CASES)) {
    const longest = unit.repeat(Math.ceil(ALICE_UTTERANCE_MAX_CHARS / unit.length)).slice(0, ALICE_UTTERANCE_MAX_CHARS);
    const quarter = longest.slice(0, ALICE_UTTERANCE_MAX_CHARS / 4);
    microsPerChar(longest, 3); // warm up the JIT on the same shapes
    const floor = microsPerChar(quarter);
    const value = microsPerChar(longest);
    results.push({
      name: `alice.matching.${name.replaceAll(' ', '-')}.usPerChar`,
      value: Number(value.toFixed(4)),
      unit: 'µs/char',
      baseline: Number(floor.toFixed(4)),
      ratio: Number((value / floor).toFixed(2)),
      notes: `classifyAliceTurn on ${ALICE_UTTERANCE_MAX_CHARS} characters of «${unit}» per character, against 256 characters of the same. Goal: ratio ≤ 1.5 (linear); quadratic matching gives about 4.`,
    });
  }
  return results;
}
