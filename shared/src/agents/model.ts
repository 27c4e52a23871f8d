import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { AGENT_STATUSES, BREAK_REASONS } from './values.ts';

export type { AgentStatus, BreakReason } from './values.ts';

/** Agent presence states; `busy` and `after-contact-work` are set by routing, the rest by the agent. */
export const AgentStatusSchema = lazySchema(() => z.enum(AGENT_STATUSES));

/** Reason codes for a break, shown on the wallboard and counted in KPIs. */
export const BreakReasonSchema = lazySchema(() => z.enum(BREAK_REASONS));

/** What an agent may set from the console; routing-owned states are not accepted here. */
export const SetAgentStatusSchema = lazySchema(() => z.discriminatedUnion('status', [
  z.object({ status: z.literal('available') }),
  z.object({ status: z.literal('offline') }),
  z.object({ status: z.literal('break'), reason: BreakReasonSchema }),
]));
export type SetAgentStatus = z.infer<typeof SetAgentStatusSchema>;

/** Why a supervisor changes a colleague's status: required, kept in the audit log and shown to the agent. */
export const StatusChangeCommentSchema = lazySchema(() => z.object({
  comment: z.string({ error: 'comment is required: say why you change a colleague’s status' }).trim().min(1, 'comment is required: say why you change a colleague’s status').max(500),
}));

/** A supervisor's request for a colleague's status: the status, and why. */
export const SetColleagueStatusSchema = lazySchema(() => z.intersection(SetAgentStatusSchema, StatusChangeCommentSchema));
export type SetColleagueStatus = z.infer<typeof SetColleagueStatusSchema>;

/** Who set the current status for the agent, and why (absent when the agent set it, or routing did). */
export const StatusSetBySchema = lazySchema(() => z.object({ userId: z.string(), name: z.string(), comment: z.string(), at: z.string() }));
export type StatusSetBy = z.infer<typeof StatusSetBySchema>;

export const SkillSchema = lazySchema(() => z.object({ skill: z.string().min(1), level: z.number().int().min(1).max(10) }));
export type Skill = z.infer<typeof SkillSchema>;

/** Live agent state kept in the table and pushed to supervisors. */
export const AgentSchema = lazySchema(() => z.object({
  tenantId: z.string(),
  agentId: z.string(),
  name: z.string(),
  status: AgentStatusSchema,
  breakReason: BreakReasonSchema.optional(),
  statusSince: z.string(),
  /** A supervisor set this status: who and why; current only while `at` equals `statusSince`. */
  statusSetBy: StatusSetBySchema.optional(),
  skills: z.array(SkillSchema),
  /** Queues the agent serves, as the console shows them; routing reads `profile` and falls back to these. */
  queueIds: z.array(z.string()),
  version: z.number().int().nonnegative(),
  // Routing fields (optional on the record; `toRoutingAgent` fills the defaults).
  /** Simultaneous contacts by media class, e.g. 1 call or up to 3 chats. */
  capacity: z.object({ voice: z.number().int().nonnegative(), chat: z.number().int().nonnegative() }).optional(),
  /** True (default): a call and chats are never held together. */
  voiceBlocksChats: z.boolean().optional(),
  /** Contacts held now (offered, connected or in after-contact work), by media class; written only by routing. */
  load: z.object({ voice: z.number().int().nonnegative(), chat: z.number().int().nonnegative() }).optional(),
  /** How many of the held contacts are in after-contact work; written only by routing. */
  wrapping: z.number().int().nonnegative().optional(),
  /** Queues served with a priority bonus and an optional delay; absent → `queueIds` with no bonus or delay. */
  profile: z.array(z.object({ queueId: z.string().min(1), priority: z.number().int().default(0), delaySeconds: z.number().int().nonnegative().default(0) })).optional(),
  /** When the agent last became idle (longest idle is offered first); absent → `statusSince`. */
  idleSince: z.string().optional(),
  /** Offers the agent rejected or let time out (counted for KPIs). */
  missedOffers: z.number().int().nonnegative().optional(),
}));
export type Agent = z.infer<typeof AgentSchema>;
