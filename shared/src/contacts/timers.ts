import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import type { Queue } from '../routing/model.ts';
import type { Contact } from './model.ts';

/** What a routing timer does when it fires. */
export const TimerKindSchema = lazySchema(() => z.enum(['offer-timeout', 'wrap-up-end', 'overflow', 'callback-window', 'queue-sweep', 'visitor-check', 'alert-check']));
export type TimerKind = z.infer<typeof TimerKindSchema>;
/** The kinds armed for one contact in one state (every kind but the queue sweep, the visitor check and the alert check). */
export type ContactTimerKind = Exclude<TimerKind, 'queue-sweep' | 'visitor-check' | 'alert-check'>;

/** Unique per armed state: the same state never arms two timers. */
const TimerIdSchema = lazySchema(() => z.string().min(1));
const DueAtSchema = lazySchema(() => z.iso.datetime({ offset: true }));

/** A contact's timer: it fires for the state (and version) of the contact it was armed for; `queueId` is the queue it then waited in. */
const contactTimerSchema = <K extends ContactTimerKind>(kind: K) =>
  z.object({ id: TimerIdSchema, kind: z.literal(kind), tenantId: z.string().min(1), contactId: z.string().min(1), queueId: z.string().min(1), version: z.number().int(), dueAt: DueAtSchema });

/** A re-check of one queue's waiting contacts. */
export const QueueSweepTimerSchema = lazySchema(() => z.object({ id: TimerIdSchema, kind: z.literal('queue-sweep'), tenantId: z.string().min(1), queueId: z.string().min(1), dueAt: DueAtSchema }));
export type QueueSweepTimer = z.infer<typeof QueueSweepTimerSchema>;

/** An alert rule's own re-check, when its figure may cross with no change on the stream (docs/alerts.md). */
export const AlertCheckTimerSchema = lazySchema(() => z.object({ id: TimerIdSchema, kind: z.literal('alert-check'), tenantId: z.string().min(1), alertId: z.string().min(1), dueAt: DueAtSchema }));
export type AlertCheckTimer = z.infer<typeof AlertCheckTimerSchema>;

/**
 * Whether the visitor of a call from the site still beats (`shared/src/widget/heartbeat.ts`): armed when the call is
 * placed and again, while it lives, for when the visitor would be gone; any state of the contact, as the call's
 * visitor can vanish while waiting or talking.
 */
export const VisitorCheckTimerSchema = lazySchema(() => z.object({ id: TimerIdSchema, kind: z.literal('visitor-check'), tenantId: z.string().min(1), contactId: z.string().min(1), dueAt: DueAtSchema }));
export type VisitorCheckTimer = z.infer<typeof VisitorCheckTimerSchema>;

/**
 * A one-shot routing timer, as armed on SQS (or in-process locally) and read back when it fires. Firing is
 * idempotent: the handler re-reads the contact and acts only if it is still in the state (and version) the timer
 * was armed for, so duplicates and stale timers do nothing.
 */
export const RoutingTimerSchema = lazySchema(() => z.discriminatedUnion('kind', [
  contactTimerSchema('offer-timeout'),
  contactTimerSchema('wrap-up-end'),
  contactTimerSchema('overflow'),
  contactTimerSchema('callback-window'),
  QueueSweepTimerSchema,
  VisitorCheckTimerSchema,
  AlertCheckTimerSchema,
]));
export type RoutingTimer = z.infer<typeof RoutingTimerSchema>;
export type ContactTimer = Exclude<RoutingTimer, QueueSweepTimer | VisitorCheckTimer | AlertCheckTimer>;

const plus = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString();

function contactTimer(kind: ContactTimerKind, contact: Contact, dueAt: string): ContactTimer {
  const { tenantId, contactId, version, queueId } = contact;
  return { id: `${kind}:${tenantId}:${contactId}:${version}`, kind, tenantId, contactId, queueId, version, dueAt };
}

/**
 * The timers a contact needs in its current state: offer timeout while offered, the end of after-contact work,
 * the overflow deadline and the start of a callback's preferred window while queued. Derived from state alone,
 * so a restart can re-arm every timer from the table.
 */
export function timersFor(contact: Contact, queue: Queue): ContactTimer[] {
  switch (contact.status) {
    case 'offered':
      return [contactTimer('offer-timeout', contact, plus(contact.statusSince, queue.offerTimeoutSeconds))];
    case 'after-contact-work':
      return [contactTimer('wrap-up-end', contact, plus(contact.statusSince, queue.afterContactWorkSeconds))];
    case 'queued': {
      const timers: ContactTimer[] = [];
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
export function sweepTimer(tenantId: string, queueId: string, dueAt: Date): QueueSweepTimer {
  const second = Math.ceil(dueAt.getTime() / 1000);
  return { id: `queue-sweep:${tenantId}:${queueId}:${second}`, kind: 'queue-sweep', tenantId, queueId, dueAt: new Date(second * 1000).toISOString() };
}

/** The check of a call's visitor at `dueAt`; one per call and second, so a repeated arming fires once. */
export function visitorCheckTimer(tenantId: string, contactId: string, dueAt: string): VisitorCheckTimer {
  const second = Math.ceil(Date.parse(dueAt) / 1000);
  return { id: `visitor-check:${tenantId}:${contactId}:${second}`, kind: 'visitor-check', tenantId, contactId, dueAt: new Date(second * 1000).toISOString() };
}
