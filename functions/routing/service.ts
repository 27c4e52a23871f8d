/**
 * Routing orchestration: reads what a decision needs, asks the pure routing domain (`@cc/shared/routing`) for
 * it, and commits it with one conditional transaction. Every entry point re-reads state, so it is safe to run
 * twice, late, or concurrently with itself: the stream may redeliver and timers may fire more than once.
 */
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { IdSchema } from '@cc/shared/limits/input';
import { hasRole, type Principal } from '@cc/shared/auth/model';
import type { Agent } from '@cc/shared/agents/model';
import { ConflictError, ForbiddenError, InvalidRequestError, NotFoundError } from '@cc/shared/errors';
import { CallbackRequestSchema, type Contact } from '@cc/shared/contacts/model';
import { RoutingConflictError } from '@cc/shared/contacts/errors';
import type { RoutingCommit } from '@cc/shared/contacts/ports';
import { holdSlot, isRoutable, releaseSlot, startWrapUp, toRoutingAgent } from '@cc/shared/contacts/agent-load';
import { moveContact } from '@cc/shared/contacts/move-contact';
import { counterDelta, serviceLevelPercent } from '@cc/shared/contacts/daily-stats';
import { sweepTimer, type RoutingTimer } from '@cc/shared/contacts/timers';
import { toPositionView, type PositionView } from '@cc/shared/contacts/position-view';
import type { TenantQueue } from '@cc/shared/queues/ports';
import type { QueueStatsView } from '@cc/shared/realtime/ports';
import {
  ChannelSchema,
  QueueSchema,
  SkillRequirementSchema,
  channelKind,
  computeQueueStats,
  estimateQueuePositions,
  hasFreeCapacity,
  isOpen,
  localTime,
  orderQueuedContacts,
  overflowTarget,
  rankAgentsForContact,
  rankContactsForAgent,
  type ContactStatus,
  type RoutingAgent,
} from '@cc/shared/routing/index';
import { logger } from '../composition/logger.ts';
import type { RoutingDeps } from './deps.ts';

/** Attempts of one decision before giving up (the stream or the caller then retries). */
const MAX_ATTEMPTS = 10;
/** A queue with contacts left waiting is re-checked at least this often (safety net for index lag and lost triggers). */
export const SWEEP_SECONDS = 10;

/** A decision kept losing races; the stream record (or the API call) should be retried. */
export class RoutingContentionError extends ConflictError {
  constructor(what: string, id: string) {
    super(`Routing ${what} ${id} kept losing races; retry`, { what, id });
  }
}

/** A new contact through the API: any channel, or a callback with a phone and an optional preferred window. */
export const CreateContactSchema = z
  .object({
    /** Client-chosen id makes the call idempotent (a repeat answers 409). */
    contactId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
    queueId: IdSchema,
    channel: ChannelSchema,
    channelId: IdSchema.optional(), customerId: IdSchema.optional(), conversationId: IdSchema.optional(),
    priority: z.number().int().min(-100).max(100).default(0),
    requiredSkills: z.array(SkillRequirementSchema).default([]),
    menuChoice: z.string().min(1).max(100).optional(),
    callback: CallbackRequestSchema.optional(),
    /** A queued contact (the waiting caller) whose place this callback takes; it is closed in the same write. */
    replacesContactId: IdSchema.optional(),
    positionUpdates: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.channel === 'callback') !== (v.callback !== undefined)) ctx.addIssue({ code: 'custom', path: ['callback'], message: 'a callback contact needs `callback`, and only it may have one' });
    if (v.callback?.notBefore && v.callback.notAfter && Date.parse(v.callback.notAfter) <= Date.parse(v.callback.notBefore)) ctx.addIssue({ code: 'custom', path: ['callback', 'notAfter'], message: 'notAfter must be after notBefore' });
    if (v.replacesContactId && v.channel !== 'callback') ctx.addIssue({ code: 'custom', path: ['replacesContactId'], message: 'only a callback can take a waiting contact’s place' });
  });
export type CreateContact = z.infer<typeof CreateContactSchema>;

