import type { Agent } from './model.ts';

/** Live agent state. */
export interface AgentRepository {
  get(tenantId: string, agentId: string): Promise<Agent | undefined>;
  list(tenantId: string): Promise<Agent[]>;
  /** Creates or replaces an agent (seeding, administration). */
  put(agent: Agent): Promise<void>;
  /**
   * Saves a changed agent if nobody else changed it since `expectedVersion` was read.
   * @throws ConflictError when the version moved on.
   */
  save(agent: Agent, expectedVersion: number): Promise<void>;
}
