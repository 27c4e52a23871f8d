/**
 * Routing's read models: a contact for a console, queue positions and estimated waits (and telling subscribed
 * customers theirs), live queue figures and the wallboard.
 */
import { hasRole, type Principal } from '@cc/shared/auth/model';
import type { Agent } from '@cc/shared/agents/model';
import { ForbiddenError, NotFoundError } from '@cc/shared/errors';
import type { Contact } from '@cc/shared/contacts/model';
import type { CustomerNotifier } from '@cc/shared/contacts/ports';
import { toRoutingAgent } from '@cc/shared/contacts/agent-load';
import { serviceLevelPercent } from '@cc/shared/contacts/daily-stats';
import { toPositionView, type PositionView } from '@cc/shared/contacts/position-view';
import type { TenantQueue } from '@cc/shared/queues/ports';
import type { QueueStatsView, Wallboard } from '@cc/shared/realtime/ports';
import { computeQueueStats, estimateQueuePositions, isOpen, localTime, type ContactStatus } from '@cc/shared/routing/index';
import type { Deps } from '../composition/deps.ts';
import { Expiring } from './expiring.ts';
import type { QueueLookup } from './queue-lookup.ts';

/** How long a holding call's estimate may lag the tenant's agents and the queue's handle times. */
const HOLDING_ESTIMATE_TTL_MS = 2000;
/**
 * How long holding calls of one queue share its waiting list: who is ahead of a caller may lag this much, and so may
 * the caller's own entry when the list has it (a caller it lacks is read consistently); a queue's callers announce
 * every few seconds each.
 */
const HOLDING_WAITING_TTL_MS = 1000;

export class RoutingQueries {
  /** Agents and handle times behind holding calls' estimates: calls holding at once share one read. */
  private readonly holdingAgents: Expiring<Agent[]>;
  private readonly holdingHandleTimes: Expiring<number[]>;
  private readonly holdingWaiting: Expiring<Contact[]>;

  constructor(
    private readonly deps: Pick<Deps, 'clock' | 'routing' | 'contacts' | 'agents'>,
    private readonly queues: QueueLookup,
    private readonly notifier: CustomerNotifier,
  ) {
    this.holdingAgents = new Expiring(deps.clock, HOLDING_ESTIMATE_TTL_MS);
    this.holdingHandleTimes = new Expiring(deps.clock, HOLDING_ESTIMATE_TTL_MS);
    this.holdingWaiting = new Expiring(deps.clock, HOLDING_WAITING_TTL_MS);
  }

  /** A contact for a console: supervisors see any of their tenant, agents those they hold or held. @throws NotFoundError, ForbiddenError */
  async getContact(principal: Principal, contactId: string): Promise<Contact> {
    const contact = await this.deps.routing.readContact(principal.tenantId, contactId);
    if (!contact) throw new NotFoundError('Contact', contactId);
    if (!hasRole(principal.roles, 'supervisor') && contact.agentId !== principal.userId && !contact.history.some((r) => r.agentId === principal.userId)) {
      throw new ForbiddenError('This contact is not yours');
    }
    return contact;
  }

  /** A contact's place in its queue and the estimated wait, ready for ru/en display. @throws NotFoundError */
  async describePosition(tenantId: string, contactId: string): Promise<PositionView & { status: ContactStatus; open: boolean }> {
    const contact = await this.deps.routing.readContact(tenantId, contactId);
    if (!contact) throw new NotFoundError('Contact', contactId);
    const queue = await this.queues.load(tenantId, contact.queueId);
    const at = this.deps.clock.now();
    const listed = contact.targetAgentId ? await this.deps.routing.listWaitingForAgent(tenantId, contact.targetAgentId) : await this.deps.contacts.listWaiting(tenantId, queue.queueId);
    // The index may lag a fresh write; the contact's own consistent read decides whether it waits.
    const waiting = [...listed.filter((c) => c.contactId !== contactId), ...(contact.status === 'queued' ? [contact] : [])];
    const positions = await this.positionsIn(queue, waiting, await this.deps.agents.list(tenantId), at);
    const view = toPositionView(contactId, queue.queueId, waiting.length, positions.find((p) => p.contactId === contactId));
    return { ...view, status: contact.status, open: isOpen(queue, at) };
  }

