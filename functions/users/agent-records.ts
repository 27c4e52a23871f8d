import type { Agent } from '@cc/shared/agents/model';
import type { AgentRepository } from '@cc/shared/agents/ports';
import { ConflictError, NotFoundError } from '@cc/shared/errors';

/**
 * Applies `change` to the stored agent with optimistic concurrency: routing may change the same agent at the same
 * moment, so a lost race re-reads and tries again (five times). `change` answering the agent itself writes nothing.
 * @throws NotFoundError when the agent does not exist; ConflictError after five lost races.
 */
export async function changeAgent(deps: { agents: AgentRepository }, tenantId: string, agentId: string, change: (agent: Agent) => Agent): Promise<Agent> {
  for (let attempt = 0; ; attempt++) {
    const agent = await deps.agents.get(tenantId, agentId);
    if (!agent) throw new NotFoundError('Agent', agentId);
    const next = change(agent);
    if (next === agent) return agent;
    try {
      await deps.agents.save(next, agent.version);
      return next;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 4) throw error;
    }
  }
}
