import type { Queue, RoutableContact, RoutingAgent } from './model.ts';
import { gapIfEligible, requiredSkillsFor, waitedSeconds } from './rank-agents.ts';

/**
 * Effective priority: queue priority + profile bonus + contact bonus + `ageingPerMinute` × minutes waited.
 * Ageing is positive, so any contact eventually outranks every newer one.
 */
export function effectivePriority(contact: RoutableContact, queue: Queue, now: Date, profilePriority = 0): number {
  const ageing = (queue.ageingPerMinute * waitedSeconds(contact, now)) / 60;
  return queue.priority + profilePriority + contact.priority + ageing;
}

/** A contact with its sort keys. @internal */
export interface ScoredContact {
  contact: RoutableContact;
  priority: number;
  enqueuedMs: number;
}

/** Total order on scored contacts: higher priority, then earlier enqueue, then `contactId`. @internal */
export function compareScored(a: ScoredContact, b: ScoredContact): number {
  return (
    b.priority - a.priority ||
    a.enqueuedMs - b.enqueuedMs ||
    (a.contact.contactId < b.contact.contactId ? -1 : a.contact.contactId > b.contact.contactId ? 1 : 0)
  );
}

/**
 * Queued contacts the agent may take now, best first by effective priority (with the agent's per-queue bonus),
 * then enqueue time, then `contactId`. Contacts of queues missing from `queuesById` are skipped.
 */
export function rankContactsForAgent(
  agent: RoutingAgent,
  waitingContacts: readonly RoutableContact[],
  queuesById: ReadonlyMap<string, Queue>,
  now: Date,
): RoutableContact[] {
  const scored: ScoredContact[] = [];
  for (const contact of waitingContacts) {
    if (contact.status !== 'queued') continue;
    const queue = queuesById.get(contact.queueId);
    const entry = agent.profile.find((p) => p.queueId === contact.queueId);
    if (queue === undefined || entry === undefined) continue;
    const gap = gapIfEligible(agent, contact, requiredSkillsFor(contact, queue), waitedSeconds(contact, now));
    if (gap === undefined) continue;
    scored.push({
      contact,
      priority: effectivePriority(contact, queue, now, entry.priority),
      enqueuedMs: Date.parse(contact.enqueuedAt),
    });
  }
  return scored.sort(compareScored).map((s) => s.contact);
}

/** The queue's own order of its queued contacts (no agent bonus): what position and overflow see. */
export function orderQueuedContacts(
  contacts: readonly RoutableContact[],
  queuesById: ReadonlyMap<string, Queue>,
  now: Date,
): RoutableContact[] {
  const scored: ScoredContact[] = [];
  for (const contact of contacts) {
    const queue = queuesById.get(contact.queueId);
    if (contact.status !== 'queued' || queue === undefined) continue;
    const priority = effectivePriority(contact, queue, now);
    scored.push({ contact, priority, enqueuedMs: Date.parse(contact.enqueuedAt) });
  }
  return scored.sort(compareScored).map((s) => s.contact);
}
