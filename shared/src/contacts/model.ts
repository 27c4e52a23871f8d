import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { RoutableContactSchema } from '../routing/model.ts';
import { ContactWrapUpSchema } from '../wrap-up/schema.ts';
import { MAX_SUPERVISION_ENTRIES, SUPERVISION_MODES, SURVEY_CHANNELS, type SupervisionEntry } from './values.ts';

/** One lifecycle step as stored on the contact (KPIs and the wallboard are built from these). */
export const TransitionRecordSchema = lazySchema(() => z.object({
  contactId: z.string(),
  from: z.string(),
  to: z.string(),
  at: z.string(),
  reason: z.string().optional(),
  agentId: z.string().optional(),
}));
export type TransitionRecord = z.infer<typeof TransitionRecordSchema>;

/** A callback request: the number to dial and, optionally, when the customer wants the call. */
export const CallbackRequestSchema = lazySchema(() => z.object({
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 phone number'),
  notBefore: z.iso.datetime({ offset: true }).optional(),
  notAfter: z.iso.datetime({ offset: true }).optional(),
  note: z.string().max(500).optional(),
}));
export type CallbackRequest = z.infer<typeof CallbackRequestSchema>;

/** Where a stored recording lives (an S3 key in AWS, a file under `.data/` locally) and how long it is. */
export const RecordingRefSchema = lazySchema(() => z.object({ location: z.string().min(1), durationSeconds: z.number().nonnegative().optional() }));

/** The phone call behind a voice contact: the provider's call id and the numbers. */
export const ContactCallSchema = lazySchema(() => z.object({
  callId: z.string().min(1),
  /** Our number the call came in on (or was placed from). */
  number: z.string(),
  /** The customer's number. */
  customer: z.string(),
  recording: RecordingRefSchema.optional(),
}));

/**
 * The survey answer after a call or chat: the CSI `score` 1–5 and the NPS `nps` 0–10, either missing when only one
 * was asked or answered (items stored before NPS have `score` alone). `answeredAt` is the first answer, `npsAnsweredAt`
 * the NPS one when it came later; `ref` is the customer's message that gave the first answer, so a redelivery is known.
 */
export const SurveyAnswerSchema = lazySchema(() => z.object({
  score: z.number().int().min(1).max(5).optional(),
  nps: z.number().int().min(0).max(10).optional(),
  answeredAt: z.iso.datetime({ offset: true }),
  npsAnsweredAt: z.iso.datetime({ offset: true }).optional(),
  via: z.enum(SURVEY_CHANNELS),
  ref: z.string().optional(),
  npsRef: z.string().optional(),
}).refine((answer) => answer.score !== undefined || answer.nps !== undefined, { message: 'a survey answer has a score, an NPS or both' }));
export type SurveyAnswer = z.infer<typeof SurveyAnswerSchema>;

/**
 * The survey put to the customer (once per contact): when, how, whether the NPS question follows the CSI one and,
 * for chats, until when a reply counts as an answer (later replies are ordinary messages).
 */
export const SurveyRequestSchema = lazySchema(() => z.object({
  sentAt: z.iso.datetime({ offset: true }),
  via: z.enum(SURVEY_CHANNELS),
  nps: z.boolean(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
}));
export type SurveyRequest = z.infer<typeof SurveyRequestSchema>;

/** How an outbound dial of a callback ended, newest last (retry rules read these). */
export const DialAttemptSchema = lazySchema(() => z.object({ at: z.iso.datetime({ offset: true }), result: z.enum(['answered', 'busy', 'no-answer', 'failed']), callId: z.string().optional() }));
export type DialAttempt = z.infer<typeof DialAttemptSchema>;

/** One supervisor's stretch of listening, whispering or barging (rules in `values.ts`). */
export const SupervisionEntrySchema = lazySchema((): z.ZodType<SupervisionEntry> => z.object({
  userId: z.string().min(1),
  name: z.string().max(200),
  role: z.enum(SUPERVISION_MODES),
  since: z.iso.datetime({ offset: true }),
  until: z.iso.datetime({ offset: true }).optional(),
}));

/**
 * A call's hold periods (the hold-time KPI): `since` while the customer is on hold now, the total of the periods
 * already over, and how many there were. Absent until the first hold.
 */
export const CallHoldSchema = lazySchema(() => z.object({
  since: z.iso.datetime({ offset: true }).optional(),
  totalSeconds: z.number().nonnegative(),
  count: z.number().int().nonnegative(),
}));
export type CallHold = z.infer<typeof CallHoldSchema>;

/**
 * A contact: one customer interaction on any channel, in one queue, routed by one algorithm.
 * It is the routing view plus where it came from and its recorded lifecycle.
 */
export const ContactSchema = lazySchema(() => RoutableContactSchema.extend({
  tenantId: z.string().min(1),
  /** The channel instance (messenger bot, widget, phone number) it arrived on. */
  channelId: z.string().optional(),
  customerId: z.string().optional(),
  /** The provider conversation (chat) the contact belongs to, for messengers. */
  conversationId: z.string().optional(),
  /** The closed contact this one continues (a message after the previous contact closed). */
  previousContactId: z.string().optional(),
  callback: CallbackRequestSchema.optional(),
  /** A transfer to a named agent: only this agent is offered the contact (until it misses it). */
  targetAgentId: z.string().optional(),
  /** The customer asked to be told their place in the queue as it changes. */
  positionUpdates: z.boolean().optional(),
  /** A phone call's contact: the call behind it. */
  call: ContactCallSchema.optional(),
  /** A voicemail the caller left: the contact is the callback that answers it. */
  voicemail: RecordingRefSchema.optional(),
  /** The survey sent after the conversation (metrics count it as sent), and the customer's answer. */
  surveyRequest: SurveyRequestSchema.optional(),
  survey: SurveyAnswerSchema.optional(),
  /** A call's holds by its agent (any voice kind, so a callback without a provider call yet has one too). */
  hold: CallHoldSchema.optional(),
  dialAttempts: z.array(DialAttemptSchema).optional(),
  /** A callback's dial claimed for the connected version `forVersion`: a redelivered request finds it and dials no second time. */
  /** Supervisors who listened to, whispered in or barged into the call, oldest first (a bounded list). */
  supervision: z.array(SupervisionEntrySchema).max(MAX_SUPERVISION_ENTRIES).optional(),
  dialing: z.object({ forVersion: z.number().int(), at: z.iso.datetime({ offset: true }) }).optional(),
  /** What the agent recorded when completing after-contact work (topics, disposition, note). */
  wrapUp: ContactWrapUpSchema.optional(),
  createdAt: z.iso.datetime({ offset: true }),
  /** Every lifecycle step, oldest first. */
  history: z.array(TransitionRecordSchema).default([]),
  /** Optimistic-concurrency version; every write is conditional on it. */
  version: z.number().int().nonnegative(),
}));
export type Contact = z.infer<typeof ContactSchema>;

