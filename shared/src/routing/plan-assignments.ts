import { mediaOf } from '../channels/catalog.ts';
import type { Queue, RoutableContact, RoutingAgent } from './model.ts';
import { rankAgentsForContact } from './rank-agents.ts';
import { orderQueuedContacts } from './rank-contacts.ts';

/** One planned offer; `agentVersion` is the version read, for the conditional write (an agent may appear twice). */
export interface Assignment {
  contactId: string;
  queueId: string;
  agentId: string;
  agentVersion: number;
}

/**
 * Greedy batch matcher: takes queued contacts in queue order (effective priority, enqueue time, id) and gives each
 * the best-ranked agent, counting earlier picks against that agent's capacity; never exceeds any capacity.
 */
export function planAssignments(
  waitingContacts: readonly RoutableContact[],
  agents: readonly RoutingAgent[],
  queues: readonly Queue[],
  now: Date,
): Assignment[] {
  const queuesById = new Map(queues.map((q) => [q.queueId, q]));
  const pool = [...agents];
  const slot = new Map(pool.map((a, i) => [a.agentId, i]));
  const plan: Assignment[] = [];
  for (const contact of orderQueuedContacts(waitingContacts, queuesById, now)) {
    const best = rankAgentsForContact(contact, pool, queuesById.get(contact.queueId)!, now)[0];
    if (best === undefined) continue;
    const index = slot.get(best.agentId)!;
    const { contactId, queueId } = contact;
    plan.push({ contactId, queueId, agentId: best.agentId, agentVersion: agents[index]!.version });
    const kind = mediaOf(contact.channel);
    pool[index] = { ...best, status: 'busy', load: { ...best.load, [kind]: best.load[kind] + 1 } };
  }
  return plan;
}
