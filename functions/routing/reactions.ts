import { AgentSchema, type Agent } from '@cc/shared/agents/model';
import { hasRole } from '@cc/shared/auth/model';
import { ContactSchema, type Contact } from '@cc/shared/contacts/model';
import { isRoutable, toRoutingAgent } from '@cc/shared/contacts/agent-load';
import { timersFor } from '@cc/shared/contacts/timers';
import { toClosedNotice } from '@cc/shared/contacts/closed-notice';
import type { LiveConnection, LiveMessage } from '@cc/shared/realtime/ports';
import { mediaOf } from '@cc/shared/channels/catalog';
import { hasFreeCapacity, isOpen, nextOpening, openingTimeOf } from '@cc/shared/routing/index';
import type { ChangeReaction, ItemChange } from '../streams/app.ts';
import type { Deps } from '../composition/deps.ts';
import type { Services } from '../composition/services.ts';
import { fanOut, toEach } from '../realtime/fan-out.ts';

const contactsOf = (change: ItemChange) => ({
  before: change.oldImage ? ContactSchema.parse(change.oldImage) : undefined,
  after: change.newImage ? ContactSchema.parse(change.newImage) : undefined,
});
const agentsOf = (change: ItemChange) => ({
  before: change.oldImage ? AgentSchema.parse(change.oldImage) : undefined,
  after: change.newImage ? AgentSchema.parse(change.newImage) : undefined,
});

/** Whether the change made room for work: became routable, freed a slot, or gained capacity, skills or queues. */
export function agentFreedUp(before: Agent | undefined, after: Agent): boolean {
  if (!isRoutable(after)) return false;
  const next = toRoutingAgent(after);
  if (!hasFreeCapacity(next, 'voice') && !hasFreeCapacity(next, 'chat')) return false;
  if (!before || !isRoutable(before)) return true;
  const prev = toRoutingAgent(before);
  return (
    next.load.voice < prev.load.voice ||
    next.load.chat < prev.load.chat ||
    next.capacity.voice > prev.capacity.voice ||
    next.capacity.chat > prev.capacity.chat ||
    JSON.stringify(next.profile) !== JSON.stringify(prev.profile) ||
    JSON.stringify(next.skills) !== JSON.stringify(prev.skills)
  );
}

/** Posts each message to the tenant's connections it is meant for, listing them once; forgets connections that are gone. */
async function pushAll(deps: Pick<Deps, 'connections' | 'push'>, tenantId: string, messages: { to: (c: LiveConnection) => boolean; message: LiveMessage }[], connections?: LiveConnection[]) {
  if (messages.length === 0) return;
  const all = connections ?? (await deps.connections.listByTenant(tenantId));
  await fanOut(deps, tenantId, messages.flatMap(({ to, message }) => toEach(all.filter(to), message)));
}

/** A chat contact just created in its queue (messenger or widget): the only kind the out-of-hours auto-reply answers. */
export function isNewChatContact(change: ItemChange, contact: Contact | undefined): contact is Contact {
  return change.eventName === 'INSERT' && contact?.status === 'queued' && contact.conversationId !== undefined && mediaOf(contact.channel) === 'chat';
}

const isSupervisorConsole = (c: LiveConnection) => hasRole(c.roles, 'supervisor');

/**
 * Routing on the table's stream: arm timers, push offers and contact changes to agents, route queued contacts
 * and freed agents, push queue figures to supervisors, positions to waiting customers and an out-of-hours auto-reply
 * to new chat customers. Every reaction re-reads
 * or is keyed by version, so redelivery and reordering are harmless.
 */
