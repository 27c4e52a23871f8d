/**
 * What a contact's lifecycle changes write: each plan turns the contact (and its agent) as read into the next
 * contact and agent, pure, for `ContactChanges` to commit. Shared by the commands and the timers.
 */
import { hasRole, type Principal } from '@cc/shared/auth/model';
import type { Agent } from '@cc/shared/agents/model';
import type { Contact } from '@cc/shared/contacts/model';
import type { RoutingCommit } from '@cc/shared/contacts/ports';
import { releaseSlot, startWrapUp } from '@cc/shared/contacts/agent-load';
import { leaveSupervision } from '@cc/shared/contacts/values';
import { ConflictError, ForbiddenError } from '@cc/shared/errors';
import { moveContact } from '@cc/shared/contacts/move-contact';
import type { TenantQueue } from '@cc/shared/queues/ports';
import type { ContactStatus } from '@cc/shared/routing/index';
import { mediaOf } from '@cc/shared/channels/catalog';

/** A change to commit; `expectedStatus` (default: the status read) guards the write. */
export type Planned = Omit<RoutingCommit, 'expected' | 'counters'> & { expectedStatus?: ContactStatus };
/** Plans a change from fresh reads; `undefined` when there is nothing (left) to do. */
export type Planner = (contact: Contact, agent: Agent | undefined, queue: TenantQueue, now: Date) => Planned | undefined;

/** Voice or chat: which of the agent's capacities the contact takes. */
export const kindOf = (contact: Pick<Contact, 'channel'>) => mediaOf(contact.channel);

/** The contact without a named agent: it goes back to its whole queue. */
export const withoutTarget = (contact: Contact): Contact => {
  const { targetAgentId: _target, ...rest } = contact;
  return rest;
};

/** Whether a callback's preferred window has opened (always, for any other contact). */
export const callbackReady = (contact: Contact, now: Date) => contact.callback?.notBefore === undefined || Date.parse(contact.callback.notBefore) <= now.getTime();

/** The agent's next state, when the contact has one. */
export const agentChange = (agent: Agent | undefined, next: (a: Agent) => Agent) => (agent ? { agent: { next: next(agent), expectedVersion: agent.version } } : {});

/** @throws ForbiddenError unless `principal` holds the contact (or, when allowed, is a supervisor) */
export function assertHeldBy(principal: Principal, contact: Contact, allowSupervisor: boolean) {
  if (contact.agentId === principal.userId) return;
  if (allowSupervisor && hasRole(principal.roles, 'supervisor')) return;
  throw new ForbiddenError(contact.status === 'offered' ? 'This contact is not offered to you' : 'This contact is not yours');
}

/** Offered → missed → queued, the agent excluded for it, the slot freed, the miss counted, maybe not-ready. */
export const missPlan = (reason: string): Planner => (contact, agent, queue, at) => {
  const next = withoutTarget(moveContact(contact, [['missed', { at, reason }], ['queued', { at, reason: 'back to the queue' }]]));
  return { contact: next, ...agentChange(agent, (a) => releaseSlot(a, kindOf(contact), at, { missed: true, notReady: queue.onMissedOffer })) };
};

/** Connected → after-contact work (slot kept) or, without wrap-up time, closed (slot freed). */
export const endPlan: Planner = (contact, agent, queue, at) => {
  if (queue.afterContactWorkSeconds > 0) {
    return { contact: moveContact(contact, [['after-contact-work', { at, reason: 'ended' }]]), ...agentChange(agent, (a) => startWrapUp(a, at)) };
  }
  return { contact: moveContact(contact, [['closed', { at, reason: 'ended' }]]), ...agentChange(agent, (a) => releaseSlot(a, kindOf(contact), at)) };
};

/** After-contact work → closed, the slot freed (the agent is then routed again by the stream). */
export const closePlan = (reason: string): Planner => (contact, agent, _queue, at) => ({
  contact: moveContact(contact, [['closed', { at, reason }]]),
  ...agentChange(agent, (a) => releaseSlot(a, kindOf(contact), at, { wasWrapping: true })),
});

/** How a callback is retried after a dial that did not reach the customer. */
export const CALLBACK_RETRY = { delaySeconds: 300, maxAttempts: 3 };

/**
 * A connected callback whose dial failed (busy, no answer, failed): the agent is freed and the contact waits in
 * its queue again until the retry delay is over, or, after the last attempt, is closed as unreachable.
 */
export const dialFailedPlan: Planner = (contact, agent, _queue, at) => {
  if (contact.channel !== 'callback' || contact.status !== 'connected') return undefined;
  const failed = (contact.dialAttempts ?? []).filter((a) => a.result !== 'answered').length;
  const last = contact.dialAttempts?.at(-1);
  if (!last || last.result === 'answered') return undefined;
  const freed = agentChange(agent, (a) => releaseSlot(a, kindOf(contact), at));
  if (failed >= CALLBACK_RETRY.maxAttempts) {
    return { contact: moveContact(contact, [['closed', { at, reason: `unreachable: ${failed} dial attempts (${last.result})` }]]), ...freed };
  }
  const notBefore = new Date(at.getTime() + CALLBACK_RETRY.delaySeconds * 1000).toISOString();
  const moved = moveContact(contact, [['transferred', { at, reason: `dial ${last.result}` }], ['queued', { at, queueId: contact.queueId, reason: 'callback retry' }]]);
  return { contact: withoutTarget({ ...moved, callback: { ...contact.callback!, notBefore } }), ...freed };
};

/**
 * A supervisor takes a connected chat over: it becomes theirs (`agentId`), the agent's slot is freed, and the
 * supervisor's own supervision entry closes (they are its agent now). Committed conditional on the version
 * read and on `connected`, and only from the agent the supervisor saw (`fromAgentId`), so of two racing
 * takeovers one wins and the other is refused, and the contact never has two agents.
 */
export const takeOverPlan = (supervisor: Pick<Principal, 'userId' | 'name'>, fromAgentId: string | undefined): Planner => (contact, agent, _queue, now) => {
  if (contact.status !== 'connected') throw new ConflictError(`Contact ${contact.contactId} is ${contact.status}; only a connected contact can be taken over`, { status: contact.status });
  if (contact.agentId === supervisor.userId) throw new ConflictError('This contact is yours already', { agentId: contact.agentId });
  // A retry after a lost race must not take the contact from whoever won it.
  if (contact.agentId !== fromAgentId) throw new ConflictError('The contact changed hands meanwhile', { agentId: contact.agentId });
  const at = now.toISOString();
  const supervision = leaveSupervision(contact.supervision, supervisor.userId, now);
  const next: Contact = {
    ...contact,
    agentId: supervisor.userId,
    ...(supervision && { supervision }),
    history: [...contact.history, { contactId: contact.contactId, from: 'connected', to: 'connected', at, agentId: supervisor.userId, reason: `taken over by ${supervisor.name} from ${contact.agentId ?? 'nobody'}` }],
    version: contact.version + 1,
  };
  return { contact: next, expectedStatus: 'connected', ...agentChange(agent, (a) => releaseSlot(a, kindOf(contact), now)) };
};
