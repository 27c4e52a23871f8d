/**
 * Pre-answers a form from a conversation's stored analysis, pure and zod-free. A parameter linked to a category the
 * agent should avoid (profanity, filler words, negativity, silence…) is answered no (1 on a scale) when the category
 * is flagged for the linked side, yes (5) when not; linked to an expected one (greeting, farewell) yes when found,
 * no when not. A category not applicable to the conversation (silence in a chat) leaves the parameter unanswered.
 * Every pre-answer carries the findings it rests on.
 */
import { EXPECTED_CATEGORIES, type AnalysisFinding, type ConversationSpeaker, type LexicalCategory, type StoredConversationAnalysis } from '../analytics/values.ts';
import type { QaAnswerValue, QaDraftAnswer, QaEvidence, QaParameter, QaParameterLink, QaScriptEvidence } from './values.ts';

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

/**
 * A script parameter's pre-answer: a run followed to an outcome is yes (5), one dropped on the way partly (3; no on a
 * yes/no question), a run not started no (1); without a script for the contact, or a run still going, unanswered.
 */
export function prefillFromScript(parameter: QaParameter, script: QaScriptEvidence | 'none' | undefined): QaDraftAnswer {
  const none: QaDraftAnswer = { parameterId: parameter.parameterId, prefilled: false, evidence: [] };
  if (script === undefined || (script !== 'none' && script.result === 'active')) return none;
  const answer: QaAnswerValue = script === 'none' ? bad(parameter)
    : script.result === 'completed' ? good(parameter)
    : parameter.kind === 'scale_1_5' ? 3 : parameter.kind === 'yes_no_partial' ? 'partial' : 'no';
  return { parameterId: parameter.parameterId, answer, prefilled: true, evidence: [], ...(script !== 'none' && { scriptRun: script }) };
}

/**
 * Every parameter's pre-answer, in the form's order. `script`: the contact's run (`none` when its queue has a script
 * the agent did not start; undefined when there is no script to follow).
 */
export function prefillAnswers(parameters: readonly QaParameter[], analysis: StoredConversationAnalysis | undefined, script?: QaScriptEvidence | 'none'): QaDraftAnswer[] {
  return parameters.map((parameter) => (parameter.script ? prefillFromScript(parameter, script) : prefillAnswer(parameter, analysis)));
}
