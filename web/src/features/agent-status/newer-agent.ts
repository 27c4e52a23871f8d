import type { Agent } from '@cc/shared/agents/model';

/** The fresher of two copies of one agent: the higher `version`, the incoming one on a tie. */
export function newerAgent(current: Agent | undefined, incoming: Agent): Agent {
  return current && current.version > incoming.version ? current : incoming;
}
