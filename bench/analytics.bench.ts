/**
 * Conversation analytics on one core, against a floor measured in the same run:
 * - analysis throughput (MB/s of transcript text and conversations/s) under the built-in rules plus a tenant's 1,000,
 *   against plain tokenisation of the same text (lower-casing and a word regex: what any keyword spotter pays);
 * - the heap a tenant's 1,000 rules take once indexed;
 * - the labelled set's accuracy: the share of its labels (found / absent) the engine gets right.
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { analyseConversation } from '@cc/shared/analytics/analyse';
import { LABELLED_SET } from '@cc/shared/analytics/fixtures/labelled';
import { BUILT_IN_RULES } from '@cc/shared/analytics/lexicon';
import { RuleIndex, type AnalysisRule } from '@cc/shared/analytics/rules';
import { LEXICAL_CATEGORIES, type ConversationSegment } from '@cc/shared/analytics/values';
import { rng } from './random.ts';
import type { BenchResult } from './types.ts';

const CONVERSATIONS = 300;
/** Labelled conversations joined into one call: a few kilobytes of text, as a several-minute call transcribes to. */
const JOINED = 20;
const TENANT_RULES = 1_000;
const ROUNDS = 9;
const GOAL_MB_PER_S = 10;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const SYLLABLES = ['ка', 'ро', 'ми', 'ст', 'ла', 'не', 'то', 'ва', 'пре', 'зу', 'ко', 'ли', 'да', 'ше', 'гу'];

/** A made-up word, so the corpus and the tenant's rules hold forms the engine has not cached. */
function madeUpWord(random: () => number): string {
  const length = 2 + Math.floor(random() * 3);
  return Array.from({ length }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
}

/** Calls of JOINED labelled conversations one after another, every few segments with a new word and an order number. */
function corpus(): { conversations: ConversationSegment[][]; bytes: number } {
  const random = rng(13);
  const conversations: ConversationSegment[][] = [];
  let bytes = 0;
  for (let n = 0; n < CONVERSATIONS; n++) {
    const segments: ConversationSegment[] = [];
    let offset = 0;
    for (let part = 0; part < JOINED; part++) {
      const source = LABELLED_SET[(n * JOINED + part) % LABELLED_SET.length]!;
      for (const [i, s] of source.segments.entries()) {
        const text = i % 3 === 0 ? `${s.text} ${madeUpWord(random)} заказ ${100_000 + n * JOINED + part}` : s.text;
        segments.push({ ...s, text, startMs: s.startMs + offset, endMs: s.endMs + offset });
        bytes += Buffer.byteLength(text);
      }
      offset = segments.at(-1)!.endMs + 1_000;
    }
    conversations.push(segments);
  }
  return { conversations, bytes };
}

/** A tenant's own rules: one to three made-up words, every lexical category, some prefixes and exact forms. */
function tenantRules(count: number, seed: number): AnalysisRule[] {
  const random = rng(seed);
  return Array.from({ length: count }, (_, n) => {
    const words = Array.from({ length: 1 + Math.floor(random() * 3) }, () => madeUpWord(random));
    if (n % 7 === 0) words[0] = `${words[0]}*`;
    if (n % 11 === 0) words[words.length - 1] = `"${words.at(-1)}"`;
    return { ruleId: `tenant.${n}`, category: LEXICAL_CATEGORIES[n % LEXICAL_CATEGORIES.length]!, phrase: words.join(' ') };
  });
}

function throughput(): BenchResult[] {
  const { conversations, bytes } = corpus();
  const index = new RuleIndex([...BUILT_IN_RULES, ...tenantRules(TENANT_RULES, 7)]);
  const WORD = /[\p{L}\p{N}*@]+/gu;
  let sink = 0;
  const analyse = () => { for (const segments of conversations) sink += analyseConversation({ segments, medium: 'call' }, index).findingCount; };
  const floor = () => { for (const segments of conversations) for (const s of segments) sink += s.text.toLowerCase().match(WORD)?.length ?? 0; };
  analyse(); floor();
  const seconds = { analyse: [] as number[], floor: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of [['analyse', analyse], ['floor', floor]] as const) {
      const started = performance.now();
      run();
      seconds[name].push((performance.now() - started) / 1000);
    }
  }
  if (sink === 0) throw new Error('the analysis found nothing in the labelled corpus');
  const mb = bytes / 1_000_000;
  const analysed = mb / median(seconds.analyse);
  const floorRate = mb / median(seconds.floor);
  const corpusNote = `${CONVERSATIONS} call transcripts (${mb.toFixed(2)} MB UTF-8, the labelled set in Russian and English with new words and order numbers added), built-in rules + ${TENANT_RULES} tenant rules; median of ${ROUNDS}, one core.`;
  return [
    { name: 'analytics.tokenise-floor.rate', value: Number(floorRate.toFixed(2)), unit: 'MB/s', notes: `Plain tokenisation of the same text (lower-case, word regex). ${corpusNote}` },
    { name: 'analytics.analysis.rate', value: Number(analysed.toFixed(2)), unit: 'MB/s', baseline: Number(floorRate.toFixed(2)), ratio: Number((analysed / floorRate).toFixed(3)), notes: `analyseConversation: tokenise, Snowball stems, rule look-up, negation and guards, interruptions, talk share, silence, loyalty. Ratio = analysis / floor. Goal ≥ ${GOAL_MB_PER_S} MB/s per core. ${corpusNote}` },
    { name: 'analytics.analysis.conversations', value: Math.round(CONVERSATIONS / median(seconds.analyse)), unit: 'conversations/s', notes: `Whole conversations analysed per second on one core (${(bytes / CONVERSATIONS / 1000).toFixed(2)} kB of text each). ${corpusNote}` },
  ];
}

function ruleMemory(): BenchResult[] {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
  const samples: number[] = [];
  const keep: RuleIndex[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const rules = tenantRules(TENANT_RULES, 100 + round);
    const before = heap();
    keep.push(new RuleIndex(rules));
    samples.push(heap() - before);
  }
  if (keep.some((index) => index.size !== TENANT_RULES)) throw new Error('an index lost rules');
  return [{ name: 'analytics.rules.memory-per-1000', value: Math.round(median(samples) / 1024), unit: 'KiB', notes: `Heap held by one RuleIndex of ${TENANT_RULES} tenant rules (compiled words, guards, look-up maps) after GC, rule objects excluded, before its memo of seen word forms (bounded at 50,000) fills; median of ${ROUNDS}.` }];
}

function labelledAccuracy(): BenchResult[] {
  const index = new RuleIndex(BUILT_IN_RULES);
  let labels = 0;
  let right = 0;
  for (const conversation of LABELLED_SET) {
    const { findings } = analyseConversation({ segments: conversation.segments, medium: conversation.medium }, index);
    for (const [category, speaker] of Object.entries(conversation.found)) {
      labels += 1;
      if (findings.some((f) => f.category === category && f.speaker === speaker)) right += 1;
    }
    for (const category of conversation.absent) {
      labels += 1;
      if (!findings.some((f) => f.category === category)) right += 1;
    }
  }
  return [{ name: 'analytics.labelled-set.accuracy', value: Number(((100 * right) / labels).toFixed(1)), unit: '%', notes: `Labels right in the labelled set (${LABELLED_SET.length} conversations, ${labels} labels: categories found by a side, near-misses absent). The set was written with the rules, so this is a regression figure, not an independent accuracy.` }];
}

export default async function run(): Promise<BenchResult[]> {
  return [...throughput(), ...ruleMemory(), ...labelledAccuracy()];
}
