/** The contact API's request bodies: creating a contact and transferring one. */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { IdSchema } from '../limits/input.ts';
import { ChannelKindSchema } from '../channels/schema.ts';
import { SkillRequirementSchema } from '../routing/model.ts';
import { CallbackRequestSchema } from './model.ts';

/** A new contact through the API: any channel, or a callback with a phone and an optional preferred window. */
export const CreateContactSchema = lazySchema(() => z
  .object({
    /** Client-chosen id makes the call idempotent (a repeat answers 409). */
    contactId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
    queueId: IdSchema,
    channel: ChannelKindSchema,
    channelId: IdSchema.optional(), customerId: IdSchema.optional(), conversationId: IdSchema.optional(),
    priority: z.number().int().min(-100).max(100).default(0),
    requiredSkills: z.array(SkillRequirementSchema).default([]),
    menuChoice: z.string().min(1).max(100).optional(),
    callback: CallbackRequestSchema.optional(),
    /** A queued contact (the waiting caller) whose place this callback takes; it is closed in the same write. */
    replacesContactId: IdSchema.optional(),
    positionUpdates: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.channel === 'callback') !== (v.callback !== undefined)) ctx.addIssue({ code: 'custom', path: ['callback'], message: 'a callback contact needs `callback`, and only it may have one' });
    if (v.callback?.notBefore && v.callback.notAfter && Date.parse(v.callback.notAfter) <= Date.parse(v.callback.notBefore)) ctx.addIssue({ code: 'custom', path: ['callback', 'notAfter'], message: 'notAfter must be after notBefore' });
    if (v.replacesContactId && v.channel !== 'callback') ctx.addIssue({ code: 'custom', path: ['replacesContactId'], message: 'only a callback can take a waiting contact’s place' });
  }));
export type CreateContact = z.infer<typeof CreateContactSchema>;

/** Where a transfer goes: another queue, or a named agent (in the contact's queue unless `queueId` is given). */
export const TransferSchema = lazySchema(() => z.union([z.object({ agentId: IdSchema, queueId: IdSchema.optional() }).strict(), z.object({ queueId: IdSchema }).strict()]));
export type Transfer = z.infer<typeof TransferSchema>;
