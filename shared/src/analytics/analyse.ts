/**
 * The conversation analytics engine: one conversation's segments in, every finding with its evidence, a score per
 * category and the problem flag with its reasons out. The same function answers the rule preview and runs on
 * every finished call and chat. Pure: the rules come compiled (`RuleIndex`), the thresholds as data.
 */
import { matchConversation, tokenizeSegments } from './match.ts';
import { exclamationFindings, interruptionFindings, silences, speakingMs } from './measures.ts';
import type { RuleIndex } from './rules.ts';
import { cyrillicShare } from './text.ts';
import {
  ANALYSIS_CATEGORIES,
  EXPECTED_CATEGORIES,
  MAX_STORED_FINDINGS,
  type AnalysisCategory,
  type AnalysisFinding,
  type AnalysisLanguage,
  type AnalysisReason,
  type AnalysisResult,
  type CategoryScore,
  type ConversationMedium,
  type ConversationSegment,
  type ConversationSpeaker,
} from './values.ts';

/** Where each category starts to count as a problem; a tenant may move any of them (docs/analytics.md). */
export interface AnalysisThresholds {
  /** Findings of either side; each side that swears is its own reason. */
  profanity: number;
  escalation_request: number;
  negativity: number;
  remarks_to_agent: number;
  exclamations: number;
  /** The agent's filler words per 100 of their words (chats) or per minute of their speech (calls), above which they are a problem. */
  fillerPer100Words: number;
  fillerPerMinute: number;
  /** Interruptions of the customer by the agent. */
  agentInterruptions: number;
  /** The agent's share of the talk, percent, above which the agent talks over the conversation. */
  agentTalkSharePercent: number;
  /** The shortest gap counted as a silence, and the longest one that is still fine (seconds). */
  silenceMinSeconds: number;
  silenceLongestSeconds: number;
  /** The loyalty score (0–100, higher: less loyal) from which the customer counts as of low loyalty. */
  lowLoyaltyScore: number;
}

export const DEFAULT_THRESHOLDS: AnalysisThresholds = {
  profanity: 1,
  escalation_request: 1,
  negativity: 2,
  remarks_to_agent: 2,
  exclamations: 3,
  fillerPer100Words: 3,
  fillerPerMinute: 4,
  agentInterruptions: 3,
  agentTalkSharePercent: 75,
  silenceMinSeconds: 5,
  silenceLongestSeconds: 30,
  lowLoyaltyScore: 50,
};

/**
 * The loyalty score's inputs: each saturates at `full` (that many is the worst) and weighs `weight` of 100.
 * Interruptions exist only on calls; a chat's score is taken over the other weights.
 */
export const LOYALTY_INPUTS = {
  customer_interruptions: { weight: 25, full: 4 },
  remarks_to_agent: { weight: 25, full: 2 },
  exclamations: { weight: 20, full: 4 },
  negativity: { weight: 15, full: 3 },
  /** Percent of the talk the customer holds, from 60 % (nothing) to 90 % (full). */
  customer_talk_share: { weight: 15, full: 90, from: 60 },
} as const;

/** The fewest filler words and agent words before a filler rate means anything. */
const FILLER_MIN_COUNT = 2;
/** A talk share over a shorter conversation says nothing. */
const TALK_SHARE_MIN = { callMs: 60_000, chatWords: 50 };
/** Cyrillic share of letters from which an undeclared conversation is read as Russian. */
const RUSSIAN_FROM = 0.3;

export interface AnalyseInput {
  segments: readonly ConversationSegment[];
  medium: ConversationMedium;
  language?: AnalysisLanguage;
}

const bySide = (findings: readonly AnalysisFinding[], category: AnalysisCategory) => {
  const counts: Record<ConversationSpeaker, number> = { agent: 0, customer: 0 };
  for (const finding of findings) if (finding.category === category) counts[finding.speaker] += 1;
  return counts;
};

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function countScore(counts: Record<ConversationSpeaker, number>, threshold: number, side?: ConversationSpeaker): CategoryScore {
  const value = side ? counts[side] : counts.agent + counts.customer;
  return { value, unit: 'count', bySpeaker: counts, threshold, flagged: value >= threshold };
}

