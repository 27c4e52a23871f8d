import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { IdSchema } from '../limits/input.ts';
import { DISPOSITIONS, WRAP_UP_LIMITS, type ContactWrapUp, type Topic } from './values.ts';

/** A topic's name: trimmed, not empty. */
const TopicNameSchema = lazySchema(() => z.string().trim().min(1).max(WRAP_UP_LIMITS.topicNameMaxLength));

/** A topic as stored (under its tenant). */
export const TopicSchema = lazySchema((): z.ZodType<Topic & { tenantId: string; createdAt: string; updatedAt: string }> => z.object({
  tenantId: z.string().min(1),
  topicId: z.string().min(1),
  name: z.string(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
}));
export type StoredTopic = z.infer<typeof TopicSchema>;

/** `POST /api/topics`. */
export const CreateTopicSchema = lazySchema(() => z.object({ name: TopicNameSchema }).strict());
/** `PATCH /api/topics/:topicId`: rename or archive (and restore). */
export const PatchTopicSchema = lazySchema(() => z.object({ name: TopicNameSchema.optional(), archived: z.boolean().optional() }).strict()
  .refine((p) => p.name !== undefined || p.archived !== undefined, 'name or archived'));

export const DispositionSchema = lazySchema(() => z.enum(DISPOSITIONS));

/** `POST /api/contacts/:contactId/complete`; an empty body (older callers) means no topics. Whether the topics fit is `wrapUpProblem`. */
export const CompleteContactSchema = lazySchema(() => z.object({
  topics: z.array(IdSchema).max(WRAP_UP_LIMITS.maxTopics).default([]),
  disposition: DispositionSchema.optional(),
  note: z.string().max(WRAP_UP_LIMITS.noteMaxLength).optional(),
}).strict());
export type CompleteContact = z.infer<typeof CompleteContactSchema>;

/** The wrap-up stored on a completed contact. */
export const ContactWrapUpSchema = lazySchema((): z.ZodType<ContactWrapUp> => z.object({
  topics: z.array(z.object({ topicId: z.string(), name: z.string() })),
  disposition: DispositionSchema.optional(),
  note: z.string().optional(),
  agentId: z.string(),
  completedAt: z.string(),
}));
