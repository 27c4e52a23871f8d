/**
 * What the engine measures rather than matches: exclamation marks and shouting in capitals, interruptions and
 * silences on a call's timeline, and each side's share of the conversation (speaking time on a call, words in a
 * chat). Pure.
 */
import type { Token } from './text.ts';
import type { AnalysisFinding, ConversationSegment, ConversationSpeaker } from './values.ts';

export const MEASURE_RULE_IDS = {
  exclamationMark: 'measure.exclamation_mark',
  shouting: 'measure.shouting',
  interruption: 'measure.interruption',
  silence: 'measure.silence',
} as const;

/** An overlap shorter than this is two people taking turns quickly, not an interruption. */
export const INTERRUPTION_MIN_OVERLAP_MS = 500;

const SENTENCE_END = new Set(['.', '!', '?', '…', '\n']);

/**
 * Each sentence that ends in «!» (trimmed, without the sentence before it), as spans of `text`. A scan back from each
 * run of «!» rather than a regex: a regex retried at every position is quadratic on long transcripts.
 */
export function exclaimedSentences(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let from = 0;
  for (let bang = text.indexOf('!'); bang !== -1; bang = text.indexOf('!', from)) {
    let end = bang;
    while (text[end] === '!') end += 1;
    let start = bang;
    while (start > from && !SENTENCE_END.has(text[start - 1]!)) start -= 1;
    while (start < bang && /\s/.test(text[start]!)) start += 1;
    if (start < bang) spans.push({ start, end });
    from = end;
  }
  return spans;
}

/** Sentences ending in «!» and runs of shouted words (two or more words of three or more capital letters) in a customer's segment. */
export function exclamationFindings(segment: ConversationSegment, segmentIndex: number, tokens: readonly Token[]): AnalysisFinding[] {
  if (segment.speaker !== 'customer') return [];
  const findings: AnalysisFinding[] = [];
  for (const { start, end } of exclaimedSentences(segment.text)) {
    findings.push({ category: 'exclamations', speaker: 'customer', segmentIndex, span: { start, end, text: segment.text.slice(start, end) }, ruleId: MEASURE_RULE_IDS.exclamationMark });
  }
  let run: Token[] = [];
  const flush = () => {
    if (run.length >= 2) {
      const start = run[0]!.start;
      const end = run[run.length - 1]!.end;
      findings.push({ category: 'exclamations', speaker: 'customer', segmentIndex, span: { start, end, text: segment.text.slice(start, end) }, ruleId: MEASURE_RULE_IDS.shouting });
    }
    run = [];
  };
  for (const token of tokens) {
    // Most words start with a lower-case letter (a–z, а–я, ё) or hold one: no need to look closer.
    const first = segment.text.charCodeAt(token.start);
    if ((first >= 0x61 && first <= 0x7a) || (first >= 0x430 && first <= 0x44f) || first === 0x451) {
      flush();
      continue;
    }
    const raw = segment.text.slice(token.start, token.end);
    if (raw !== raw.toUpperCase()) {
      flush();
      continue;
    }
    const letters = raw.replace(/[^\p{L}]/gu, '');
    if ([...letters].length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) run.push(token);
    else flush();
  }
  flush();
  return findings;
}

/** Interruptions: a speaker starting while the other still speaks, by more than the minimum overlap. */
export function interruptionFindings(segments: readonly ConversationSegment[]): AnalysisFinding[] {
  const order = segments.map((segment, index) => ({ segment, index })).sort((a, b) => a.segment.startMs - b.segment.startMs || a.index - b.index);
  const findings: AnalysisFinding[] = [];
  // The latest end of each side's speech so far.
  const speakingUntil: Record<ConversationSpeaker, number> = { agent: -1, customer: -1 };
  for (const { segment, index } of order) {
    const other: ConversationSpeaker = segment.speaker === 'agent' ? 'customer' : 'agent';
    const overlap = speakingUntil[other] - segment.startMs;
    if (overlap >= INTERRUPTION_MIN_OVERLAP_MS && segment.endMs > segment.startMs) {
      findings.push({ category: 'interruptions', speaker: segment.speaker, segmentIndex: index, ruleId: MEASURE_RULE_IDS.interruption, amountMs: Math.min(overlap, segment.endMs - segment.startMs) });
    }
    speakingUntil[segment.speaker] = Math.max(speakingUntil[segment.speaker], segment.endMs);
  }
  return findings;
}

/** Merged speaking intervals of the given segments, sorted. */
function merged(segments: readonly ConversationSegment[]): [number, number][] {
  const spans = segments.filter((s) => s.endMs > s.startMs).map((s) => [s.startMs, s.endMs] as [number, number]).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([...span]);
  }
  return out;
}

const total = (spans: readonly [number, number][]) => spans.reduce((sum, [a, b]) => sum + (b - a), 0);

/** Each side's speaking time in milliseconds (overlaps of one side counted once). */
export function speakingMs(segments: readonly ConversationSegment[]): Record<ConversationSpeaker, number> {
  return {
    agent: total(merged(segments.filter((s) => s.speaker === 'agent'))),
    customer: total(merged(segments.filter((s) => s.speaker === 'customer'))),
  };
}

export interface Silence {
  findings: AnalysisFinding[];
  /** Milliseconds nobody spoke between the first word and the last. */
  totalMs: number;
  longestMs: number;
  /** Share of the conversation's span nobody spoke, 0–1. */
  share: number;
}

/** Gaps nobody speaks in, from the first word to the last; gaps of at least `minMs` become findings. */
export function silences(segments: readonly ConversationSegment[], minMs: number): Silence {
  const spans = merged(segments);
  const findings: AnalysisFinding[] = [];
  let totalMs = 0;
  let longestMs = 0;
  for (let i = 1; i < spans.length; i++) {
    const gap = spans[i]![0] - spans[i - 1]![1];
    totalMs += gap;
    longestMs = Math.max(longestMs, gap);
    if (gap >= minMs) {
      // The segment that breaks the silence names it.
      const segmentIndex = segments.findIndex((s) => s.startMs === spans[i]![0]);
      findings.push({ category: 'silence', speaker: segments[segmentIndex]!.speaker, segmentIndex, ruleId: MEASURE_RULE_IDS.silence, amountMs: gap });
    }
  }
  const span = spans.length > 0 ? spans[spans.length - 1]![1] - spans[0]![0] : 0;
  return { findings, totalMs, longestMs, share: span > 0 ? totalMs / span : 0 };
}
