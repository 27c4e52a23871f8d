/**
 * The analytics API's bodies: a conversation to analyse (`POST /api/analytics/preview`) and the rules a tenant
 * tries or keeps. Bounded so one request is at most a long call's transcript.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { IdSchema } from '../limits/input.ts';
import { phraseProblem, RULE_LIMITS } from './rules.ts';
import { AlertRecipientSchema } from '../alerts/model.ts';
import { ANALYTICS_SETTINGS_LIMITS } from './settings.ts';
import { ANALYSIS_CATEGORIES, ANALYSIS_LANGUAGES, CONVERSATION_ALERT_TRIGGERS, ANALYSIS_SEARCH_MAX_DAYS, ANALYSIS_SEARCH_MAX_LIMIT, LEXICAL_CATEGORIES } from './values.ts';

export const PREVIEW_LIMITS = { segments: 500, segmentText: 4000, rules: 100, offsetMs: 24 * 3600 * 1000 } as const;

const Offset = lazySchema(() => z.number().int().min(0).max(PREVIEW_LIMITS.offsetMs));
const GuardWords = lazySchema(() => z.array(z.string().min(1).max(40)).max(RULE_LIMITS.guardWords));

export const ConversationSegmentSchema = lazySchema(() => z
  .object({
    speaker: z.enum(['agent', 'customer']),
    text: z.string().max(PREVIEW_LIMITS.segmentText),
    startMs: Offset.default(0),
    endMs: Offset.default(0),
  })
  .refine((s) => s.endMs >= s.startMs, { message: 'endMs is before startMs', path: ['endMs'] }));

/** A tenant's rule: a phrase in the grammar of `rules.ts`, in one of the lexical categories. */
export const AnalysisRuleSchema = lazySchema(() => z.object({
  ruleId: IdSchema,
  category: z.enum(LEXICAL_CATEGORIES),
  phrase: z.string().max(RULE_LIMITS.phraseLength).superRefine((phrase, ctx) => {
    const problem = phraseProblem(phrase);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  speaker: z.enum(['agent', 'customer', 'any']).optional(),
  maxGap: z.number().int().min(0).max(RULE_LIMITS.maxGap).optional(),
  where: z.enum(['anywhere', 'opening', 'closing']).optional(),
  negatable: z.boolean().optional(),
  notAfterWords: GuardWords.optional(),
  notBeforeWords: GuardWords.optional(),
}));

export const PreviewRequestSchema = lazySchema(() => z.object({
  language: z.enum(ANALYSIS_LANGUAGES).optional(),
  /** A call's transcript (timing read: interruptions, silence) or a chat; a call when any segment has a duration. */
  medium: z.enum(['call', 'chat']).optional(),
  segments: z.array(ConversationSegmentSchema).min(1).max(PREVIEW_LIMITS.segments),
  /** Rules to try beside the built-in ones. */
  rules: z.array(AnalysisRuleSchema).max(PREVIEW_LIMITS.rules).optional(),
}));
export type PreviewRequest = z.infer<typeof PreviewRequestSchema>;

const DAY_MS = 86_400_000;
const Instant = () => z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2026-12-03T00:00:00Z' });

/**
 * `GET /api/analytics/conversations`: a period (default the last day, at most `ANALYSIS_SEARCH_MAX_DAYS`), and
 * optionally a category, `flagged=true`, an agent and a queue.
 */
export const AnalysisSearchQuerySchema = lazySchema(() => z
  .object({
    from: Instant().optional(),
    to: Instant().optional(),
    category: z.enum(ANALYSIS_CATEGORIES).optional(),
    flagged: z.enum(['true', 'false']).optional(),
    agentId: IdSchema.optional(),
    queueId: IdSchema.optional(),
    limit: z.coerce.number().int().min(1).max(ANALYSIS_SEARCH_MAX_LIMIT).default(50),
    cursor: z.string().max(600).optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) <= Date.parse(q.to), { message: 'from is after to', path: ['from'] })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.to) - Date.parse(q.from) <= ANALYSIS_SEARCH_MAX_DAYS * DAY_MS, { message: `the period is at most ${ANALYSIS_SEARCH_MAX_DAYS} days`, path: ['to'] }));
export type AnalysisSearchQuery = z.infer<typeof AnalysisSearchQuerySchema>;

const Threshold = (max: number) => z.number().finite().min(0).max(max);

/** `PUT /api/analytics/settings`: the tenant's rules, thresholds and alerts; `version` is the one the editor read. */
export const AnalyticsSettingsBodySchema = lazySchema(() => z.object({
  version: z.number().int().min(0),
  rules: z.array(AnalysisRuleSchema).max(ANALYTICS_SETTINGS_LIMITS.rules),
  thresholds: z.object({
    profanity: Threshold(100).int().min(1),
    escalation_request: Threshold(100).int().min(1),
    negativity: Threshold(100).int().min(1),
    remarks_to_agent: Threshold(100).int().min(1),
    exclamations: Threshold(100).int().min(1),
    fillerPer100Words: Threshold(100),
    fillerPerMinute: Threshold(60),
    agentInterruptions: Threshold(100).int().min(1),
    agentTalkSharePercent: Threshold(100),
    silenceMinSeconds: Threshold(600).min(1),
    silenceLongestSeconds: Threshold(3600).min(1),
    lowLoyaltyScore: Threshold(100).min(1),
  }).partial().strict().default({}),
  alerts: z.object({
    triggers: z.array(z.enum(CONVERSATION_ALERT_TRIGGERS)).max(CONVERSATION_ALERT_TRIGGERS.length),
    live: z.boolean(),
    recipients: z.array(AlertRecipientSchema).max(ANALYTICS_SETTINGS_LIMITS.recipients),
  }).strict(),
}).strict());
export type AnalyticsSettingsBody = z.infer<typeof AnalyticsSettingsBodySchema>;
