import { z } from 'zod';

/** Agent presence states; `busy` and `after-contact-work` are set by routing, the rest by the agent. */
export const AgentStatusSchema = z.enum(['available', 'busy', 'after-contact-work', 'break', 'offline']);
export type AgentStatus = z.infer<typeof AgentStatusSchema>;

/** Reason codes for a break, shown on the wallboard and counted in KPIs. */
export const BreakReasonSchema = z.enum(['lunch', 'training', 'meeting', 'technical', 'personal']);
export type BreakReason = z.infer<typeof BreakReasonSchema>;

/** What an agent may set from the console; routing-owned states are not accepted here. */
export const SetAgentStatusSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('available') }),
  z.object({ status: z.literal('offline') }),
  z.object({ status: z.literal('break'), reason: BreakReasonSchema }),
]);
export type SetAgentStatus = z.infer<typeof SetAgentStatusSchema>;

export const SkillSchema = z.object({ skill: z.string().min(1), level: z.number().int().min(1).max(10) });
export type Skill = z.infer<typeof SkillSchema>;

/** Live agent state kept in the table and pushed to supervisors. */
export const AgentSchema = z.object({
  tenantId: z.string(),
  agentId: z.string(),
  name: z.string(),
  status: AgentStatusSchema,
  breakReason: BreakReasonSchema.optional(),
  statusSince: z.string(),
  skills: z.array(SkillSchema),
  queueIds: z.array(z.string()),
  version: z.number().int().nonnegative(),
});
export type Agent = z.infer<typeof AgentSchema>;
