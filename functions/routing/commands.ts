/**
 * A contact's lifecycle commands from the API and the widget: create (a callback may take a waiting caller's
 * place), accept or reject an offer, hold or resume a call, end, finish after-contact work, transfer and abandon. Each is one planned
 * change committed by `ContactChanges`; the stream then routes and arms timers.
 */
import { randomUUID } from 'node:crypto';
import { hasRole, type Principal } from '@cc/shared/auth/model';
import { ForbiddenError, InvalidRequestError, NotFoundError } from '@cc/shared/errors';
import type { Contact } from '@cc/shared/contacts/model';
import { releaseSlot } from '@cc/shared/contacts/agent-load';
import { moveContact } from '@cc/shared/contacts/move-contact';
import { REPLACED_BY_CALLBACK } from '@cc/shared/contacts/values';
import { setCallHold } from '@cc/shared/contacts/call-hold';
import type { CreateContact, Transfer } from '@cc/shared/contacts/requests';
import { recordWrapUp, wrapUpProblem, type Topic, type WrapUpInput } from '@cc/shared/wrap-up/values';
import type { Deps } from '../composition/deps.ts';
import type { CustomerSighting } from '@cc/shared/customers/model';
import type { CallRecordWrite } from '@cc/shared/voice/ports';
import type { ChangeReads, ContactChanges } from './contact-changes.ts';
import { agentChange, assertHeldBy, closePlan, dialFailedPlan, endPlan, kindOf, missPlan, takeOverPlan, withoutTarget, type Planner } from './plans.ts';
import type { QueueLookup } from './queue-lookup.ts';

export class ContactCommands {
  constructor(
    private readonly deps: Pick<Deps, 'clock' | 'contacts' | 'routing'>,
    private readonly queues: QueueLookup,
    private readonly changes: ContactChanges,
  ) {}

  /**
   * Creates a queued contact (the stream then routes it); a callback may take a waiting caller's place (`options.contact`:
   * that contact as just read). A new contact (not a replacing one) records `options.customer`'s sighting in its own
   * write, and with `options.call` the call's record too (a call's event in one write).
   * @throws NotFoundError, ConflictError (CallChangedError when the call's record moved on)
   */
  async createContact(tenantId: string, input: CreateContact, extra: Pick<Contact, 'call' | 'voicemail'> = {}, options: Pick<ChangeReads, 'queues' | 'contact'> & { customer?: CustomerSighting; call?: CallRecordWrite } = {}): Promise<Contact> {
    const queue = await this.queues.loadKnown(tenantId, input.queueId, options.queues);
    const at = this.deps.clock.now().toISOString();
    const contactId = input.contactId ?? randomUUID();
    const { replacesContactId, contactId: _id, ...fields } = input;
    const contact: Contact = {
      ...fields,
      ...extra,
      tenantId,
      contactId,
      queueId: queue.queueId,
      status: 'queued',
      enqueuedAt: at,
      statusSince: at,
      createdAt: at,
      excludedAgentIds: [],
      history: [{ contactId, from: 'new', to: 'queued', at, reason: `created (${input.channel})` }],
      version: 1,
    };
    if (replacesContactId === undefined) {
      await this.deps.contacts.create(contact, options.customer, options.call);
      return contact;
    }
    if (options.customer) throw new InvalidRequestError('A contact that replaces another keeps its customer');
    if (options.call) throw new InvalidRequestError('A contact that replaces another is not written with a call record');
    let created: Contact | undefined;
    await this.changes.apply(tenantId, replacesContactId, (original, _agent, _queue, when) => {
      if (original.status !== 'queued') throw new InvalidRequestError(`Contact ${replacesContactId} is not waiting (${original.status})`);
      // The callback keeps the caller's place: same enqueue time, same priority bonus.
      created = { ...contact, enqueuedAt: original.enqueuedAt, priority: Math.max(contact.priority, original.priority), customerId: contact.customerId ?? original.customerId, previousContactId: original.contactId };
      const closed = moveContact(original, [['transferred', { at: when, reason: `callback ${contactId} requested` }], ['closed', { at: when, reason: REPLACED_BY_CALLBACK }]]);
      return { contact: closed, expectedStatus: 'queued', create: [created] };
    }, options);
    return created!;
  }

