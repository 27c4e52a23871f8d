import { MEDIA_CLASSES, mediaOf, type MediaClass } from '../channels/catalog.ts';
import type { Queue, RoutableContact, RoutingAgent } from './model.ts';
import { hasFreeCapacity } from './rank-agents.ts';
import { orderQueuedContacts } from './rank-contacts.ts';

/** A waiting contact's place; the UI formats it ("Вы третий в очереди, ~2 мин"). */
export interface QueuePosition {
  contactId: string;
  /** 1-based, over all queued contacts of the queue. */
  position: number;
  /** `null` when unknown: nobody staffed for its channel kind, or no handle times yet. */
  estimatedWaitSeconds: number | null;
}

/**
 * Position and estimated wait of each queued contact of `queue`, in queue order. The estimate, per channel kind:
 * with `n` the contact's place among contacts of its kind, `free` the open slots of agents who can take work now and
 * `slots` the total capacity of staffed agents (available, busy or in after-contact work) serving the queue,
 * wait = 0 if n ≤ free, else ⌈(n − free) × average handle time ÷ slots⌉.
 * Skills and profile delays are ignored: it is an estimate for the customer, not a routing decision.
 */
export function estimateQueuePositions(
  waitingContacts: readonly RoutableContact[],
  queue: Queue,
  agents: readonly RoutingAgent[],
  recentHandleTimesSeconds: readonly number[],
  now: Date,
): QueuePosition[] {
  const slots = { voice: 0, chat: 0 };
  const free = { voice: 0, chat: 0 };
  for (const agent of agents) {
    if (agent.status === 'break' || agent.status === 'offline') continue;
    if (!agent.profile.some((p) => p.queueId === queue.queueId)) continue;
    for (const kind of MEDIA_CLASSES) {
      slots[kind] += agent.capacity[kind];
      if (agent.status !== 'after-contact-work' && hasFreeCapacity(agent, kind)) {
        free[kind] += agent.capacity[kind] - agent.load[kind];
      }
    }
  }
  const handle = average(recentHandleTimesSeconds);
  const seen: Record<MediaClass, number> = { voice: 0, chat: 0 };
  const ordered = orderQueuedContacts(
    waitingContacts.filter((c) => c.queueId === queue.queueId),
    new Map([[queue.queueId, queue]]),
    now,
  );
  return ordered.map((contact, index) => {
    const kind = mediaOf(contact.channel);
    const n = ++seen[kind];
    let estimatedWaitSeconds: number | null = null;
    if (n <= free[kind]) estimatedWaitSeconds = 0;
    else if (slots[kind] > 0 && handle !== null) {
      estimatedWaitSeconds = Math.ceil(((n - free[kind]) * handle) / slots[kind]);
    }
    return { contactId: contact.contactId, position: index + 1, estimatedWaitSeconds };
  });
}

function average(values: readonly number[]): number | null {
  const usable = values.filter((v) => Number.isFinite(v) && v > 0);
  return usable.length === 0 ? null : usable.reduce((sum, v) => sum + v, 0) / usable.length;
}
