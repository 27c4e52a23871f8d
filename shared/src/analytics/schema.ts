/**
 * The analytics API's bodies: a conversation to analyse (`POST /api/analytics/preview`) and the rules a tenant
 * tries or keeps. Bounded so one request is at most a long call's transcript.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { IdSchema } from '../limits/input.ts';
import { phraseProblem, RULE_LIMITS } from './rules.ts';
import { ANALYSIS_LANGUAGES, LEXICAL_CATEGORIES } from './values.ts';

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
