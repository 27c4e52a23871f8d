/**
 * Conversation analytics, zod-free (the console imports it): the categories a conversation is checked for, who a
 * finding is about, and the shape of one conversation's analysis. The engine is `analyse.ts`; the rule grammar
 * `rules.ts`; docs/analytics.md explains every category, threshold and the loyalty score.
 */

/** Who spoke a segment: the agent or the customer (a call's two transcript channels, a chat's two sides). */
export type ConversationSpeaker = 'agent' | 'customer';
export const CONVERSATION_SPEAKERS: readonly ConversationSpeaker[] = ['agent', 'customer'];

export const ANALYSIS_LANGUAGES = ['ru', 'en'] as const;
export type AnalysisLanguage = (typeof ANALYSIS_LANGUAGES)[number];

/** Where the conversation came from: a call's transcript has timing worth reading (silence, interruptions); a chat's does not. */
export type ConversationMedium = 'call' | 'chat';

/** Categories matched on words and phrases; a tenant adds its own rules to any of them. */
export const LEXICAL_CATEGORIES = ['profanity', 'filler_words', 'negativity', 'escalation_request', 'exclamations', 'remarks_to_agent', 'greeting', 'farewell'] as const;
/** Categories measured on the segments' timing and shares rather than on words. */
export const MEASURED_CATEGORIES = ['interruptions', 'talk_share', 'silence', 'low_loyalty'] as const;
export const ANALYSIS_CATEGORIES = [...LEXICAL_CATEGORIES, ...MEASURED_CATEGORIES] as const;
export type LexicalCategory = (typeof LEXICAL_CATEGORIES)[number];
export type AnalysisCategory = (typeof ANALYSIS_CATEGORIES)[number];

/**
 * Categories a good conversation has rather than avoids (the agent greets, the agent says goodbye): their score
 * flags the conversation's quality form, never the conversation as a problem.
 */
export const EXPECTED_CATEGORIES: readonly LexicalCategory[] = ['greeting', 'farewell'];

export function isAnalysisCategory(value: string): value is AnalysisCategory {
  return (ANALYSIS_CATEGORIES as readonly string[]).includes(value);
}

/** One segment of a conversation: a call's transcript utterance or a chat message, offsets from its start. */
export interface ConversationSegment {
  speaker: ConversationSpeaker;
  text: string;
  startMs: number;
  endMs: number;
}

/** A matched stretch of one segment's text: character offsets into `text` (UTF-16, as `String.slice` reads them). */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** One thing the engine found, with the evidence: who said it, in which segment, the words, and the rule. */
export interface AnalysisFinding {
  category: AnalysisCategory;
  speaker: ConversationSpeaker;
  segmentIndex: number;
  /** The matched words; absent for a measured finding (an interruption, a silence) that spans no words. */
  span?: TextSpan;
  /** The built-in (`ru.profanity.root`) or tenant rule that matched, or the measure (`measure.interruption`). */
  ruleId: string;
  /** For measured findings: the amount (milliseconds of silence or overlap). */
  amountMs?: number;
}

/** The unit a category's value is in. */
export type ScoreUnit = 'count' | 'per_100_words' | 'per_minute' | 'percent' | 'seconds' | 'score';

/** One category's result: its value, by side where that means something, and whether it crossed its threshold. */
export interface CategoryScore {
  value: number;
  unit: ScoreUnit;
  bySpeaker?: Readonly<Record<ConversationSpeaker, number>>;
  /** The threshold the value is compared with (absent where any match flags, e.g. profanity). */
  threshold?: number;
  flagged: boolean;
  /** For `low_loyalty`: each input's value and its weighted share of the score, so the score explains itself. */
  inputs?: Readonly<Record<string, { value: number; weight: number; points: number }>>;
  /** Not measurable for this conversation (interruptions and silence in a chat). */
  notApplicable?: boolean;
}

/** Why a conversation is a problem: a flagged category and, in words, what crossed what. */
export interface AnalysisReason {
  category: AnalysisCategory;
  speaker?: ConversationSpeaker;
  /** Count or value that crossed the threshold. */
  value: number;
  threshold?: number;
}

/** The engine's answer for one conversation (also `POST /api/analytics/preview`'s body). */
export interface AnalysisResult {
  language: AnalysisLanguage;
  /** Whether the language was given or detected from the text's letters. */
  languageDetected: boolean;
  /** At most `MAX_STORED_FINDINGS`, in segment order; `findingCount` says how many there were. */
  findings: AnalysisFinding[];
  findingCount: number;
  scores: Record<AnalysisCategory, CategoryScore>;
  flagged: boolean;
  reasons: AnalysisReason[];
}