/** Where a transfer goes: another queue, or a named agent (in the contact's queue unless `queueId` is given). */
export const TransferSchema = z.union([z.object({ agentId: IdSchema, queueId: IdSchema.optional() }).strict(), z.object({ queueId: IdSchema }).strict()]);
export type Transfer = z.infer<typeof TransferSchema>;

/** One queue and the agents on the wallboard. */
export interface Wallboard {
  generatedAt: string;
  queues: QueueStatsView[];
  agents: Pick<Agent, 'agentId' | 'name' | 'status' | 'breakReason' | 'statusSince' | 'queueIds' | 'load' | 'capacity' | 'wrapping' | 'missedOffers'>[];
}

type Planned = Omit<RoutingCommit, 'expected' | 'counters'> & { expectedStatus?: ContactStatus };
type Planner = (contact: Contact, agent: Agent | undefined, queue: TenantQueue, now: Date) => Planned | undefined;

const kindOf = (contact: Pick<Contact, 'channel'>) => channelKind(contact.channel);
const withoutTarget = (contact: Contact): Contact => {
  const { targetAgentId: _target, ...rest } = contact;
  return rest;
};
const callbackReady = (contact: Contact, now: Date) => contact.callback?.notBefore === undefined || Date.parse(contact.callback.notBefore) <= now.getTime();