  /**
   * `describePosition` for a caller who holds the contact's queue as stored (a holding call: its state names the queue,
   * whose record the voice service has just read): the queue's waiting contacts, the agents and the handle times are
   * read at once and shared by calls holding within a second or two (an estimate said every period can lag that
   * much). The caller's own entry in that list stands for its contact (it lags as little as the rest); a contact the
   * list lacks (enqueued since, or gone) is read consistently. A contact that has moved to another queue or waits
   * for a named agent is described the long way.
   * @throws NotFoundError
   */
  async describePositionIn(stored: TenantQueue, contactId: string): Promise<PositionView & { status: ContactStatus; open: boolean }> {
    const queue = this.queues.ofStored(stored);
    const { tenantId } = queue;
    const at = this.deps.clock.now();
    const [listed, agents, handleTimes] = await Promise.all([
      this.holdingWaiting.get(`${tenantId} ${queue.queueId}`, () => this.deps.contacts.listWaiting(tenantId, queue.queueId)),
      this.holdingAgents.get(tenantId, () => this.deps.agents.list(tenantId)),
      this.holdingHandleTimes.get(`${tenantId} ${queue.queueId} ${localTime(at, queue.timeZone).date}`, () => this.recentHandleTimes(queue, at)),
    ]);
    const contact = listed.find((c) => c.contactId === contactId) ?? (await this.deps.routing.readContact(tenantId, contactId));
    if (!contact) throw new NotFoundError('Contact', contactId);
    if (contact.queueId !== queue.queueId || contact.targetAgentId) return this.describePosition(tenantId, contactId);
    const waiting = [...listed.filter((c) => c.contactId !== contactId), ...(contact.status === 'queued' ? [contact] : [])];
    const positions = estimateQueuePositions(waiting, queue, agents.map(toRoutingAgent), handleTimes, at);
    const view = toPositionView(contactId, queue.queueId, waiting.length, positions.find((p) => p.contactId === contactId));
    return { ...view, status: contact.status, open: isOpen(queue, at) };
  }

  /** Every waiting contact of a queue with its place and estimated wait, from one read of the queue, its agents and handle times. */
  async positionsOfQueue(tenantId: string, queueId: string): Promise<{ contact: Contact; view: PositionView }[]> {
    const queue = await this.queues.find(tenantId, queueId);
    if (!queue) return [];
    const waiting = await this.deps.contacts.listWaiting(tenantId, queueId);
    if (waiting.length === 0) return [];
    const positions = await this.positionsIn(queue, waiting, await this.deps.agents.list(tenantId), this.deps.clock.now());
    return waiting.map((contact) => ({ contact, view: toPositionView(contact.contactId, queueId, waiting.length, positions.find((p) => p.contactId === contact.contactId)) }));
  }

  /** Sends every subscribed waiting customer of the queue their current place (after someone ahead left). @returns customers told */
  async notifyPositions(tenantId: string, queueId: string): Promise<number> {
    const waiting = await this.deps.contacts.listWaiting(tenantId, queueId);
    const subscribed = waiting.filter((c) => c.positionUpdates);
    if (subscribed.length === 0) return 0;
    const queue = await this.queues.find(tenantId, queueId);
    if (!queue) return 0;
    const positions = await this.positionsIn(queue, waiting, await this.deps.agents.list(tenantId), this.deps.clock.now());
    for (const contact of subscribed) {
      const view = toPositionView(contact.contactId, queueId, waiting.length, positions.find((p) => p.contactId === contact.contactId));
      await this.notifier.notifyQueuePosition(contact, view);
    }
    return subscribed.length;
  }

  /** Figures for the given queues of a tenant (all when omitted). */
  async statsOfQueues(tenantId: string, queueIds?: readonly string[]): Promise<QueueStatsView[]> {
    const [queues, agents] = await Promise.all([this.queues.byId(tenantId), this.deps.agents.list(tenantId)]);
    const chosen = [...queues.values()].filter((q) => queueIds === undefined || queueIds.includes(q.queueId));
    const at = this.deps.clock.now();
    return Promise.all(chosen.map((q) => this.queueStats(q, agents, at)));
  }

  /** Every queue's figures and every agent's presence and load. */
  async wallboard(tenantId: string): Promise<Wallboard> {
    const [queues, agents] = await Promise.all([this.statsOfQueues(tenantId), this.deps.agents.list(tenantId)]);
    return {
      generatedAt: this.deps.clock.now().toISOString(),
      queues,
      agents: agents.map(({ agentId, name, status, breakReason, statusSince, queueIds, load, capacity, wrapping, missedOffers }) => ({ agentId, name, status, breakReason, statusSince, queueIds, load, capacity, wrapping, missedOffers })),
    };
  }

  /** A queue's live figures: waiting now (queued and offered, from the sparse indexes), agents by status, today's counters. */
  private async queueStats(queue: TenantQueue, agents: Agent[], at: Date): Promise<QueueStatsView> {
    const [waiting, offered, counters] = await Promise.all([
      this.deps.contacts.listWaiting(queue.tenantId, queue.queueId),
      this.deps.contacts.listOffered(queue.tenantId, queue.queueId),
      this.deps.routing.readDayCounters(queue.tenantId, queue.queueId, localTime(at, queue.timeZone).date),
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

  /** Positions of every waiting contact of a queue (or of a named agent's list). */
  private async positionsIn(queue: TenantQueue, waiting: Contact[], agents: Agent[], at: Date) {
    return estimateQueuePositions(waiting, queue, agents.map(toRoutingAgent), await this.recentHandleTimes(queue, at), at);
  }

  /** Handle times of the last two days (queue time zone), the sample for wait estimates. */
  private async recentHandleTimes(queue: TenantQueue, at: Date): Promise<number[]> {
    const today = localTime(at, queue.timeZone).date;
    const yesterday = localTime(new Date(at.getTime() - 86_400_000), queue.timeZone).date;
    const [a, b] = await Promise.all([this.deps.routing.readDayCounters(queue.tenantId, queue.queueId, today), this.deps.routing.readDayCounters(queue.tenantId, queue.queueId, yesterday)]);
    return [...a.recentHandleSeconds, ...b.recentHandleSeconds];
  }
}
