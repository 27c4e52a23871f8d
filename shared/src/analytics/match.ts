/**
 * Lexical matching of one conversation: every segment's tokens against the rule index, the swear-word test on
 * every token, negation, guard words, who says it and where. Pure; findings come out in segment and text order.
 */
import { PROFANITY_RULE_IDS } from './profanity.ts';
import { wordMatches, type CompiledRule, type RuleIndex } from './rules.ts';
import { tokenize, type Token } from './text.ts';
import type { AnalysisFinding, ConversationSegment, ConversationSpeaker } from './values.ts';

/** Words that turn what follows around: «нет претензий», «никаких жалоб», «no complaints», «not unacceptable». */
const NEGATIONS_BEFORE = new Set(['не', 'нет', 'ни', 'никаких', 'никакой', 'никакого', 'никакие', 'без', 'no', 'not', 'never', 'without', "don't", 'dont', "didn't", "isn't", "wasn't", 'nothing', 'none']);
/** Words right after a match that say it is absent: «претензий нет». */
const NEGATIONS_AFTER = new Set(['нет', 'отсутствуют', 'отсутствует']);
/** How far in front of a match a negation still reaches, in words. */
const NEGATION_REACH = 2;
/** The speaker's segments that count as the opening and the closing. */
const PLACE_SEGMENTS = 2;

export interface SegmentTokens {
  tokens: Token[];
  /** Index of this segment among the speaker's own segments, and how many the speaker has. */
  ordinal: number;
  ofSpeaker: number;
}

/** Tokens per segment, and each segment's place among its speaker's segments (for opening / closing rules). */
export function tokenizeSegments(segments: readonly ConversationSegment[]): SegmentTokens[] {
  const counts: Record<ConversationSpeaker, number> = { agent: 0, customer: 0 };
  const ordinals = segments.map((segment) => counts[segment.speaker]++);
  return segments.map((segment, i) => ({ tokens: tokenize(segment.text), ordinal: ordinals[i]!, ofSpeaker: counts[segment.speaker] }));
}

function inPlace(rule: CompiledRule, at: SegmentTokens): boolean {
  if (rule.where === 'opening') return at.ordinal < PLACE_SEGMENTS;
  if (rule.where === 'closing') return at.ordinal >= at.ofSpeaker - PLACE_SEGMENTS;
  return true;
}

/** The index of the last token of `rule` matched from `start`, or -1: each next word within `maxGap` words. */
function matchFrom(rule: CompiledRule, tokens: readonly Token[], start: number): number {
  let at = start;
  for (let w = 1; w < rule.words.length; w++) {
    const test = rule.words[w]!;
    let found = -1;
    for (let j = at + 1; j <= Math.min(tokens.length - 1, at + 1 + rule.maxGap); j++) {
      if (wordMatches(test, tokens[j]!.stem, tokens[j]!.norm)) {
        found = j;
        break;
      }
    }
    if (found < 0) return -1;
    at = found;
  }
  return at;
}

/** Punctuation ends a clause: a negation does not reach past it («курьеру претензий нет, но кому написать претензию»). */
const CLAUSE_END = /[,.;:!?…—]/;

function negated(text: string, tokens: readonly Token[], first: number, last: number): boolean {
  for (let j = Math.max(0, first - NEGATION_REACH); j < first; j++) {
    if (NEGATIONS_BEFORE.has(tokens[j]!.norm) && !CLAUSE_END.test(text.slice(tokens[j]!.end, tokens[first]!.start))) return true;
  }
  const after = tokens[last + 1];
  return after !== undefined && NEGATIONS_AFTER.has(after.norm) && !CLAUSE_END.test(text.slice(tokens[last]!.end, after.start));
}

function guarded(rule: CompiledRule, tokens: readonly Token[], first: number, last: number): boolean {
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  return (before !== undefined && rule.notAfter.has(before.norm)) || (after !== undefined && rule.notBefore.has(after.norm));
}

/** Every lexical finding of the conversation (swear words included); `analyse.ts` keeps overlapping ones of a category once. */
export function matchConversation(segments: readonly ConversationSegment[], tokenized: readonly SegmentTokens[], index: RuleIndex): AnalysisFinding[] {
  const findings: AnalysisFinding[] = [];
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s]!;
    const at = tokenized[s]!;
    const { tokens } = at;
    const keep = (finding: AnalysisFinding) => findings.push(finding);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.swear) {
        const text = segment.text.slice(token.start, token.end);
        keep({ category: 'profanity', speaker: segment.speaker, segmentIndex: s, span: { start: token.start, end: token.end, text }, ruleId: token.masked ? PROFANITY_RULE_IDS.masked : PROFANITY_RULE_IDS.root });
      }
      for (const rule of index.startingAt(token.stem, token.norm)) {
        if (rule.speaker !== 'any' && rule.speaker !== segment.speaker) continue;
        if (!inPlace(rule, at)) continue;
        const last = matchFrom(rule, tokens, i);
        if (last < 0) continue;
        if (guarded(rule, tokens, i, last)) continue;
        if (rule.negatable && negated(segment.text, tokens, i, last)) continue;
        const start = token.start;
        const end = tokens[last]!.end;
        keep({ category: rule.rule.category, speaker: segment.speaker, segmentIndex: s, span: { start, end, text: segment.text.slice(start, end) }, ruleId: rule.rule.ruleId });
      }
    }
  }
  return findings;
}