export function routingReactions(deps: Pick<Deps, 'clock' | 'connections' | 'push' | 'timers'>, services: Pick<Services, 'routing' | 'notifier' | 'dialer'>): ChangeReaction[] {
  const { engine, queries, queues } = services.routing;

  async function pushQueueStats(tenantId: string, queueIds: string[]) {
    const supervisors = (await deps.connections.listByTenant(tenantId)).filter(isSupervisorConsole);
    if (supervisors.length === 0 || queueIds.length === 0) return;
    const stats = await queries.statsOfQueues(tenantId, queueIds);
    await pushAll(deps, tenantId, stats.map((queue) => ({ to: isSupervisorConsole, message: { type: 'queue.stats', queue } })), supervisors);
  }

  const versionChanged = (before: Contact | undefined, after: Contact) => !before || before.version !== after.version;

  return [
    {
      name: 'arm contact timers',
      entity: 'contact',
      react: async (change) => {
        const { before, after } = contactsOf(change);
        if (!after || !versionChanged(before, after)) return;
        const queue = await queues.find(after.tenantId, after.queueId);
        if (!queue) return;
        for (const timer of timersFor(after, queue)) await deps.timers.schedule(timer);
      },
    },
    {
      name: 'push offers and contact changes to agents',
      entity: 'contact',
      react: async (change) => {
        const { before, after } = contactsOf(change);
        if (!after || !versionChanged(before, after)) return;
        const messages: { to: (c: LiveConnection) => boolean; message: LiveMessage }[] = [];
        if (after.status === 'offered' && after.agentId !== undefined) {
          const queue = await queues.find(after.tenantId, after.queueId);
          const expiresAt = new Date(Date.parse(after.statusSince) + (queue?.offerTimeoutSeconds ?? 20) * 1000).toISOString();
          messages.push({ to: (c) => c.userId === after.agentId, message: { type: 'offer', contact: after, expiresAt } });
        }
        const agents = new Set([after.agentId, before?.agentId].filter((id): id is string => id !== undefined));
        // Supervisors' live panels follow every call and chat that is or was connected (its start, supervision changes, takeovers, its end).
        const liveCall = after.status === 'connected' || before?.status === 'connected';
        const to = (c: LiveConnection) => agents.has(c.userId) || (liveCall && isSupervisorConsole(c));
        if (agents.size > 0 || liveCall) messages.push({ to, message: { type: 'contact.updated', contact: after } });
        await pushAll(deps, after.tenantId, messages);
      },
    },
    {
      name: 'dial accepted callbacks',
      entity: 'contact',
      react: async (change) => {
        const { before, after } = contactsOf(change);
        if (after?.channel === 'callback' && after.status === 'connected' && before?.status === 'offered') await services.dialer.dialCallback(after);
      },
    },
    {
      name: 'route queued contact',
      entity: 'contact',
      react: async (change) => {
        const { before, after } = contactsOf(change);
        if (after?.status === 'queued' && versionChanged(before, after)) await engine.routeContact(after.tenantId, after.contactId);
      },
    },
    {
      name: 'route freed agent',
      entity: 'agent',
      react: async (change) => {
        const { before, after } = agentsOf(change);
        if (after && agentFreedUp(before, after)) await engine.routeAgent(after.tenantId, after.agentId);
      },
    },
    {
      name: 'tell waiting customers their place',
      entity: 'contact',
      react: async (change) => {
        const { before, after } = contactsOf(change);
        if (!after) return;
        const left = before?.status === 'queued' && (after.status !== 'queued' || after.queueId !== before.queueId);
        if (left) await queries.notifyPositions(before.tenantId, before.queueId);
        else if (!before && after.status === 'queued' && after.positionUpdates) await queries.notifyPositions(after.tenantId, after.queueId);
      },
    },
    {
      name: 'tell new chat customers we are closed',
      entity: 'contact',
      react: async (change) => {
        const { after } = contactsOf(change);
        if (!isNewChatContact(change, after)) return;
        const queue = await queues.find(after.tenantId, after.queueId);
        const now = deps.clock.now();
        if (!queue || isOpen(queue, now)) return;
        // The contact still waits and routes as usual: an agent who is on may take it before the opening.
        const opening = nextOpening(queue, now);
        await services.notifier.notifyClosed(after, toClosedNotice(opening && openingTimeOf(queue, opening)));
      },
    },
    {
      name: 'push queue figures on contact changes',
      entity: 'contact',
      react: async (change) => {
        const { before, after } = contactsOf(change);
        const current = after ?? before;
        if (!current || (before && after && before.status === after.status && before.queueId === after.queueId)) return;
        await pushQueueStats(current.tenantId, [...new Set([before?.queueId, after?.queueId].filter((q): q is string => q !== undefined))]);
      },
    },
    {
      name: 'push queue figures on agent changes',
      entity: 'agent',
      react: async (change) => {
        const { before, after } = agentsOf(change);
        if (!after || (before && before.status === after.status)) return;
        await pushQueueStats(after.tenantId, toRoutingAgent(after).profile.map((p) => p.queueId));
      },
    },
  ];
}
