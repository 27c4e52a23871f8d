import * as z from 'zod';
import type { Queue } from '../routing/model.ts';
import type { Contact } from './model.ts';

/** What a routing timer does when it fires. */
export const TimerKindSchema = z.enum(['offer-timeout', 'wrap-up-end', 'overflow', 'callback-window', 'queue-sweep']);
export type TimerKind = z.infer<typeof TimerKindSchema>;

/**
 * A one-shot routing timer. Firing is idempotent: the handler re-reads the contact and acts only if it is
 * still in the state (and version) the timer was armed for, so duplicates and stale timers do nothing.
 */
export const RoutingTimerSchema = z.object({
  /** Unique per armed state: the same state never arms two timers. */
  id: z.string().min(1),
  kind: TimerKindSchema,
  tenantId: z.string().min(1),
  contactId: z.string().optional(),
  queueId: z.string().optional(),
  /** The contact version it was armed for. */
  version: z.number().int().optional(),
  dueAt: z.iso.datetime({ offset: true }),
});
export type RoutingTimer = z.infer<typeof RoutingTimerSchema>;

const plus = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString();

function contactTimer(kind: TimerKind, contact: Contact, dueAt: string): RoutingTimer {
  const { tenantId, contactId, version, queueId } = contact;
  return { id: `${kind}:${tenantId}:${contactId}:${version}`, kind, tenantId, contactId, queueId, version, dueAt };
}

/**
 * The timers a contact needs in its current state: offer timeout while offered, the end of after-contact work,
 * the overflow deadline and the start of a callback's preferred window while queued. Derived from state alone,
 * so a restart can re-arm every timer from the table.
 */
export function timersFor(contact: Contact, queue: Queue): RoutingTimer[] {
  switch (contact.status) {
    case 'offered':
      return [contactTimer('offer-timeout', contact, plus(contact.statusSince, queue.offerTimeoutSeconds))];
    case 'after-contact-work':
      return [contactTimer('wrap-up-end', contact, plus(contact.statusSince, queue.afterContactWorkSeconds))];
    case 'queued': {
      const timers: RoutingTimer[] = [];
      if (queue.maxWaitSeconds !== undefined && queue.overflowQueueId !== undefined && queue.overflowQueueId !== queue.queueId) {
        timers.push(contactTimer('overflow', contact, plus(contact.enqueuedAt, queue.maxWaitSeconds)));
      }
      if (contact.callback?.notBefore !== undefined && Date.parse(contact.callback.notBefore) > Date.parse(contact.statusSince)) {
        timers.push(contactTimer('callback-window', contact, new Date(Date.parse(contact.callback.notBefore)).toISOString()));
      }
      return timers;
    }
    default:
      return [];
  }
}

/** A queue re-check at `dueAt` (a profile delay elapses, or a safety sweep); one per queue and second. */
export function sweepTimer(tenantId: string, queueId: string, dueAt: Date): RoutingTimer {
  const second = Math.ceil(dueAt.getTime() / 1000);
  return { id: `queue-sweep:${tenantId}:${queueId}:${second}`, kind: 'queue-sweep', tenantId, queueId, dueAt: new Date(second * 1000).toISOString() };
}
