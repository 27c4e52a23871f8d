/**
 * The rule grammar of the lexical categories and its compiled form. A rule is a phrase of one or more words; each
 * word matches
 *   `претензия`   any inflection: the word's Snowball stem («претензию», «претензии»…),
 *   `претенз*`    any word starting so (at least three letters before the star),
 *   `"типа"`      exactly this form (filler words whose stem is a real word: «типа» is not «тип»);
 * with at most `maxGap` other words between two consecutive words. A rule names who must say it, optionally where
 * (the speaker's opening or closing segments), words right before or after that cancel it («какого типа», «как бы
 * вы»), and whether a negation in front («нет претензий», «претензий нет») cancels it.
 */
import { stemOf, normalise } from './text.ts';
import type { ConversationSpeaker, LexicalCategory } from './values.ts';

export type RuleSpeaker = ConversationSpeaker | 'any';
export type RulePlace = 'anywhere' | 'opening' | 'closing';

export interface AnalysisRule {
  ruleId: string;
  category: LexicalCategory;
  phrase: string;
  speaker?: RuleSpeaker;
  maxGap?: number;
  where?: RulePlace;
  negatable?: boolean;
  /** Words (normalised forms) that, right before the match, cancel it. */
  notAfterWords?: readonly string[];
  /** Words (normalised forms) that, right after the match, cancel it. */
  notBeforeWords?: readonly string[];
}

export const RULE_LIMITS = { phraseWords: 6, phraseLength: 120, maxGap: 3, guardWords: 10, prefixMinLetters: 3 } as const;

type WordTest = { kind: 'stem'; value: string } | { kind: 'exact'; value: string } | { kind: 'prefix'; value: string };

export interface CompiledRule {
  rule: AnalysisRule;
  speaker: RuleSpeaker;
  maxGap: number;
  where: RulePlace;
  negatable: boolean;
  words: WordTest[];
  notAfter: ReadonlySet<string>;
  notBefore: ReadonlySet<string>;
}

/** Who says what by default: the agent's words for fillers and greetings, the customer's for complaints. */
export const DEFAULT_SPEAKER: Readonly<Record<LexicalCategory, RuleSpeaker>> = {
  profanity: 'any',
  filler_words: 'agent',
  negativity: 'customer',
  escalation_request: 'customer',
  exclamations: 'customer',
  remarks_to_agent: 'customer',
  greeting: 'agent',
  farewell: 'agent',
};

/** Categories where «не», «нет», «без» in front turn the words around; a negated swear word is still a swear word. */
const NEGATABLE: ReadonlySet<LexicalCategory> = new Set(['negativity', 'escalation_request', 'remarks_to_agent']);

/** Why a phrase cannot be a rule, or `undefined` when it can (the API's 400 quotes it). */
export function phraseProblem(phrase: string): string | undefined {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'the phrase has no words';
  if (words.length > RULE_LIMITS.phraseWords) return `a phrase has at most ${RULE_LIMITS.phraseWords} words`;
  for (const word of words) {
    const bare = word.replace(/^"|"$/g, '').replace(/\*$/, '');
    if (!/^[\p{L}\p{N}'-]+$/u.test(bare)) return `«${word}» is not a word (letters, digits, ' and -; * only at the end; quotes around a whole word)`;
    if (word.endsWith('*') && [...bare].length < RULE_LIMITS.prefixMinLetters) return `«${word}»: at least ${RULE_LIMITS.prefixMinLetters} letters before *`;
  }
  return undefined;
}

function compileWord(word: string): WordTest {
  if (word.length > 2 && word.startsWith('"') && word.endsWith('"')) return { kind: 'exact', value: normalise(word.slice(1, -1)) };
  if (word.endsWith('*')) return { kind: 'prefix', value: normalise(word.slice(0, -1)) };
  return { kind: 'stem', value: stemOf(normalise(word)) };
}

export function compileRule(rule: AnalysisRule): CompiledRule {
  return {
    rule,
    speaker: rule.speaker ?? DEFAULT_SPEAKER[rule.category],
    maxGap: rule.maxGap ?? 2,
    where: rule.where ?? 'anywhere',
    negatable: rule.negatable ?? NEGATABLE.has(rule.category),
    words: rule.phrase.trim().split(/\s+/).filter(Boolean).map(compileWord),
    notAfter: new Set((rule.notAfterWords ?? []).map(normalise)),
    notBefore: new Set((rule.notBeforeWords ?? []).map(normalise)),
  };
}

/** The first three letters a prefix test is indexed under. */
const PREFIX_KEY_LENGTH = 3;
const NO_RULES: readonly CompiledRule[] = [];
/** Forms remembered per index; bounded so a flood of distinct words cannot grow it without end. */
const MEMO_MAX = 50_000;

/**
 * Rules indexed by their first word, so each token looks up only the rules that can start on it (one map look-up
 * per stem, per exact form and per three-letter prefix), whatever the number of rules.
 */
export class RuleIndex {
  private readonly byStem = new Map<string, CompiledRule[]>();
  private readonly byExact = new Map<string, CompiledRule[]>();
  private readonly byPrefix = new Map<string, CompiledRule[]>();
  private readonly memo = new Map<string, readonly CompiledRule[]>();
  readonly size: number;

  constructor(rules: readonly AnalysisRule[]) {
    for (const rule of rules) {
      const compiled = compileRule(rule);
      const first = compiled.words[0];
      if (!first) continue;
      const map = first.kind === 'stem' ? this.byStem : first.kind === 'exact' ? this.byExact : this.byPrefix;
      const key = first.kind === 'prefix' ? first.value.slice(0, PREFIX_KEY_LENGTH) : first.value;
      const list = map.get(key);
      if (list) list.push(compiled);
      else map.set(key, [compiled]);
    }
    this.size = rules.length;
  }

  /** The rules whose first word the token with this stem and form can be. */
  startingAt(stem: string, norm: string): readonly CompiledRule[] {
    // The stem follows from the form, so the form alone keys the memo; a conversation repeats its words.
    const known = this.memo.get(norm);
    if (known) return known;
    const found = this.lookUp(stem, norm);
    if (this.memo.size >= MEMO_MAX) this.memo.clear();
    this.memo.set(norm, found);
    return found;
  }

  private lookUp(stem: string, norm: string): readonly CompiledRule[] {
    const byStem = this.byStem.get(stem);
    const byExact = this.byExact.get(norm);
    const byPrefix = this.byPrefix.get(norm.slice(0, PREFIX_KEY_LENGTH));
    // Most words start no rule: answer without building a list.
    if (!byExact && !byPrefix) return byStem ?? NO_RULES;
    const found: CompiledRule[] = byStem ? [...byStem] : [];
    if (byExact) found.push(...byExact);
    if (byPrefix) for (const rule of byPrefix) if (norm.startsWith((rule.words[0] as { value: string }).value)) found.push(rule);
    return found;
  }
}

export function wordMatches(test: WordTest, stem: string, norm: string): boolean {
  switch (test.kind) {
    case 'stem':
      return stem === test.value;
    case 'exact':
      return norm === test.value;
    case 'prefix':
      return norm.startsWith(test.value);
  }
}
