/**
 * The routing engine: matches queued contacts and free agents and commits each offer with one conditional
 * transaction. Every entry point re-reads state, so it is safe to run twice, late, or concurrently with itself:
 * the stream may redeliver and timers may fire more than once.
 */
import type { Agent } from '@cc/shared/agents/model';
import type { Contact } from '@cc/shared/contacts/model';
import { RoutingConflictError } from '@cc/shared/contacts/errors';
import { holdSlot, isRoutable, toRoutingAgent } from '@cc/shared/contacts/agent-load';
import { moveContact } from '@cc/shared/contacts/move-contact';
import { sweepTimer } from '@cc/shared/contacts/timers';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { hasFreeCapacity, orderQueuedContacts, rankAgentsForContact, rankContactsForAgent, type RoutingAgent } from '@cc/shared/routing/index';
import type { Deps } from '../composition/deps.ts';
import { logger } from '../composition/logger.ts';
import { MAX_ATTEMPTS, RoutingContentionError } from './contention.ts';
import { callbackReady, kindOf } from './plans.ts';
import type { QueueLookup } from './queue-lookup.ts';

/** A queue with contacts left waiting is re-checked at least this often (safety net for index lag and lost triggers). */
export const SWEEP_SECONDS = 10;

export class RoutingEngine {
  constructor(
    private readonly deps: Pick<Deps, 'clock' | 'routing' | 'contacts' | 'timers'>,
    private readonly queues: QueueLookup,
  ) {}

