/**
 * Quality evaluation (QA) vocabulary, zod-free so the console imports it: a queue's evaluation form of weighted
 * parameters, the answers an evaluator gives (some pre-answered from the conversation's analysis, with their
 * evidence), the stored evaluation with its score and the agent's comments, and the supervisor's daily sample.
 * docs/qa.md explains the score, the prefill rules and the sampling.
 */
import type { AnalysisCategory, AnalysisSearchEntry, ConversationSpeaker, LexicalCategory, TextSpan } from '../analytics/values.ts';

/** How a parameter is answered: yes/no, yes/partly/no, or a mark from 1 to 5. */
export const QA_PARAMETER_KINDS = ['yes_no', 'yes_no_partial', 'scale_1_5'] as const;
export type QaParameterKind = (typeof QA_PARAMETER_KINDS)[number];

/** The answers of the yes/no kinds; `not_applicable` (any kind) leaves the parameter out of the score. */
export const QA_CHOICES = ['yes', 'partial', 'no'] as const;
export type QaChoice = (typeof QA_CHOICES)[number];
export const QA_SCALE = [1, 2, 3, 4, 5] as const;
export type QaScaleMark = (typeof QA_SCALE)[number];
export type QaAnswerValue = QaChoice | QaScaleMark | 'not_applicable';

/** The answers each kind takes (besides `not_applicable`). */
export const QA_KIND_ANSWERS: Readonly<Record<QaParameterKind, readonly (QaChoice | QaScaleMark)[]>> = {
  yes_no: ['yes', 'no'],
  yes_no_partial: ['yes', 'partial', 'no'],
  scale_1_5: QA_SCALE,
};

/**
 * What pre-answers a parameter: one analytics category, optionally for one side only (the agent's filler words, not
 * the customer's). Links to a script's stages come with scripts (issue #14).
 */
export interface QaParameterLink {
  category: AnalysisCategory;
  speaker?: ConversationSpeaker;
}

/** One thing the evaluator checks, with its share of the total score. */
export interface QaParameter {
  parameterId: string;
  /** The name as the form's author wrote it (Russian first in the demo). */
  name: string;
  /** An optional English (or other) translation, shown in the console's other language. */
  nameEn?: string;
  kind: QaParameterKind;
  /** 1–100: the parameter's weight among the answered ones. */
  weight: number;
  link?: QaParameterLink;
  /** Pre-answered from the contact's call script instead: followed to an outcome, dropped on the way, or not started (docs/scripts.md). */
  script?: true;
}

