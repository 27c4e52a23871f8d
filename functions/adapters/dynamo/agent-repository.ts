import type { Agent } from '@cc/shared/agents/model';
import type { AgentRepository } from '@cc/shared/agents/ports';
import { keys } from '@cc/shared/db/keys';
import type { DynamoTable } from './table.ts';

/** Agents in the single table, one item per agent under the tenant's agent partition. */
export class DynamoAgentRepository implements AgentRepository {
  constructor(private readonly table: DynamoTable) {}

  get(tenantId: string, agentId: string) {
    return this.table.get<Agent>(keys.agent(tenantId, agentId));
  }

  list(tenantId: string) {
    return this.table.queryAll<Agent>(keys.agentsOfTenant(tenantId));
  }

  put(agent: Agent) {
    return this.table.put('agent', { ...agent, ...keys.agent(agent.tenantId, agent.agentId) });
  }

  save(agent: Agent, expectedVersion: number) {
    return this.table.put('agent', { ...agent, ...keys.agent(agent.tenantId, agent.agentId) }, {
      expression: '#version = :expected',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': expectedVersion },
    });
  }
}
