import type { Agent, SetAgentStatus } from './model.ts';
import type { AuditChange } from '../audit/record.ts';

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
  // The agent's own change ends whatever a supervisor had set (and said).
  const { statusSetBy: _previous, ...rest } = agent;
  return {
    ...rest,
    status,
    breakReason,
    statusSince: now.toISOString(),
    ...(becameIdle && { idleSince: now.toISOString() }),
    version: agent.version + 1,
  };
}

/**
 * A supervisor sets a colleague's status, saying why: the same change as the agent's own, signed with who and
 * why (`statusSetBy`, which the agent's console shows). Asking for the status the agent has changes nothing.
 */
export function changeAgentStatusFor(agent: Agent, request: SetAgentStatus, by: { userId: string; name: string; comment: string }, now: Date): Agent {
  const next = changeAgentStatus(agent, request, now);
  if (next === agent) return agent;
  return { ...next, statusSetBy: { userId: by.userId, name: by.name, comment: by.comment, at: next.statusSince } };
}

/** The audit entry of a supervisor's status change: the status before, and after with the reason given. */
export function statusChangeAudit(before: Agent, after: Agent): AuditChange {
  const shown = (agent: Agent) => ({ status: agent.status, ...(agent.breakReason && { breakReason: agent.breakReason }) });
  return { target: 'agent-status', targetId: after.agentId, action: 'updated', before: shown(before), after: { ...shown(after), ...(after.statusSetBy && { comment: after.statusSetBy.comment }) } };
}
