import type { Agent, SetAgentStatus } from './model.ts';

/**
 * The agent's state after the agent (or a supervisor) sets a presence status. Setting the
 * status the agent already has keeps `statusSince`, so repeated clicks don't reset the timer.
 * `available` while still holding contacts becomes `busy` (routing owns `busy`); becoming idle
 * restarts `idleSince`, so the longest-idle rule counts from the moment the agent is ready.
 */
export function changeAgentStatus(agent: Agent, request: SetAgentStatus, now: Date): Agent {
  const breakReason = request.status === 'break' ? request.reason : undefined;
  const holding = (agent.load?.voice ?? 0) + (agent.load?.chat ?? 0);
  const status = request.status === 'available' && holding > 0 ? (agent.wrapping === holding ? 'after-contact-work' : 'busy') : request.status;
  if (agent.status === status && agent.breakReason === breakReason) return agent;
  const becameIdle = status === 'available' && agent.status !== 'available';
  return {
    ...agent,
    status,
    breakReason,
    statusSince: now.toISOString(),
    ...(becameIdle && { idleSince: now.toISOString() }),
    version: agent.version + 1,
  };
}