  /**
   * A queued contact looks for an agent: best-ranked first; a lost transaction moves on to the next candidate,
   * then starts over from fresh reads. @returns what happened. @throws RoutingContentionError after too many races
   */
  async routeContact(tenantId: string, contactId: string, options: { sweep?: boolean } = {}): Promise<'offered' | 'waiting' | 'skipped'> {
    let queue: TenantQueue | undefined;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const contact = await this.deps.routing.readContact(tenantId, contactId);
      if (!contact || contact.status !== 'queued') return 'skipped';
      if (queue?.queueId !== contact.queueId) queue = await this.queues.find(tenantId, contact.queueId);
      if (!queue) {
        logger.warn('Queued contact has no queue; it waits', { contactId, queueId: contact.queueId });
        return 'skipped';
      }
      const at = this.deps.clock.now();
      if (!callbackReady(contact, at)) return 'waiting'; // its callback-window timer routes it
      const agents = await this.deps.routing.readAgents(tenantId);
      const byId = new Map(agents.map((a) => [a.agentId, a]));
      let lostRace = false;
      for (const candidate of this.candidatesFor(contact, agents, queue, at)) {
        try {
          await this.tryAssign(contact, byId.get(candidate.agentId)!, at);
          return 'offered';
        } catch (error) {
          if (!(error instanceof RoutingConflictError)) throw error;
          lostRace = true;
          if (error.party === 'contact') break;
        }
      }
      if (!lostRace) {
        if (options.sweep !== false) await this.armSweep([contact], queue, agents, at);
        return 'waiting';
      }
    }
    throw new RoutingContentionError('contact', contactId);
  }

  /**
   * An agent with free capacity takes waiting work: contacts transferred to them by name first, then the best
   * contacts of the queues in their profile, one transaction each, until full. @returns contacts offered
   */
  async routeAgent(tenantId: string, agentId: string): Promise<number> {
    let offered = 0;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      let record = await this.deps.routing.readAgent(tenantId, agentId);
      if (!record || !isRoutable(record)) return offered;
      let agent = toRoutingAgent(record);
      if (!hasFreeCapacity(agent, 'voice') && !hasFreeCapacity(agent, 'chat')) return offered;
      const queues = await this.queues.byId(tenantId);
      const served = agent.profile.filter((p) => queues.has(p.queueId));
      const [named, ...lists] = await Promise.all([this.deps.routing.listWaitingForAgent(tenantId, agentId), ...served.map((p) => this.deps.contacts.listWaiting(tenantId, p.queueId))]);
      const at = this.deps.clock.now();
      const ranked = [
        ...named!.filter((c) => !c.excludedAgentIds.includes(agentId) && queues.has(c.queueId) && callbackReady(c, at)).sort((a, b) => a.enqueuedAt.localeCompare(b.enqueuedAt)),
        ...(rankContactsForAgent(agent, lists.flat().filter((c) => callbackReady(c, at)), queues, at) as Contact[]),
      ];
      let agentChanged = false;
      for (const contact of ranked) {
        if (!hasFreeCapacity(agent, kindOf(contact))) continue;
        try {
          record = (await this.tryAssign(contact, record, at)).agent;
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
  async routeQueue(tenantId: string, queueId: string): Promise<void> {
    const queue = await this.queues.find(tenantId, queueId);
    if (!queue) return;
    const at = this.deps.clock.now();
    const waiting = orderQueuedContacts(await this.deps.contacts.listWaiting(tenantId, queueId), new Map([[queueId, queue]]), at) as Contact[];
    if (waiting.length === 0) return;
    let agents = await this.deps.routing.readAgents(tenantId);
    const left: Contact[] = [];
    for (const contact of waiting) {
      if (!callbackReady(contact, at) || this.candidatesFor(contact, agents, queue, at).length === 0) {
        if (callbackReady(contact, at)) left.push(contact);
        continue;
      }
      const outcome = await this.routeContact(tenantId, contact.contactId, { sweep: false });
      if (outcome === 'offered') agents = await this.deps.routing.readAgents(tenantId);
      else if (outcome === 'waiting') left.push(contact);
    }
    await this.armSweep(left, queue, agents, at);
  }

  /** Offers `contact` to `agent` in one transaction; returns both as stored. @throws RoutingConflictError */
  private async tryAssign(contact: Contact, agent: Agent, at: Date) {
    const kind = kindOf(contact);
    const view = toRoutingAgent(agent);
    const next = moveContact(contact, [['offered', { at, agentId: agent.agentId }]]);
    const agentNext = holdSlot(agent, kind, at);
    await this.deps.routing.commit({
      contact: next,
      expected: { version: contact.version, status: 'queued' },
      agent: { next: agentNext, expectedVersion: agent.version, takesSlot: { kind, capacity: view.capacity[kind], blocksOther: view.voiceBlocksChats } },
    });
    return { contact: next, agent: agentNext };
  }

  private candidatesFor(contact: Contact, agents: readonly Agent[], queue: TenantQueue, at: Date): RoutingAgent[] {
    if (contact.targetAgentId !== undefined) {
      const target = agents.find((a) => a.agentId === contact.targetAgentId);
      if (!target || contact.excludedAgentIds.includes(target.agentId)) return [];
      const view = toRoutingAgent(target);
      return isRoutable(view) && hasFreeCapacity(view, kindOf(contact)) ? [view] : [];
    }
    return rankAgentsForContact(contact, agents.map(toRoutingAgent), queue, at);
  }

  /** Re-check the queue when the next profile delay elapses for one of `waiting`, or after `SWEEP_SECONDS` at the latest. */
  private async armSweep(waiting: readonly Contact[], queue: TenantQueue, agents: readonly Agent[], at: Date) {
    const inQueue = waiting.filter((c) => c.targetAgentId === undefined);
    if (inQueue.length === 0) return;
    let due = at.getTime() + SWEEP_SECONDS * 1000;
    const delays = agents.flatMap((a) => toRoutingAgent(a).profile.filter((p) => p.queueId === queue.queueId && p.delaySeconds > 0).map((p) => p.delaySeconds * 1000));
    for (const contact of inQueue) {
      const enqueued = Date.parse(contact.enqueuedAt);
      for (const delay of delays) if (enqueued + delay > at.getTime() && enqueued + delay < due) due = enqueued + delay;
    }
    await this.deps.timers.schedule(sweepTimer(queue.tenantId, queue.queueId, new Date(due)));
  }
}