/** One contact's stored analysis: the engine's result and what it was run on. */
export interface ConversationAnalysis extends AnalysisResult {
  contactId: string;
  medium: ConversationMedium;
  analysedAt: string;
  segmentCount: number;
  /** The rule set's version: a re-run after the tenant's rules change shows it. */
  rulesVersion: number;
}

/** Findings kept per stored analysis and returned by the preview. */
export const MAX_STORED_FINDINGS = 200;

/** A stored analysis with what its search needs: whose conversation, in which queue and channel, when it closed. */
export interface StoredConversationAnalysis extends ConversationAnalysis {
  tenantId: string;
  queueId: string;
  /** The channel kind (`telegram`, `voice`…), from the one channel vocabulary. */
  channel: string;
  agentId?: string;
  /** When the contact closed: the search's date. */
  closedAt: string;
}

/** `GET /api/analytics/contacts/:id`: the stored analysis and the segments its findings point into. */
export interface ContactAnalysisView extends StoredConversationAnalysis {
  segments: ConversationSegment[];
}

/** One row of the analysis search: enough to list a conversation without reading its analysis. */
export interface AnalysisSearchEntry {
  contactId: string;
  queueId: string;
  channel: string;
  agentId?: string;
  closedAt: string;
  language: AnalysisLanguage;
  flagged: boolean;
  /** The flagged categories, in catalogue order. */
  categories: AnalysisCategory[];
  /** The loyalty score 0–100 (higher: less loyal), so a list can be sorted by it. */
  loyaltyScore: number;
  /** The words the problem rules matched, lower-cased, most frequent first (at most `ENTRY_MAX_PHRASES`): a report's top phrases without reading every analysis. */
  phrases: AnalysisPhrase[];
}

/** A matched phrase of a problem category and how often the conversation had it. */
export interface AnalysisPhrase {
  category: LexicalCategory;
  text: string;
  count: number;
}

export const ENTRY_MAX_PHRASES = 8;

/** Search filters: a period (at most `ANALYSIS_SEARCH_MAX_DAYS`), and optionally one category, agent and queue. */
export interface AnalysisSearch {
  from: string;
  to: string;
  category?: AnalysisCategory;
  /** Only flagged conversations (the default when no category is given is every analysed one). */
  flaggedOnly?: boolean;
  agentId?: string;
  queueId?: string;
  limit: number;
  cursor?: string;
}

export const ANALYSIS_SEARCH_MAX_DAYS = 31;
export const ANALYSIS_SEARCH_MAX_LIMIT = 200;

/**
 * What makes a conversation worth a supervisor's attention at once (docs/analytics.md#alerts): the customer asks for
 * a manager or a written claim (also while the contact is live), the agent swears (also live), or the customer's
 * loyalty score is very low at the end.
 */
export const CONVERSATION_ALERT_TRIGGERS = ['escalation_request', 'agent_profanity', 'low_loyalty'] as const;
export type ConversationAlertTrigger = (typeof CONVERSATION_ALERT_TRIGGERS)[number];
/** Triggers checked on each new message or transcript segment while the contact is live. */
export const LIVE_ALERT_TRIGGERS: readonly ConversationAlertTrigger[] = ['escalation_request', 'agent_profanity'];

/** The words that raised an alert: who said them, and the rule. */
export interface ConversationAlertEvidence {
  speaker: ConversationSpeaker;
  text: string;
  ruleId: string;
}

/** One alert about one contact; at most one per contact and trigger, live or at the close. */
export interface ConversationAlert {
  tenantId: string;
  alertId: string;
  contactId: string;
  trigger: ConversationAlertTrigger;
  /** Raised while the contact was live (from a message or a partial transcript) or from the finished conversation. */
  phase: 'live' | 'closed';
  at: string;
  queueId: string;
  channel: string;
  agentId?: string;
  evidence?: ConversationAlertEvidence;
  /** For `low_loyalty`: the score and its threshold. */
  value?: number;
  threshold?: number;
  /** SMS and e-mail sent as the tenant's analytics settings ask (absent until delivered). */
  deliveries?: { channel: 'sms' | 'email'; to: string; status: 'sent' | 'failed'; error?: string }[];
}

export function conversationAlertIdOf(contactId: string, trigger: ConversationAlertTrigger): string {
  return `${contactId}:${trigger}`;
}