/** A queue's evaluation form (one form may serve several queues). Every change adds one to `version`. */
export interface QaForm {
  tenantId: string;
  formId: string;
  name: string;
  queueIds: string[];
  parameters: QaParameter[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const QA_LIMITS = {
  parametersMax: 12,
  weightMin: 1,
  weightMax: 100,
  nameMaxLength: 120,
  formsPerTenant: 50,
  queuesPerForm: 50,
  noteMaxLength: 1000,
  commentMaxLength: 2000,
  commentsPerEvaluation: 50,
  /** Conversations sampled per agent: the setting's bounds and its default. */
  samplePerAgentMax: 20,
  samplePerAgentDefault: 2,
  /** Evaluations one list answers; the period of a list is at most `listMaxDays`. */
  listMaxDays: 93,
} as const;

/** One prefilled answer's evidence: a finding of the linked category (who, which segment, the words, the rule). */
export interface QaEvidence {
  category: AnalysisCategory;
  speaker: ConversationSpeaker;
  segmentIndex: number;
  /** The matched words; absent for a measured finding (a silence, an interruption). */
  span?: TextSpan;
  ruleId: string;
  amountMs?: number;
}

/** A parameter's answer in a draft: what the analysis says (or nothing), and why. */
export interface QaDraftAnswer {
  parameterId: string;
  /** Absent when the analysis cannot say (no link, no analysis, or the category is not applicable). */
  answer?: QaAnswerValue;
  /** Whether `answer` came from the analysis. */
  prefilled: boolean;
  evidence: QaEvidence[];
  /** A parameter answered from the script: the run it rests on (the stages reached by title, how it ended). */
  scriptRun?: QaScriptEvidence;
}

/** The call script run a pre-answer rests on. */
export interface QaScriptEvidence {
  scriptName: string;
  version: number;
  result: 'active' | 'completed' | 'dropped';
  outcome?: string;
  stages: string[];
}

/** `GET /api/qa/contacts/:contactId/draft`: the form with its pre-answers, for the evaluator to confirm or change. */
export interface QaDraft {
  contactId: string;
  form: QaForm;
  agentId?: string;
  queueId: string;
  /** Whether the conversation was analysed at all (without it nothing is prefilled). */
  analysed: boolean;
  answers: QaDraftAnswer[];
  /** The score of the pre-answers as they stand. */
  total: number | null;
  /** This contact's evaluation on this form, when there is one already (a new one is then refused). */
  evaluationId?: string;
}

/** A stored answer: the evaluator's, with whether it kept the analysis's pre-answer, and their note. */
export interface QaAnswer {
  parameterId: string;
  answer: QaAnswerValue;
  note?: string;
  /** The analysis's pre-answer when there was one: the evaluator kept it when it equals `answer`. */
  prefilled?: QaAnswerValue;
  evidence?: QaEvidence[];
}

export interface QaComment {
  commentId: string;
  authorId: string;
  authorName: string;
  /** The evaluated agent, or a supervisor answering them. */
  authorRole: 'agent' | 'supervisor';
  text: string;
  at: string;
}

/** One evaluation of one contact on one form: who evaluated, when, on which version of the form, and the score. */
export interface QaEvaluation {
  tenantId: string;
  /** `<formId>:<contactId>`: one evaluation per contact and form. */
  evaluationId: string;
  contactId: string;
  formId: string;
  formName: string;
  formVersion: number;
  /** The form's parameters as they were evaluated (a later edit of the form does not change the meaning of an answer). */
  parameters: QaParameter[];
  agentId: string;
  queueId: string;
  channel?: string;
  evaluatorId: string;
  evaluatorName: string;
  evaluatedAt: string;
  answers: QaAnswer[];
  /** 0–100, one decimal; `null` when every parameter was not applicable. */
  total: number | null;
  comment?: string;
  comments: QaComment[];
  /** Starts at 1; each comment adds one (writes are conditional on it). */
  version: number;
}

/** The tenant's QA settings. */
export interface QaSettings {
  /** Unflagged conversations sampled per agent each day. */
  samplePerAgent: number;
}

/** Why a conversation is in the day's sample. */
export type QaSampleReason = 'flagged' | 'random';

export interface QaSampleEntry extends AnalysisSearchEntry {
  reason: QaSampleReason;
  /** Evaluations of this contact already stored (listed, not hidden). */
  evaluationIds: string[];
}

/** `GET /api/qa/sample`: the day's conversations to evaluate, flagged first. */
export interface QaSample {
  date: string;
  timeZone: string;
  samplePerAgent: number;
  entries: QaSampleEntry[];
}

/** An agent's quality report covers at most this many local days (the analysis search's limit). */
export const AGENT_REPORT_MAX_DAYS = 31;
/** Phrases the report lists, most frequent first. */
export const AGENT_REPORT_TOP_PHRASES = 10;

/** One local day of the agent's evaluation scores: the mean of the scored ones, `null` on a day without any. */
export interface AgentScorePoint {
  date: string;
  average: number | null;
  evaluations: number;
}

/** How often a category flagged a conversation, per 100 analysed conversations, for the agent and for the team. */
export interface AgentCategoryRate {
  category: AnalysisCategory;
  agent: number;
  team: number;
  /** Conversations flagged by it: the agent's and the team's. */
  agentCount: number;
  teamCount: number;
}

/** A matched problem phrase of the agent's: times said, and in how many conversations. */
export interface AgentTopPhrase {
  category: LexicalCategory;
  text: string;
  count: number;
  conversations: number;
}

/** Survey figures as the reports compute them (`csat_average`, `csat_satisfied_share`, `nps`, `survey_response_rate`); `null`: no answers. */
export interface SurveyFigures {
  csat: number | null;
  csatSatisfiedShare: number | null;
  nps: number | null;
  responseRate: number | null;
  surveysAnswered: number;
  npsAnswers: number;
}

/** `GET /api/qa/agents/:agentId/report`: one agent's quality over local days `from`–`to`, beside the team's. */
export interface AgentQualityReport {
  agentId: string;
  from: string;
  to: string;
  timeZone: string;
  totals: {
    evaluations: number;
    /** The mean of the scored evaluations over the period, `null` when none was scored. */
    averageScore: number | null;
    conversations: number;
    flaggedConversations: number;
    /** Every analysed conversation of the tenant's agents over the period, the agent's included. */
    teamConversations: number;
    teamFlaggedConversations: number;
  };
  /** Every day of the period, in order, so a chart shows the gaps. */
  scores: AgentScorePoint[];
  /** The categories that flagged a conversation of the agent or the team, in catalogue order. */
  categories: AgentCategoryRate[];
  phrases: AgentTopPhrase[];
  surveys: { agent: SurveyFigures; team: SurveyFigures };
}

/** The id of a contact's evaluation on a form (form ids never hold `:`, so the first one splits it). */
export function evaluationIdOf(formId: string, contactId: string): string {
  return `${formId}:${contactId}`;
}

/** The form and contact of an evaluation id, or undefined for an id no evaluation has. */
export function splitEvaluationId(evaluationId: string): { formId: string; contactId: string } | undefined {
  const at = evaluationId.indexOf(':');
  if (at <= 0 || at === evaluationId.length - 1) return undefined;
  return { formId: evaluationId.slice(0, at), contactId: evaluationId.slice(at + 1) };
}

/*
 * An evaluation's score, here so the console shows it live: each answer normalised to 0–1 (yes 1, partial 0.5, no 0;
 * a mark n as (n − 1) / 4), the total the weighted mean of the answered parameters × 100.
 */

/** An answer on the 0–1 scale, or undefined for `not_applicable` (left out of the score). */
export function answerScore(answer: QaAnswerValue): number | undefined {
  if (answer === 'not_applicable') return undefined;
  if (answer === 'yes') return 1;
  if (answer === 'partial') return 0.5;
  if (answer === 'no') return 0;
  return (answer - 1) / 4;
}

/**
 * Σ weight·score ÷ Σ weight of the answered parameters × 100, rounded to one decimal; `null` when nothing is
 * answered (every parameter unanswered or not applicable). Answers of parameters not on the form are ignored.
 */
export function totalScore(parameters: readonly QaParameter[], answers: ReadonlyMap<string, QaAnswerValue | undefined> | Readonly<Record<string, QaAnswerValue | undefined>>): number | null {
  const read = (id: string) => (answers instanceof Map ? answers.get(id) : (answers as Record<string, QaAnswerValue | undefined>)[id]);
  let points = 0;
  let weights = 0;
  for (const parameter of parameters) {
    const answer = read(parameter.parameterId);
    const score = answer === undefined ? undefined : answerScore(answer);
    if (score === undefined) continue;
    points += parameter.weight * score;
    weights += parameter.weight;
  }
  if (weights === 0) return null;
  return Math.round((points / weights) * 1000) / 10;
}
