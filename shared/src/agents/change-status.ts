import type { Agent, SetAgentStatus } from './model.ts';

/**
 * The agent's state after the agent (or a supervisor) sets a presence status. Setting the
 * status the agent already has keeps `statusSince`, so repeated clicks don't reset the timer.
 */
export function changeAgentStatus(agent: Agent, request: SetAgentStatus, now: Date): Agent {
  const breakReason = request.status === 'break' ? request.reason : undefined;
  if (agent.status === request.status && agent.breakReason === breakReason) return agent;
  return { ...agent, status: request.status, breakReason, statusSince: now.toISOString(), version: agent.version + 1 };
}
