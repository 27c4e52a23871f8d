import { InvalidTransitionError } from './errors.ts';
import type { ContactStatus, Queue, RoutableContact } from './model.ts';

/** Allowed lifecycle moves; `closed` and `abandoned` are final. */
export const CONTACT_TRANSITIONS: Readonly<Record<ContactStatus, readonly ContactStatus[]>> = {
  queued: ['offered', 'abandoned', 'transferred'],
  offered: ['connected', 'missed', 'abandoned'],
  missed: ['queued', 'abandoned'],
  connected: ['after-contact-work', 'closed', 'transferred'],
  'after-contact-work': ['closed'],
  transferred: ['queued', 'closed'],
  closed: [],
  abandoned: [],
};

/** The audit entry a transition produces. */
export interface TransitionRecord {
  contactId: string;
  from: ContactStatus;
  to: ContactStatus;
  at: string;
  reason?: string;
  /** The agent involved: offered to, connected with, who missed it or transferred it. */
  agentId?: string;
}

/** What a transition needs: when, why, and for `offered` the agent, for `transferred → queued` the target queue. */
export interface TransitionOptions {
  at: Date;
  reason?: string;
  agentId?: string;
  queueId?: string;
}

/** Whether the state machine allows `from → to`. */
export function canTransition(from: ContactStatus, to: ContactStatus): boolean {
  return CONTACT_TRANSITIONS[from].includes(to);
}

/**
 * Moves the contact to `to` and returns the new contact and its record; the input is not modified.
 * `missed` excludes the agent from further offers; `transferred → queued` enters `queueId` afresh.
 * @throws InvalidTransitionError for a move the machine forbids, an offer without (or to an excluded) agent,
 * a connect by another agent, or a re-queue after transfer without `queueId`.
 */
export function transitionContact(
  contact: RoutableContact,
  to: ContactStatus,
  options: TransitionOptions,
): { contact: RoutableContact; record: TransitionRecord } {
  const { contactId, status: from } = contact;
  const fail = (reason: string) => new InvalidTransitionError(contactId, from, to, reason);
  if (!canTransition(from, to)) throw fail('transition not allowed');
  const at = options.at.toISOString();
  const next: RoutableContact = { ...contact, status: to, statusSince: at };
  if (to === 'offered') {
    if (options.agentId === undefined) throw fail('an offer needs an agentId');
    if (contact.excludedAgentIds.includes(options.agentId)) throw fail('the agent already missed this contact');
    next.agentId = options.agentId;
  } else if (to === 'connected') {
    if (options.agentId !== undefined && options.agentId !== contact.agentId) throw fail('offered to another agent');
    next.connectedAt = at;
  } else if (to === 'missed') {
    if (contact.agentId !== undefined) next.excludedAgentIds = [...contact.excludedAgentIds, contact.agentId];
    delete next.agentId;
  } else if (to === 'queued') {
    if (from === 'transferred') {
      if (options.queueId === undefined) throw fail('a re-queue after transfer needs a queueId');
      Object.assign(next, { queueId: options.queueId, enqueuedAt: at, excludedAgentIds: [] });
      delete next.connectedAt;
    }
    delete next.agentId;
  }
  const agentId = options.agentId ?? contact.agentId;
  const record: TransitionRecord = {
    contactId,
    from,
    to,
    at,
    ...(options.reason !== undefined && { reason: options.reason }),
    ...(agentId !== undefined && { agentId }),
  };
  return { contact: next, record };
}

/** Whether an offered contact's offer has outlived the queue's `offerTimeoutSeconds` (then: `missed`). */
export function isOfferExpired(contact: RoutableContact, queue: Queue, now: Date): boolean {
  return (
    contact.status === 'offered' && now.getTime() - Date.parse(contact.statusSince) >= queue.offerTimeoutSeconds * 1000
  );
}

/** Whether after-contact work has lasted the queue's `afterContactWorkSeconds` (then: `closed`). */
export function isAfterContactWorkOver(contact: RoutableContact, queue: Queue, now: Date): boolean {
  return (
    contact.status === 'after-contact-work' &&
    now.getTime() - Date.parse(contact.statusSince) >= queue.afterContactWorkSeconds * 1000
  );
}
