/**
 * Pre-answers a form from a conversation's stored analysis, pure and zod-free. A parameter linked to a category the
 * agent should avoid (profanity, filler words, negativity, silence…) is answered no (1 on a scale) when the category
 * is flagged for the linked side, yes (5) when not; linked to an expected one (greeting, farewell) yes when found,
 * no when not. A category not applicable to the conversation (silence in a chat) leaves the parameter unanswered.
 * Every pre-answer carries the findings it rests on.
 */
import { EXPECTED_CATEGORIES, type AnalysisFinding, type ConversationSpeaker, type LexicalCategory, type StoredConversationAnalysis } from '../analytics/values.ts';
import type { QaAnswerValue, QaDraftAnswer, QaEvidence, QaParameter, QaParameterLink } from './values.ts';

/** Whether a link's category is one a good conversation has (rather than avoids). */
export function isExpectedCategory(link: QaParameterLink): boolean {
  return (EXPECTED_CATEGORIES as readonly string[]).includes(link.category as LexicalCategory);
}

const evidenceOf = (finding: AnalysisFinding): QaEvidence => ({
  category: finding.category,
  speaker: finding.speaker,
  segmentIndex: finding.segmentIndex,
  ...(finding.span && { span: finding.span }),
  ruleId: finding.ruleId,
  ...(finding.amountMs !== undefined && { amountMs: finding.amountMs }),
});

/** Whether the analysis flagged `link`'s category for its side (any side when the link names none). */
function flaggedFor(analysis: StoredConversationAnalysis, link: QaParameterLink): boolean {
  const score = analysis.scores[link.category];
  if (link.speaker === undefined) return score.flagged;
  // A reason names the side that crossed the threshold; one without a side counts for either.
  const reasons = analysis.reasons.filter((reason) => reason.category === link.category);
  if (reasons.length > 0) return reasons.some((reason) => reason.speaker === undefined || reason.speaker === link.speaker);
  return score.flagged && score.bySpeaker === undefined;
}

/** Whether the analysis found `link`'s (expected) category for its side: a finding, or a count kept by side. */
function foundFor(analysis: StoredConversationAnalysis, findings: AnalysisFinding[], link: QaParameterLink): boolean {
  if (findings.length > 0) return true;
  const score = analysis.scores[link.category];
  // Findings are bounded per analysis; the count is not.
  const value = link.speaker !== undefined && score.bySpeaker ? score.bySpeaker[link.speaker] : score.value;
  return value > 0;
}

const good = (parameter: QaParameter): QaAnswerValue => (parameter.kind === 'scale_1_5' ? 5 : 'yes');
const bad = (parameter: QaParameter): QaAnswerValue => (parameter.kind === 'scale_1_5' ? 1 : 'no');

/** One parameter's pre-answer from `analysis` (unanswered without a link, an analysis or an applicable category). */
export function prefillAnswer(parameter: QaParameter, analysis: StoredConversationAnalysis | undefined): QaDraftAnswer {
  const { link } = parameter;
  const none: QaDraftAnswer = { parameterId: parameter.parameterId, prefilled: false, evidence: [] };
  if (!link || !analysis) return none;
  const score = analysis.scores[link.category];
  if (!score || score.notApplicable) return none;
  const side = (speaker: ConversationSpeaker) => link.speaker === undefined || speaker === link.speaker;
  const findings = analysis.findings.filter((finding) => finding.category === link.category && side(finding.speaker));
  const fine = isExpectedCategory(link) ? foundFor(analysis, findings, link) : !flaggedFor(analysis, link);
  return { parameterId: parameter.parameterId, answer: fine ? good(parameter) : bad(parameter), prefilled: true, evidence: findings.map(evidenceOf) };
}

/** Every parameter's pre-answer, in the form's order. */
export function prefillAnswers(parameters: readonly QaParameter[], analysis: StoredConversationAnalysis | undefined): QaDraftAnswer[] {
  return parameters.map((parameter) => prefillAnswer(parameter, analysis));
}