export function analyseConversation(input: AnalyseInput, index: RuleIndex, thresholds: AnalysisThresholds = DEFAULT_THRESHOLDS): AnalysisResult {
  const { segments, medium } = input;
  const call = medium === 'call';
  const tokenized = tokenizeSegments(segments);
  const lexical = matchConversation(segments, tokenized, index);
  const exclamationMarks = segments.flatMap((segment, i) => exclamationFindings(segment, i, tokenized[i]!.tokens));
  const interruptions = call ? interruptionFindings(segments) : [];
  const silence = call ? silences(segments, thresholds.silenceMinSeconds * 1000) : undefined;
  const findings = withoutOverlaps([...lexical, ...exclamationMarks, ...interruptions, ...(silence?.findings ?? [])]);

  const words: Record<ConversationSpeaker, number> = { agent: 0, customer: 0 };
  segments.forEach((segment, i) => (words[segment.speaker] += tokenized[i]!.tokens.length));
  const talk = call ? speakingMs(segments) : words;
  const talkTotal = talk.agent + talk.customer;
  const share = (side: ConversationSpeaker) => (talkTotal > 0 ? round((talk[side] / talkTotal) * 100) : 0);

  const scores = {} as Record<AnalysisCategory, CategoryScore>;
  scores.profanity = countScore(bySide(findings, 'profanity'), thresholds.profanity);
  scores.escalation_request = countScore(bySide(findings, 'escalation_request'), thresholds.escalation_request, 'customer');
  scores.negativity = countScore(bySide(findings, 'negativity'), thresholds.negativity, 'customer');
  scores.remarks_to_agent = countScore(bySide(findings, 'remarks_to_agent'), thresholds.remarks_to_agent, 'customer');
  scores.exclamations = countScore(bySide(findings, 'exclamations'), thresholds.exclamations, 'customer');

  const fillers = bySide(findings, 'filler_words');
  const agentMinutes = call ? talk.agent / 60_000 : 0;
  const fillerRate = call ? (agentMinutes > 0 ? fillers.agent / agentMinutes : 0) : words.agent > 0 ? (fillers.agent / words.agent) * 100 : 0;
  const fillerThreshold = call ? thresholds.fillerPerMinute : thresholds.fillerPer100Words;
  scores.filler_words = { value: round(fillerRate), unit: call ? 'per_minute' : 'per_100_words', bySpeaker: fillers, threshold: fillerThreshold, flagged: fillers.agent >= FILLER_MIN_COUNT && fillerRate > fillerThreshold };

  for (const category of EXPECTED_CATEGORIES) {
    const counts = bySide(findings, category);
    const agentSpoke = segments.some((segment) => segment.speaker === 'agent');
    scores[category] = { value: counts.agent, unit: 'count', bySpeaker: counts, flagged: agentSpoke && counts.agent === 0, ...(!agentSpoke && { notApplicable: true }) };
  }

  const interruptionCounts = bySide(findings, 'interruptions');
  scores.interruptions = call
    ? { value: interruptionCounts.agent + interruptionCounts.customer, unit: 'count', bySpeaker: interruptionCounts, threshold: thresholds.agentInterruptions, flagged: interruptionCounts.agent >= thresholds.agentInterruptions }
    : { value: 0, unit: 'count', flagged: false, notApplicable: true };

  const longEnough = call ? talkTotal >= TALK_SHARE_MIN.callMs : talkTotal >= TALK_SHARE_MIN.chatWords;
  scores.talk_share = { value: share('agent'), unit: 'percent', bySpeaker: { agent: share('agent'), customer: share('customer') }, threshold: thresholds.agentTalkSharePercent, flagged: longEnough && share('agent') > thresholds.agentTalkSharePercent };

  scores.silence = silence
    ? { value: round(silence.totalMs / 1000), unit: 'seconds', threshold: thresholds.silenceLongestSeconds, flagged: silence.longestMs >= thresholds.silenceLongestSeconds * 1000, inputs: { longest_seconds: { value: round(silence.longestMs / 1000), weight: 0, points: 0 }, share_percent: { value: round(silence.share * 100), weight: 0, points: 0 } } }
    : { value: 0, unit: 'seconds', flagged: false, notApplicable: true };

  scores.low_loyalty = loyalty(
    { customer_interruptions: call ? interruptionCounts.customer : undefined, remarks_to_agent: scores.remarks_to_agent.value, exclamations: scores.exclamations.value, negativity: scores.negativity.value, customer_talk_share: longEnough ? share('customer') : 0 },
    thresholds.lowLoyaltyScore,
  );

  const reasons: AnalysisReason[] = [];
  for (const category of ANALYSIS_CATEGORIES) {
    const score = scores[category];
    if (!score.flagged || EXPECTED_CATEGORIES.includes(category as never)) continue;
    if (category === 'profanity') {
      for (const speaker of ['agent', 'customer'] as const) if (score.bySpeaker![speaker] > 0) reasons.push({ category, speaker, value: score.bySpeaker![speaker], threshold: score.threshold! });
      continue;
    }
    const speaker: ConversationSpeaker | undefined = category === 'filler_words' || category === 'talk_share' || category === 'interruptions' ? 'agent' : category === 'silence' ? undefined : 'customer';
    reasons.push({ category, ...(speaker && { speaker }), value: score.value, ...(score.threshold !== undefined && { threshold: score.threshold }) });
  }

  const languageGiven = input.language !== undefined;
  const language: AnalysisLanguage = input.language ?? (cyrillicShare(segments.map((s) => s.text)) >= RUSSIAN_FROM ? 'ru' : 'en');
  return { language, languageDetected: !languageGiven, findings: findings.slice(0, MAX_STORED_FINDINGS), findingCount: findings.length, scores, flagged: reasons.length > 0, reasons };
}

