/**
 * The QA API's bodies and queries. Whether the queues a form names exist, and whether an answer fits its parameter's
 * kind, need the table or the form: the routes and `evaluation.ts` check those.
 */
import * as z from 'zod';
import { ANALYSIS_CATEGORIES, CONVERSATION_SPEAKERS } from '../analytics/values.ts';
import { lazySchema } from '../lazy-schema.ts';
import { IdSchema } from '../limits/input.ts';
import { AGENT_REPORT_MAX_DAYS, QA_CHOICES, QA_LIMITS, QA_PARAMETER_KINDS, QA_SCALE } from './values.ts';

const NameSchema = () => z.string().trim().min(1, 'must not be empty').max(QA_LIMITS.nameMaxLength);
/** A parameter's id: the console makes them (`p1`…); no `:` so they read well in paths and logs. */
const ParameterIdSchema = () => z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, _ or -');

export const QaParameterSchema = lazySchema(() => z.object({
  parameterId: ParameterIdSchema(),
  name: NameSchema(),
  nameEn: NameSchema().optional(),
  kind: z.enum(QA_PARAMETER_KINDS),
  weight: z.number().int('A weight is a whole number').min(QA_LIMITS.weightMin, `A weight is ${QA_LIMITS.weightMin} to ${QA_LIMITS.weightMax}`).max(QA_LIMITS.weightMax, `A weight is ${QA_LIMITS.weightMin} to ${QA_LIMITS.weightMax}`),
  link: z.object({ category: z.enum(ANALYSIS_CATEGORIES), speaker: z.enum(CONVERSATION_SPEAKERS).optional() }).strict().optional(),
  script: z.literal(true).optional(),
}).strict().refine((p) => !(p.link && p.script), { path: ['script'], message: 'A parameter is answered from the analysis or from the script, not both' }));

/** `POST /api/qa/forms`, and `PUT /api/qa/forms/:formId` with the `version` it was edited from. */
export const QaFormBodySchema = lazySchema(() => z.object({
  name: NameSchema(),
  queueIds: z.array(IdSchema).min(1, 'A form applies to at least one queue').max(QA_LIMITS.queuesPerForm),
  parameters: z.array(QaParameterSchema)
    .min(1, 'A form has at least one parameter')
    .max(QA_LIMITS.parametersMax, `A form has at most ${QA_LIMITS.parametersMax} parameters`),
  version: z.number().int().min(1).optional(),
}).strict().superRefine((form, ctx) => {
  const seen = new Set<string>();
  form.parameters.forEach((parameter, index) => {
    if (seen.has(parameter.parameterId)) ctx.addIssue({ code: 'custom', path: ['parameters', index, 'parameterId'], message: `Parameter id "${parameter.parameterId}" is used twice` });
    seen.add(parameter.parameterId);
  });
  if (new Set(form.queueIds).size !== form.queueIds.length) ctx.addIssue({ code: 'custom', path: ['queueIds'], message: 'A queue is named twice' });
}));
export type QaFormBody = z.infer<typeof QaFormBodySchema>;

const AnswerValueSchema = () => z.union([z.enum(QA_CHOICES), z.literal('not_applicable'), z.literal(QA_SCALE)], { error: 'An answer is yes, partial, no, not_applicable or a mark 1–5' });

/** `POST /api/qa/evaluations`: every parameter of the form answered (or `not_applicable`). */
export const QaEvaluationBodySchema = lazySchema(() => z.object({
  contactId: IdSchema,
  formId: IdSchema,
  answers: z.array(z.object({
    parameterId: ParameterIdSchema(),
    answer: AnswerValueSchema(),
    note: z.string().trim().max(QA_LIMITS.noteMaxLength).optional(),
  }).strict()).min(1).max(QA_LIMITS.parametersMax),
  comment: z.string().trim().max(QA_LIMITS.commentMaxLength).optional(),
}).strict());
export type QaEvaluationBody = z.infer<typeof QaEvaluationBodySchema>;

/** `POST /api/qa/evaluations/:evaluationId/comments`. */
export const QaCommentBodySchema = lazySchema(() => z.object({
  text: z.string().trim().min(1, 'A comment is not empty').max(QA_LIMITS.commentMaxLength, `A comment is at most ${QA_LIMITS.commentMaxLength} characters`),
}).strict());

const DateSchema = () => z.iso.date({ error: 'must be a calendar day as YYYY-MM-DD, e.g. 2026-12-03' });

/** `GET /api/qa/evaluations`: by agent (an agent: themselves), over local days `from`–`to` (default: the last 30 days). */
export const QaEvaluationQuerySchema = lazySchema(() => z.object({
  agentId: IdSchema.optional(),
  from: DateSchema().optional(),
  to: DateSchema().optional(),
}).refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'from is after to', path: ['from'] }));
export type QaEvaluationQuery = z.infer<typeof QaEvaluationQuerySchema>;

/** Days from `from` to `to`, both counted (valid YYYY-MM-DD dates only). */
const daysCovered = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** `GET /api/qa/agents/:agentId/report`: local days `from`–`to`, both required, at most `AGENT_REPORT_MAX_DAYS`. */
export const AgentReportQuerySchema = lazySchema(() => z.object({
  from: DateSchema(),
  to: DateSchema(),
}).refine((q) => q.from <= q.to, { message: 'from is after to', path: ['from'] })
  .refine((q) => daysCovered(q.from, q.to) <= AGENT_REPORT_MAX_DAYS, { message: `A report covers at most ${AGENT_REPORT_MAX_DAYS} days`, path: ['to'] }));
export type AgentReportQuery = z.infer<typeof AgentReportQuerySchema>;

/** `GET /api/qa/sample`: a local day (default today) and optionally one queue. */
export const QaSampleQuerySchema = lazySchema(() => z.object({
  date: DateSchema().optional(),
  queueId: IdSchema.optional(),
}));

/** `GET /api/qa/contacts/:contactId/draft?formId=`. */
export const QaDraftQuerySchema = lazySchema(() => z.object({ formId: IdSchema }));

/** `PUT /api/qa/settings`. */
export const QaSettingsSchema = lazySchema(() => z.object({
  samplePerAgent: z.number().int().min(0).max(QA_LIMITS.samplePerAgentMax, `At most ${QA_LIMITS.samplePerAgentMax} a day per agent`),
}).strict());
