import { timersFor, sweepTimer, visitorCheckTimer } from '@cc/shared/contacts/timers';
import { QueueSchema } from '@cc/shared/routing/index';
import { visitorGoneAt, type HeartbeatRule } from '@cc/shared/widget/heartbeat';
import type { Deps } from '../composition/deps.ts';

/**
 * Re-arms every timer the table's state calls for (local start-up: in-process timers die with the process), plus a
 * sweep of each queue with waiting contacts so contacts queued while nothing ran are routed, and the visitor check
 * of each waiting call from the site, a heartbeat window from now (its page beats again meanwhile). @returns timers armed
 */
export async function rearmTimers(deps: Pick<Deps, 'routing' | 'queues' | 'timers' | 'clock'>, heartbeat: HeartbeatRule): Promise<number> {
  const contacts = await deps.routing.listOpenContacts();
  const queues = new Map<string, ReturnType<typeof QueueSchema.parse> | undefined>();
  let armed = 0;
  const sweeps = new Set<string>();
  for (const contact of contacts) {
    const key = `${contact.tenantId}/${contact.queueId}`;
    if (!queues.has(key)) {
      const stored = await deps.queues.get(contact.tenantId, contact.queueId);
      queues.set(key, stored && QueueSchema.parse(stored));
    }
    if (contact.channel === 'webcall' && contact.status !== 'after-contact-work') {
      await deps.timers.schedule(visitorCheckTimer(contact.tenantId, contact.contactId, visitorGoneAt(deps.clock.now().toISOString(), heartbeat)));
      armed += 1;
    }
    const queue = queues.get(key);
    if (!queue) continue;
    for (const timer of timersFor(contact, queue)) {
      await deps.timers.schedule(timer);
      armed += 1;
    }
    if (contact.status === 'queued' && !sweeps.has(key)) {
      sweeps.add(key);
      await deps.timers.schedule(sweepTimer(contact.tenantId, contact.queueId, deps.clock.now()));
      armed += 1;
    }
  }
  return armed;
}
