import type { Agent } from '../agents/model.ts';
import type { MediaClass } from '../channels/catalog.ts';
import type { NotReadyStatus, RoutingAgent } from '../routing/model.ts';

/** Defaults for agents stored before routing fields existed: 1 call or 3 chats, never together. */
export const DEFAULT_CAPACITY = { voice: 1, chat: 3 } as const;

/** The agent as the routing decisions see it, with every optional routing field filled in. */
export function toRoutingAgent(agent: Agent): RoutingAgent {
  return {
    agentId: agent.agentId,
    status: agent.status,
    ...(agent.breakReason !== undefined && { breakReason: agent.breakReason }),
    skills: agent.skills,
    capacity: agent.capacity ?? { ...DEFAULT_CAPACITY },
    voiceBlocksChats: agent.voiceBlocksChats ?? true,
    load: agent.load ?? { voice: 0, chat: 0 },
    profile: agent.profile ?? agent.queueIds.map((queueId) => ({ queueId, priority: 0, delaySeconds: 0 })),
    idleSince: agent.idleSince ?? agent.statusSince,
    version: agent.version,
  };
}

/** Whether routing may offer the agent work at all (presence only; capacity is checked per kind). */
export const isRoutable = (agent: Pick<Agent, 'status'>) => agent.status === 'available' || agent.status === 'busy';

/** Routing-owned presence from the load: idle → available, only wrap-ups → after-contact-work, else busy. */
function derivedStatus(agent: Agent, load: { voice: number; chat: number }, wrapping: number): Agent['status'] {
  if (agent.status === 'break' || agent.status === 'offline') return agent.status;
  const holding = load.voice + load.chat;
  if (holding === 0) return 'available';
  return wrapping >= holding ? 'after-contact-work' : 'busy';
}

function withStatus(agent: Agent, next: Omit<Agent, 'version'>, now: Date): Agent {
  const changed = next.status !== agent.status || next.breakReason !== agent.breakReason;
  const at = now.toISOString();
  return {
    ...next,
    ...(changed && { statusSince: at }),
    ...(changed && next.status === 'available' && { idleSince: at }),
    version: agent.version + 1,
  };
}

/** The agent after taking one more contact of `kind` (an offer holds the slot until it is missed or closed). */
export function holdSlot(agent: Agent, kind: MediaClass, now: Date): Agent {
  const load = { ...(agent.load ?? { voice: 0, chat: 0 }) };
  load[kind] += 1;
  const wrapping = agent.wrapping ?? 0;
  return withStatus(agent, { ...agent, load, wrapping, status: derivedStatus(agent, load, wrapping) }, now);
}

/** The agent after one held contact entered after-contact work (the slot stays held until it closes). */
export function startWrapUp(agent: Agent, now: Date): Agent {
  const load = agent.load ?? { voice: 0, chat: 0 };
  const wrapping = (agent.wrapping ?? 0) + 1;
  return withStatus(agent, { ...agent, load, wrapping, status: derivedStatus(agent, load, wrapping) }, now);
}

/**
 * The agent after giving back a slot of `kind`: the contact was missed, closed or transferred away.
 * `wasWrapping` when it was in after-contact work; `notReady` puts the agent on a break or offline (missed offer).
 */
export function releaseSlot(agent: Agent, kind: MediaClass, now: Date, options: { wasWrapping?: boolean; notReady?: NotReadyStatus; missed?: boolean } = {}): Agent {
  const load = { ...(agent.load ?? { voice: 0, chat: 0 }) };
  load[kind] = Math.max(0, load[kind] - 1);
  const wrapping = Math.max(0, (agent.wrapping ?? 0) - (options.wasWrapping ? 1 : 0));
  const base: Omit<Agent, 'version'> = { ...agent, load, wrapping, ...(options.missed && { missedOffers: (agent.missedOffers ?? 0) + 1 }) };
  if (options.notReady) {
    const { status } = options.notReady;
    return withStatus(agent, { ...base, status, breakReason: options.notReady.status === 'break' ? options.notReady.reason : undefined }, now);
  }
  return withStatus(agent, { ...base, status: derivedStatus(agent, load, wrapping) }, now);
}