  /** The offered agent accepts: offered → connected (a callback then dials through the voice side). */
  async acceptOffer(principal: Principal, contactId: string): Promise<Contact> {
    return (await this.changes.apply(principal.tenantId, contactId, (contact, _agent, _queue, at) => {
      assertHeldBy(principal, contact, false);
      return { contact: moveContact(contact, [['connected', { at, agentId: principal.userId, reason: 'accepted' }]]), expectedStatus: 'offered' };
    }))!;
  }

  /** The offered agent rejects: back to the queue without them, the miss counted. */
  async rejectOffer(principal: Principal, contactId: string): Promise<Contact> {
    return (await this.changes.apply(principal.tenantId, contactId, (contact, agent, queue, at) => {
      assertHeldBy(principal, contact, false);
      return { ...missPlan('rejected')(contact, agent, queue, at)!, expectedStatus: 'offered' };
    }))!;
  }

  /** The agent (or a supervisor) ends a connected contact: after-contact work for the queue's time, or closed. */
  async endContact(principal: Principal, contactId: string): Promise<Contact> {
    return (await this.changes.apply(principal.tenantId, contactId, (contact, agent, queue, at) => {
      assertHeldBy(principal, contact, true);
      return { ...endPlan(contact, agent, queue, at)!, expectedStatus: 'connected' };
    }))!;
  }

  /**
   * The agent completes after-contact work (before its time is up, or in overtime) with what the contact was about,
   * checked against the tenant's `topics` and the queue's `topicsRequired`. @throws InvalidRequestError (with the problem's code)
   */
  async completeWrapUp(principal: Principal, contactId: string, input: WrapUpInput = { topics: [] }, topics: readonly Topic[] = []): Promise<Contact> {
    return (await this.changes.apply(principal.tenantId, contactId, (contact, agent, queue, at) => {
      assertHeldBy(principal, contact, true);
      const problem = wrapUpProblem(input, topics, queue.topicsRequired);
      if (problem) throw new InvalidRequestError(problem.detail, { reason: problem.code, ...(problem.topicId && { topicId: problem.topicId }) });
      const planned = closePlan('wrap-up completed')(contact, agent, queue, at)!;
      return { ...planned, contact: { ...planned.contact, wrapUp: recordWrapUp(input, topics, principal.userId, at.toISOString()) }, expectedStatus: 'after-contact-work' };
    }))!;
  }

  /** The call's agent puts it on hold or resumes it; a repeat answers the contact unchanged. @throws NotFoundError, ConflictError, ForbiddenError */
  async holdCall(principal: Principal, contactId: string, onHold: boolean): Promise<Contact> {
    let current: Contact | undefined;
    const changed = await this.changes.apply(principal.tenantId, contactId, (contact, _agent, _queue, at) => {
      current = contact;
      const next = setCallHold(contact, principal.userId, onHold, at);
      return next && { contact: next, expectedStatus: 'connected' };
    });
    return changed ?? current!;
  }

  /** Transfers a connected contact (its agent or a supervisor) or a waiting one (a supervisor) to a queue or a named agent. */
  async transferContact(principal: Principal, contactId: string, target: Transfer): Promise<Contact> {
    const { tenantId } = principal;
    if ('agentId' in target && !(await this.deps.routing.readAgent(tenantId, target.agentId))) throw new NotFoundError('Agent', target.agentId);
    if (target.queueId !== undefined) await this.queues.load(tenantId, target.queueId);
    return (await this.changes.apply(tenantId, contactId, (contact, agent, _queue, at) => {
      if (contact.status === 'queued') {
        if (!hasRole(principal.roles, 'supervisor')) throw new ForbiddenError('Only supervisors may move waiting contacts');
      } else assertHeldBy(principal, contact, true);
      const queueId = target.queueId ?? contact.queueId;
      const moved = withoutTarget(moveContact(contact, [['transferred', { at, reason: 'agentId' in target ? `to agent ${target.agentId}` : `to queue ${queueId}` }], ['queued', { at, queueId }]]));
      const next = 'agentId' in target ? { ...moved, targetAgentId: target.agentId } : moved;
      const held = contact.status === 'offered' || contact.status === 'connected';
      return { contact: next, ...(held ? agentChange(agent, (a) => releaseSlot(a, kindOf(contact), at)) : {}) };
    }))!;
  }

