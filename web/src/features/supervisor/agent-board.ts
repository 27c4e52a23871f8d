import type { Agent, AgentStatus } from '@cc/shared/agents/model';
import { AGENT_STATUSES } from '@cc/shared/agents/values';
import { newerAgent } from '../agent-status/newer-agent.ts';

/** The supervisor's live view of agents, keyed by `agentId`. */
export type AgentBoard = ReadonlyMap<string, Agent>;

/** The board after a push: the agent is added, or replaced unless the board already holds a newer version. */
export function applyAgentUpdate(board: AgentBoard, agent: Agent): AgentBoard {
  const current = board.get(agent.agentId);
  const next = newerAgent(current, agent);
  if (next === current) return board;
  return new Map(board).set(agent.agentId, next);
}

/**
 * The board after a full reload: exactly the listed agents, except that a copy already on the board
 * with a higher version (a push that overtook the list) is kept.
 */
export function applyAgentList(board: AgentBoard, agents: readonly Agent[]): AgentBoard {
  return new Map(agents.map((agent) => [agent.agentId, newerAgent(board.get(agent.agentId), agent)]));
}

/** How many agents are in each status; every status is present, zero when nobody is in it. */
export function countByStatus(agents: Iterable<Agent>): Record<AgentStatus, number> {
  const counts = Object.fromEntries(AGENT_STATUSES.map((status) => [status, 0])) as Record<AgentStatus, number>;
  for (const agent of agents) counts[agent.status] += 1;
  return counts;
}

/** Display order: by status (available first, offline last), then by name in the user's collation. */
export function sortAgents(agents: Iterable<Agent>, collator: Intl.Collator): Agent[] {
  const rank = (status: AgentStatus) => AGENT_STATUSES.indexOf(status);
  return [...agents].sort((a, b) => rank(a.status) - rank(b.status) || collator.compare(a.name, b.name));
}

/** Agents matching a status filter (undefined = all) and a case-insensitive name search. */
export function filterAgents(agents: readonly Agent[], status: AgentStatus | undefined, search: string): Agent[] {
  const needle = search.trim().toLocaleLowerCase();
  return agents.filter((agent) => (!status || agent.status === status) && (!needle || agent.name.toLocaleLowerCase().includes(needle)));
}
