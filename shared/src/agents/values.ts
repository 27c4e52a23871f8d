// Zod-free value lists the agent schemas build on, so the console can import them without zod.

/** Agent presence states, in the order the console lists them; `busy` and `after-contact-work` are set by routing, the rest by the agent. */
export const AGENT_STATUSES = ['available', 'busy', 'after-contact-work', 'break', 'offline'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/** Reason codes for a break, shown on the wallboard and counted in KPIs. */
export const BREAK_REASONS = ['lunch', 'training', 'meeting', 'technical', 'personal'] as const;
export type BreakReason = (typeof BREAK_REASONS)[number];