/**
 * Findings in segment and text order, a span that overlaps an earlier one of the same category dropped: «Это УЖАС
 * ПОЛНЫЙ!» is one exclamation, however many rules see it.
 */
function withoutOverlaps(all: AnalysisFinding[]): AnalysisFinding[] {
  all.sort((a, b) => a.segmentIndex - b.segmentIndex || (a.span?.start ?? -1) - (b.span?.start ?? -1) || (b.span?.end ?? 0) - (a.span?.end ?? 0));
  const kept: AnalysisFinding[] = [];
  const coveredUntil = new Map<string, number>();
  for (const finding of all) {
    if (finding.span) {
      const key = `${finding.segmentIndex}|${finding.category}`;
      if ((coveredUntil.get(key) ?? -1) > finding.span.start) continue;
      coveredUntil.set(key, finding.span.end);
    }
    kept.push(finding);
  }
  return kept;
}

type LoyaltyValues = { [K in keyof typeof LOYALTY_INPUTS]: number | undefined };

/** The documented composite: each input's points = weight × its value's share of `full`; the score is their sum over the weights that apply. */
export function loyalty(values: LoyaltyValues, threshold: number): CategoryScore {
  const inputs: Record<string, { value: number; weight: number; points: number }> = {};
  let points = 0;
  let weights = 0;
  for (const [name, spec] of Object.entries(LOYALTY_INPUTS) as [keyof typeof LOYALTY_INPUTS, (typeof LOYALTY_INPUTS)[keyof typeof LOYALTY_INPUTS]][]) {
    const value = values[name];
    if (value === undefined) continue;
    const from = 'from' in spec ? spec.from : 0;
    const part = Math.min(1, Math.max(0, (value - from) / (spec.full - from)));
    inputs[name] = { value, weight: spec.weight, points: round(part * spec.weight) };
    points += part * spec.weight;
    weights += spec.weight;
  }
  const score = weights > 0 ? round((points / weights) * 100) : 0;
  return { value: score, unit: 'score', threshold, flagged: score >= threshold, inputs };
}