  /** A supervisor takes a connected contact over from its agent (see `takeOverPlan`). @throws NotFoundError, ConflictError, RoutingContentionError */
  async takeOver(principal: Principal, contactId: string): Promise<Contact> {
    const seen = await this.deps.routing.readContact(principal.tenantId, contactId);
    if (!seen) throw new NotFoundError('Contact', contactId);
    return (await this.changes.apply(principal.tenantId, contactId, takeOverPlan(principal, seen.agentId)))!;
  }

  /** The customer hung up a connected call: the conversation ends as if the agent had ended it (after-contact work or closed). */
  async endByCustomer(tenantId: string, contactId: string, reason: string, reads: Pick<ChangeReads, 'queues'> = {}): Promise<Contact | undefined> {
    return this.changes.apply(tenantId, contactId, (contact, agent, queue, at) => {
      if (contact.status !== 'connected') return undefined;
      const planned = endPlan(contact, agent, queue, at)!;
      const last = planned.contact.history.at(-1);
      return { ...planned, contact: { ...planned.contact, history: [...planned.contact.history.slice(0, -1), { ...last!, reason }] }, expectedStatus: 'connected' };
    }, reads);
  }

  /** Adds facts to a contact without moving it (a survey answer, a dial result); `undefined` from `patch`: nothing to add. */
  async annotate(tenantId: string, contactId: string, patch: (contact: Contact) => Partial<Pick<Contact, 'survey' | 'surveyRequest' | 'dialAttempts' | 'call' | 'supervision'>> | undefined, reads: Pick<ChangeReads, 'queues'> = {}): Promise<Contact | undefined> {
    return this.changes.apply(tenantId, contactId, (contact) => {
      const fields = patch(contact);
      return fields ? { contact: { ...contact, ...fields, version: contact.version + 1 } } : undefined;
    }, { ...reads, withoutAgent: true });
  }

  /** A callback's dial did not reach the customer: back to the queue for a later try, or closed as unreachable. */
  async retryCallback(tenantId: string, contactId: string, reads: Pick<ChangeReads, 'queues'> = {}): Promise<Contact | undefined> {
    return this.changes.apply(tenantId, contactId, dialFailedPlan, reads);
  }

  /** The customer left (hung up, closed the chat) while waiting or being offered. */
  async abandonContact(tenantId: string, contactId: string, reason = 'customer left'): Promise<Contact> {
    return (await this.changes.apply(tenantId, contactId, abandonPlan(reason)))!;
  }

  /**
   * The customer left, if the contact still waits or is offered (one read, not a look and then the change);
   * `undefined` when it had moved on. @throws NotFoundError
   */
  async abandonIfWaiting(tenantId: string, contactId: string, reason: string, reads: Pick<ChangeReads, 'queues'> = {}): Promise<Contact | undefined> {
    const abandon = abandonPlan(reason);
    return this.changes.apply(tenantId, contactId, (contact, agent, queue, at) => (contact.status === 'queued' || contact.status === 'offered' ? abandon(contact, agent, queue, at) : undefined), reads);
  }
}

/** The customer left: abandoned, an offer's agent slot freed. */
function abandonPlan(reason: string): Planner {
  return (contact, agent, _queue, at) => {
    const next = moveContact(contact, [['abandoned', { at, reason }]]);
    return { contact: next, ...(contact.status === 'offered' ? agentChange(agent, (a) => releaseSlot(a, kindOf(contact), at)) : {}) };
  };
}
