import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { IdSchema } from '../limits/input.ts';
import { QUICK_REPLY_LIMITS, type QuickReply } from './values.ts';

/** A quick reply as stored (under its tenant). */
export type StoredQuickReply = QuickReply & { tenantId: string; createdAt: string; updatedAt: string };

const TitleSchema = lazySchema(() => z.string().trim().min(1).max(QUICK_REPLY_LIMITS.titleMaxLength));
const TextSchema = lazySchema(() => z.string().trim().min(1).max(QUICK_REPLY_LIMITS.textMaxLength));

/** `POST /api/quick-replies`: without `queueId` the reply is for the whole tenant. */
export const CreateQuickReplySchema = lazySchema(() => z.object({ title: TitleSchema, text: TextSchema, queueId: IdSchema.optional() }).strict());
/** `PATCH /api/quick-replies/:id`: `queueId: null` makes it tenant-wide. */
export const PatchQuickReplySchema = lazySchema(() => z.object({ title: TitleSchema.optional(), text: TextSchema.optional(), queueId: IdSchema.nullable().optional() }).strict()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change'));