/** The routing service over `deps`; cheap to create (no state besides the dependencies). */
export function createRoutingService(deps: RoutingDeps) {
  const now = () => deps.clock.now();

  async function findQueue(tenantId: string, queueId: string): Promise<TenantQueue | undefined> {
    const stored = await deps.queues.get(tenantId, queueId);
    // Stored queues may predate optional fields; the schema fills the defaults.
    return stored && { ...QueueSchema.parse(stored), tenantId };
  }
  async function loadQueue(tenantId: string, queueId: string): Promise<TenantQueue> {
    const queue = await findQueue(tenantId, queueId);
    if (!queue) throw new NotFoundError('Queue', queueId);
    return queue;
  }
  async function queuesById(tenantId: string): Promise<Map<string, TenantQueue>> {
    return new Map((await deps.queues.list(tenantId)).map((q) => [q.queueId, { ...QueueSchema.parse(q), tenantId }]));
  }

  /** Offers `contact` to `agent` in one transaction; returns both as stored. @throws RoutingConflictError */
  async function tryAssign(contact: Contact, agent: Agent, at: Date) {
    const kind = kindOf(contact);
    const view = toRoutingAgent(agent);
    const next = moveContact(contact, [['offered', { at, agentId: agent.agentId }]]);
    const agentNext = holdSlot(agent, kind, at);
    await deps.routing.commit({
      contact: next,
      expected: { version: contact.version, status: 'queued' },
      agent: { next: agentNext, expectedVersion: agent.version, takesSlot: { kind, capacity: view.capacity[kind], blocksOther: view.voiceBlocksChats } },
    });
    return { contact: next, agent: agentNext };
  }

  function candidatesFor(contact: Contact, agents: readonly Agent[], queue: TenantQueue, at: Date): RoutingAgent[] {
    if (contact.targetAgentId !== undefined) {
      const target = agents.find((a) => a.agentId === contact.targetAgentId);
      if (!target || contact.excludedAgentIds.includes(target.agentId)) return [];
      const view = toRoutingAgent(target);
      return isRoutable(view) && hasFreeCapacity(view, kindOf(contact)) ? [view] : [];
    }
    return rankAgentsForContact(contact, agents.map(toRoutingAgent), queue, at);
  }

  /** Re-check the queue when the next profile delay elapses for one of `waiting`, or after `SWEEP_SECONDS` at the latest. */
  async function armSweep(waiting: readonly Contact[], queue: TenantQueue, agents: readonly Agent[], at: Date) {
    const inQueue = waiting.filter((c) => c.targetAgentId === undefined);
    if (inQueue.length === 0) return;
    let due = at.getTime() + SWEEP_SECONDS * 1000;
    const delays = agents.flatMap((a) => toRoutingAgent(a).profile.filter((p) => p.queueId === queue.queueId && p.delaySeconds > 0).map((p) => p.delaySeconds * 1000));
    for (const contact of inQueue) {
      const enqueued = Date.parse(contact.enqueuedAt);
      for (const delay of delays) if (enqueued + delay > at.getTime() && enqueued + delay < due) due = enqueued + delay;
    }
    await deps.timers.schedule(sweepTimer(queue.tenantId, queue.queueId, new Date(due)));
  }

  /**
   * A queued contact looks for an agent: best-ranked first; a lost transaction moves on to the next candidate,
   * then starts over from fresh reads. @returns what happened. @throws RoutingContentionError after too many races
   */
  async function routeContact(tenantId: string, contactId: string, options: { sweep?: boolean } = {}): Promise<'offered' | 'waiting' | 'skipped'> {
    let queue: TenantQueue | undefined;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const contact = await deps.routing.readContact(tenantId, contactId);
      if (!contact || contact.status !== 'queued') return 'skipped';
      if (queue?.queueId !== contact.queueId) queue = await findQueue(tenantId, contact.queueId);
      if (!queue) {
        logger.warn('Queued contact has no queue; it waits', { contactId, queueId: contact.queueId });
        return 'skipped';
      }
      const at = now();
      if (!callbackReady(contact, at)) return 'waiting'; // its callback-window timer routes it
      const agents = await deps.routing.readAgents(tenantId);
      const byId = new Map(agents.map((a) => [a.agentId, a]));
      let lostRace = false;
      for (const candidate of candidatesFor(contact, agents, queue, at)) {
        try {
          await tryAssign(contact, byId.get(candidate.agentId)!, at);
          return 'offered';
        } catch (error) {
          if (!(error instanceof RoutingConflictError)) throw error;
          lostRace = true;
          if (error.party === 'contact') break;
        }
      }
      if (!lostRace) {
        if (options.sweep !== false) await armSweep([contact], queue, agents, at);
        return 'waiting';
      }
    }
    throw new RoutingContentionError('contact', contactId);
  }

  /**
   * An agent with free capacity takes waiting work: contacts transferred to them by name first, then the best
   * contacts of the queues in their profile, one transaction each, until full. @returns contacts offered
   */
  async function routeAgent(tenantId: string, agentId: string): Promise<number> {
    let offered = 0;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      let record = await deps.routing.readAgent(tenantId, agentId);
      if (!record || !isRoutable(record)) return offered;
      let agent = toRoutingAgent(record);
      if (!hasFreeCapacity(agent, 'voice') && !hasFreeCapacity(agent, 'chat')) return offered;
      const queues = await queuesById(tenantId);
      const served = agent.profile.filter((p) => queues.has(p.queueId));
      const [named, ...lists] = await Promise.all([deps.routing.listWaitingForAgent(tenantId, agentId), ...served.map((p) => deps.contacts.listWaiting(tenantId, p.queueId))]);
      const at = now();
      const ranked = [
        ...named!.filter((c) => !c.excludedAgentIds.includes(agentId) && queues.has(c.queueId) && callbackReady(c, at)).sort((a, b) => a.enqueuedAt.localeCompare(b.enqueuedAt)),
        ...(rankContactsForAgent(agent, lists.flat().filter((c) => callbackReady(c, at)), queues, at) as Contact[]),
      ];
      let agentChanged = false;
      for (const contact of ranked) {
        if (!hasFreeCapacity(agent, kindOf(contact))) continue;
        try {
          record = (await tryAssign(contact, record, at)).agent;
          agent = toRoutingAgent(record);
          offered += 1;
        } catch (error) {
          if (!(error instanceof RoutingConflictError)) throw error;
          if (error.party !== 'contact') {
            agentChanged = true;
            break;
          }
        }
      }
      if (!agentChanged) return offered;
    }
    throw new RoutingContentionError('agent', agentId);
  }

  /**
   * Routes the waiting contacts of a queue in queue order (sweep timer). One read of the agents serves every
   * contact nobody can take; only contacts with a candidate go through `routeContact`. Arms one next sweep.
   */
  async function routeQueue(tenantId: string, queueId: string): Promise<void> {
    const queue = await findQueue(tenantId, queueId);
    if (!queue) return;
    const at = now();
    const waiting = orderQueuedContacts(await deps.contacts.listWaiting(tenantId, queueId), new Map([[queueId, queue]]), at) as Contact[];
    if (waiting.length === 0) return;
    let agents = await deps.routing.readAgents(tenantId);
    const left: Contact[] = [];
    for (const contact of waiting) {
      if (!callbackReady(contact, at) || candidatesFor(contact, agents, queue, at).length === 0) {
        if (callbackReady(contact, at)) left.push(contact);
        continue;
      }
      const outcome = await routeContact(tenantId, contact.contactId, { sweep: false });
      if (outcome === 'offered') agents = await deps.routing.readAgents(tenantId);
      else if (outcome === 'waiting') left.push(contact);
    }
    await armSweep(left, queue, agents, at);
  }

  /**
   * Reads the contact (and its agent), plans the change and commits it with the day's counters; retried from
   * fresh reads when it loses a race. `plan` returns `undefined` when there is nothing (left) to do.
   */
  async function changeContact(tenantId: string, contactId: string, plan: Planner): Promise<Contact | undefined> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const contact = await deps.routing.readContact(tenantId, contactId);
      if (!contact) throw new NotFoundError('Contact', contactId);
      const queue = await loadQueue(tenantId, contact.queueId);
      const agent = contact.agentId !== undefined ? await deps.routing.readAgent(tenantId, contact.agentId) : undefined;
      const planned = plan(contact, agent, queue, now());
      if (!planned) return undefined;
      const { expectedStatus, ...change } = planned;
      try {
        await deps.routing.commit({ ...change, expected: { version: contact.version, status: expectedStatus ?? contact.status }, counters: counterDelta(contact, change.contact, queue) });
        return change.contact;
      } catch (error) {
        if (!(error instanceof RoutingConflictError)) throw error;
      }
    }
    throw new RoutingContentionError('contact', contactId);
  }

  const agentChange = (agent: Agent | undefined, next: (a: Agent) => Agent) => (agent ? { agent: { next: next(agent), expectedVersion: agent.version } } : {});

  function assertHeldBy(principal: Principal, contact: Contact, allowSupervisor: boolean) {
    if (contact.agentId === principal.userId) return;
    if (allowSupervisor && hasRole(principal.roles, 'supervisor')) return;
    throw new ForbiddenError(contact.status === 'offered' ? 'This contact is not offered to you' : 'This contact is not yours');
  }

  /** Offered → missed → queued, the agent excluded for it, the slot freed, the miss counted, maybe not-ready. */
  const missPlan = (reason: string): Planner => (contact, agent, queue, at) => {
    const next = withoutTarget(moveContact(contact, [['missed', { at, reason }], ['queued', { at, reason: 'back to the queue' }]]));
    return { contact: next, ...agentChange(agent, (a) => releaseSlot(a, kindOf(contact), at, { missed: true, notReady: queue.onMissedOffer })) };
  };

  /** Connected → after-contact work (slot kept) or, without wrap-up time, closed (slot freed). */
  const endPlan: Planner = (contact, agent, queue, at) => {
    if (queue.afterContactWorkSeconds > 0) {
      return { contact: moveContact(contact, [['after-contact-work', { at, reason: 'ended' }]]), ...agentChange(agent, (a) => startWrapUp(a, at)) };
    }
    return { contact: moveContact(contact, [['closed', { at, reason: 'ended' }]]), ...agentChange(agent, (a) => releaseSlot(a, kindOf(contact), at)) };
  };

  /** After-contact work → closed, the slot freed (the agent is then routed again by the stream). */
  const closePlan = (reason: string): Planner => (contact, agent, _queue, at) => ({
    contact: moveContact(contact, [['closed', { at, reason }]]),
    ...agentChange(agent, (a) => releaseSlot(a, kindOf(contact), at, { wasWrapping: true })),
  });

  /** Runs a due timer; a timer for a state the contact has left does nothing. */
  async function fireTimer(timer: RoutingTimer): Promise<void> {
    const early = Date.parse(timer.dueAt) - now().getTime();
    if (early > 50) return deps.timers.schedule(timer);
    const { tenantId, contactId, version } = timer;
    const armedFor = (status: ContactStatus) => (c: Contact) => c.status === status && (version === undefined || c.version === version);
    switch (timer.kind) {
      case 'queue-sweep':
        return routeQueue(tenantId, timer.queueId!);
      case 'callback-window':
        await routeContact(tenantId, contactId!);
        return;
      case 'offer-timeout':
        await ignoreMissing(changeContact(tenantId, contactId!, (c, a, q, at) => (armedFor('offered')(c) ? missPlan('offer timed out')(c, a, q, at) : undefined)));
        return;
      case 'wrap-up-end':
        await ignoreMissing(changeContact(tenantId, contactId!, (c, a, q, at) => (armedFor('after-contact-work')(c) ? closePlan('after-contact work time over')(c, a, q, at) : undefined)));
        return;
      case 'overflow':
        await ignoreMissing(
          changeContact(tenantId, contactId!, (c, _a, q, at) => {
            const target = armedFor('queued')(c) ? overflowTarget(c, q, at) : undefined;
            if (target === undefined) return undefined;
            return { contact: withoutTarget(moveContact(c, [['transferred', { at, reason: 'overflow' }], ['queued', { at, queueId: target, reason: `overflow from ${q.queueId}` }]])) };
          }),
        );
        return;
    }
  }

  async function ignoreMissing<T>(work: Promise<T>): Promise<T | undefined> {
    try {
      return await work;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /** Creates a queued contact (the stream then routes it); a callback may take a waiting caller's place. @throws NotFoundError, ConflictError */
  async function createContact(tenantId: string, input: CreateContact): Promise<Contact> {
    const queue = await loadQueue(tenantId, input.queueId);
    const at = now().toISOString();
    const contactId = input.contactId ?? randomUUID();
    const { replacesContactId, contactId: _id, ...fields } = input;
    const contact: Contact = {
      ...fields,
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
      await deps.contacts.create(contact);
      return contact;
    }
    let created: Contact | undefined;
    await changeContact(tenantId, replacesContactId, (original, _agent, _queue, when) => {
      if (original.status !== 'queued') throw new InvalidRequestError(`Contact ${replacesContactId} is not waiting (${original.status})`);
      // The callback keeps the caller's place: same enqueue time, same priority bonus.
      created = { ...contact, enqueuedAt: original.enqueuedAt, priority: Math.max(contact.priority, original.priority), customerId: contact.customerId ?? original.customerId, previousContactId: original.contactId };
      const closed = moveContact(original, [['transferred', { at: when, reason: `callback ${contactId} requested` }], ['closed', { at: when, reason: 'replaced by a callback' }]]);
      return { contact: closed, expectedStatus: 'queued', create: [created] };
    });
    return created!;
  }

  /** The offered agent accepts: offered → connected (a callback then dials through the voice side). */
  async function acceptOffer(principal: Principal, contactId: string): Promise<Contact> {
    return (await changeContact(principal.tenantId, contactId, (contact, _agent, _queue, at) => {
      assertHeldBy(principal, contact, false);
      return { contact: moveContact(contact, [['connected', { at, agentId: principal.userId, reason: 'accepted' }]]), expectedStatus: 'offered' };
    }))!;
  }

  /** The offered agent rejects: back to the queue without them, the miss counted. */
  async function rejectOffer(principal: Principal, contactId: string): Promise<Contact> {
    return (await changeContact(principal.tenantId, contactId, (contact, agent, queue, at) => {
      assertHeldBy(principal, contact, false);
      return { ...missPlan('rejected')(contact, agent, queue, at)!, expectedStatus: 'offered' };
    }))!;
  }

  /** The agent (or a supervisor) ends a connected contact: after-contact work for the queue's time, or closed. */
  async function endContact(principal: Principal, contactId: string): Promise<Contact> {
    return (await changeContact(principal.tenantId, contactId, (contact, agent, queue, at) => {
      assertHeldBy(principal, contact, true);
      return { ...endPlan(contact, agent, queue, at)!, expectedStatus: 'connected' };
    }))!;
  }

  /** The agent finishes after-contact work before its time is up. */
  async function completeWrapUp(principal: Principal, contactId: string): Promise<Contact> {
    return (await changeContact(principal.tenantId, contactId, (contact, agent, queue, at) => {
      assertHeldBy(principal, contact, true);
      return { ...closePlan('wrap-up completed')(contact, agent, queue, at)!, expectedStatus: 'after-contact-work' };
    }))!;
  }

  /** Transfers a connected contact (its agent or a supervisor) or a waiting one (a supervisor) to a queue or a named agent. */
  async function transferContact(principal: Principal, contactId: string, target: Transfer): Promise<Contact> {
    const { tenantId } = principal;
    if ('agentId' in target && !(await deps.routing.readAgent(tenantId, target.agentId))) throw new NotFoundError('Agent', target.agentId);
    if (target.queueId !== undefined) await loadQueue(tenantId, target.queueId);
    return (await changeContact(tenantId, contactId, (contact, agent, _queue, at) => {
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

  /** The customer left (hung up, closed the chat) while waiting or being offered. */
  async function abandonContact(tenantId: string, contactId: string, reason = 'customer left'): Promise<Contact> {
    return (await changeContact(tenantId, contactId, (contact, agent, _queue, at) => {
      const next = moveContact(contact, [['abandoned', { at, reason }]]);
      return { contact: next, ...(contact.status === 'offered' ? agentChange(agent, (a) => releaseSlot(a, kindOf(contact), at)) : {}) };
    }))!;
  }

  /** Handle times of the last two days (queue time zone), the sample for wait estimates. */
  async function recentHandleTimes(queue: TenantQueue, at: Date): Promise<number[]> {
    const today = localTime(at, queue.timeZone).date;
    const yesterday = localTime(new Date(at.getTime() - 86_400_000), queue.timeZone).date;
    const [a, b] = await Promise.all([deps.routing.readDayCounters(queue.tenantId, queue.queueId, today), deps.routing.readDayCounters(queue.tenantId, queue.queueId, yesterday)]);
    return [...a.recentHandleSeconds, ...b.recentHandleSeconds];
  }

  /** Positions of every waiting contact of a queue (or of a named agent's list). */
  async function positionsIn(queue: TenantQueue, waiting: Contact[], agents: Agent[], at: Date) {
    return estimateQueuePositions(waiting, queue, agents.map(toRoutingAgent), await recentHandleTimes(queue, at), at);
  }

  /** A contact's place in its queue and the estimated wait, ready for ru/en display. @throws NotFoundError */
  async function describePosition(tenantId: string, contactId: string): Promise<PositionView & { status: ContactStatus; open: boolean }> {
    const contact = await deps.routing.readContact(tenantId, contactId);
    if (!contact) throw new NotFoundError('Contact', contactId);
    const queue = await loadQueue(tenantId, contact.queueId);
    const at = now();
    const listed = contact.targetAgentId ? await deps.routing.listWaitingForAgent(tenantId, contact.targetAgentId) : await deps.contacts.listWaiting(tenantId, queue.queueId);
    // The index may lag a fresh write; the contact's own consistent read decides whether it waits.
    const waiting = [...listed.filter((c) => c.contactId !== contactId), ...(contact.status === 'queued' ? [contact] : [])];
    const positions = await positionsIn(queue, waiting, await deps.agents.list(tenantId), at);
    const view = toPositionView(contactId, queue.queueId, waiting.length, positions.find((p) => p.contactId === contactId));
    return { ...view, status: contact.status, open: isOpen(queue, at) };
  }

  /** Every waiting contact of a queue with its place and estimated wait, from one read of the queue, its agents and handle times. */
  async function positionsOfQueue(tenantId: string, queueId: string): Promise<{ contact: Contact; view: PositionView }[]> {
    const queue = await findQueue(tenantId, queueId);
    if (!queue) return [];
    const waiting = await deps.contacts.listWaiting(tenantId, queueId);
    if (waiting.length === 0) return [];
    const positions = await positionsIn(queue, waiting, await deps.agents.list(tenantId), now());
    return waiting.map((contact) => ({ contact, view: toPositionView(contact.contactId, queueId, waiting.length, positions.find((p) => p.contactId === contact.contactId)) }));
  }

  /** Sends every subscribed waiting customer of the queue their current place (after someone ahead left). */
  async function notifyPositions(tenantId: string, queueId: string): Promise<number> {
    const waiting = await deps.contacts.listWaiting(tenantId, queueId);
    const subscribed = waiting.filter((c) => c.positionUpdates);
    if (subscribed.length === 0) return 0;
    const queue = await findQueue(tenantId, queueId);
    if (!queue) return 0;
    const positions = await positionsIn(queue, waiting, await deps.agents.list(tenantId), now());
    for (const contact of subscribed) {
      const view = toPositionView(contact.contactId, queueId, waiting.length, positions.find((p) => p.contactId === contact.contactId));
      await deps.notifier.notifyQueuePosition(contact, view);
    }
    return subscribed.length;
  }

  /** A queue's live figures: waiting now (queued and offered, from the sparse indexes), agents by status, today's counters. */
  async function queueStats(queue: TenantQueue, agents: Agent[], at = now()): Promise<QueueStatsView> {
    const [waiting, offered, counters] = await Promise.all([
      deps.contacts.listWaiting(queue.tenantId, queue.queueId),
      deps.contacts.listOffered(queue.tenantId, queue.queueId),
      deps.routing.readDayCounters(queue.tenantId, queue.queueId, localTime(at, queue.timeZone).date),
    ]);
    // An offer in flight has not been answered: the customer is still waiting.
    const live = computeQueueStats(queue, [...waiting, ...offered], agents.map(toRoutingAgent), at);
    return {
      ...live,
      handledToday: counters.handled,
      abandonedToday: counters.abandoned,
      serviceLevelToday: serviceLevelPercent(counters),
      name: queue.name,
      open: isOpen(queue, at),
      generatedAt: at.toISOString(),
    };
  }

  /** Figures for the given queues of a tenant (all when omitted). */
  async function statsOfQueues(tenantId: string, queueIds?: readonly string[]): Promise<QueueStatsView[]> {
    const [queues, agents] = await Promise.all([queuesById(tenantId), deps.agents.list(tenantId)]);
    const chosen = [...queues.values()].filter((q) => queueIds === undefined || queueIds.includes(q.queueId));
    const at = now();
    return Promise.all(chosen.map((q) => queueStats(q, agents, at)));
  }

  /** Every queue's figures and every agent's presence and load. */
  async function wallboard(tenantId: string): Promise<Wallboard> {
    const [queues, agents] = await Promise.all([statsOfQueues(tenantId), deps.agents.list(tenantId)]);
    return {
      generatedAt: now().toISOString(),
      queues,
      agents: agents.map(({ agentId, name, status, breakReason, statusSince, queueIds, load, capacity, wrapping, missedOffers }) => ({ agentId, name, status, breakReason, statusSince, queueIds, load, capacity, wrapping, missedOffers })),
    };
  }

  /** A contact for a console: supervisors see any of their tenant, agents those they hold or held. @throws NotFoundError, ForbiddenError */
  async function getContact(principal: Principal, contactId: string): Promise<Contact> {
    const contact = await deps.routing.readContact(principal.tenantId, contactId);
    if (!contact) throw new NotFoundError('Contact', contactId);
    if (!hasRole(principal.roles, 'supervisor') && contact.agentId !== principal.userId && !contact.history.some((r) => r.agentId === principal.userId)) {
      throw new ForbiddenError('This contact is not yours');
    }
    return contact;
  }

  return {
    routeContact,
    routeAgent,
    routeQueue,
    fireTimer,
    createContact,
    getContact,
    acceptOffer,
    rejectOffer,
    endContact,
    completeWrapUp,
    transferContact,
    abandonContact,
    describePosition,
    positionsOfQueue,
    notifyPositions,
    statsOfQueues,
    wallboard,
    findQueue,
  };
}

export type RoutingService = ReturnType<typeof createRoutingService>;
