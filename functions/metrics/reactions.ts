/**
 * The metrics on the table's stream: each contact or agent change becomes metric events (shared/src/metrics),
 * folded into the 15-minute and daily aggregates once per stream record (the record's mark makes a redelivery
 * harmless; the fold is order-free, so records of different items may arrive in any order).
 */
import { AgentSchema } from '@cc/shared/agents/model';
import { mediaOf } from '@cc/shared/channels/catalog';
import { ContactSchema, type Contact } from '@cc/shared/contacts/model';
import type { ContactFacts } from '@cc/shared/metrics/contact-events';
import { eventsOf, type MetricChange } from '@cc/shared/metrics/events-of';
import { foldEvents } from '@cc/shared/metrics/fold';
import { REPEAT_WINDOW_HOURS } from '@cc/shared/metrics/values';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { isOpen } from '@cc/shared/routing/index';
import type { Deps } from '../composition/deps.ts';
import type { ChangeReaction, ItemChange } from '../streams/app.ts';
import { tenantTimeZone } from './time-zone.ts';
import type { KpiTiles } from './kpi-tiles.ts';

type MetricsDeps = Pick<Deps, 'metrics' | 'queues' | 'customers' | 'messaging' | 'directory'>;

/** Folds one change's events; nothing is written for a change that adds no figure. @returns the queues whose day figures moved */
async function fold(deps: MetricsDeps, tenantId: string, recordId: string, change: MetricChange): Promise<string[]> {
  const events = eventsOf(change);
  if (events.length === 0) return [];
  const cells = [...foldEvents(events, await tenantTimeZone(deps, tenantId)).values()];
  await deps.metrics.fold(tenantId, recordId, cells);
  return cells.filter(({ cell }) => cell.dimension === 'queue' && cell.period.kind === 'D').map(({ cell }) => cell.value);
}

/** What the contact change alone does not tell: queue thresholds and hours, the repeat it is, a chat's messages. */
async function contactFacts(deps: MetricsDeps, change: ItemChange, before: Contact | undefined, after: Contact): Promise<ContactFacts> {
  const queues = new Map<string, TenantQueue | undefined>();
  for (const queueId of new Set([before?.queueId, after.queueId].filter((q): q is string => q !== undefined))) queues.set(queueId, await deps.queues.get(after.tenantId, queueId));
  const facts: ContactFacts = {
    thresholdSeconds: (queueId) => queues.get(queueId)?.serviceLevel.thresholdSeconds ?? 20,
    isOpen: (queueId, at) => {
      const queue = queues.get(queueId);
      return queue === undefined || isOpen(queue, at);
    },
  };
  if (change.eventName === 'INSERT' && after.customerId) {
    const repeatOf = repeatedContact(await deps.customers.listContacts(after.tenantId, after.customerId), after);
    if (repeatOf) facts.repeatOf = { contactId: repeatOf.contactId, closedAt: repeatOf.statusSince, queueId: repeatOf.queueId, channel: repeatOf.channel, ...(repeatOf.agentId !== undefined && { agentId: repeatOf.agentId }) };
  }
  const justClosed = after.status === 'closed' && before !== undefined && before.status !== 'closed';
  if (justClosed && mediaOf(after.channel) === 'chat' && after.connectedAt !== undefined) {
    facts.messages = (await deps.messaging.listContactMessages(after.tenantId, after.contactId)).map((m) => ({ direction: m.direction, sentAt: m.sentAt, ...(m.authorId !== undefined && { authorId: m.authorId }), ...(m.whisper && { whisper: true as const }) }));
  }
  return facts;
}

/** Whether the change can add a figure: a transition, a survey sent or answered, or a dial attempt (not a note or a supervisor joining). */
const countable = (before: Contact, after: Contact) =>
  after.history.length > before.history.length || (after.surveyRequest !== undefined && before.surveyRequest === undefined) || after.survey?.score !== before.survey?.score || after.survey?.nps !== before.survey?.nps || (after.dialAttempts?.length ?? 0) > (before.dialAttempts?.length ?? 0);

/** The customer's latest contact that was answered and completed within the repeat window before `contact`. */
export function repeatedContact(contacts: readonly Contact[], contact: Contact): Contact | undefined {
  const created = Date.parse(contact.createdAt);
  const windowMs = REPEAT_WINDOW_HOURS * 3600_000;
  return contacts
    .filter((c) => c.contactId !== contact.contactId && c.status === 'closed' && c.connectedAt !== undefined)
    .filter((c) => { const closed = Date.parse(c.statusSince); return closed <= created && created - closed <= windowMs; })
    .sort((a, b) => Date.parse(b.statusSince) - Date.parse(a.statusSince))[0];
}

export function metricsReactions(deps: MetricsDeps, kpis: Pick<KpiTiles, 'push'>): ChangeReaction[] {
  return [
    {
      name: 'metrics: contact',
      entity: 'contact',
      async react(change) {
        if (!change.newImage) return;
        const after = ContactSchema.parse(change.newImage);
        const before = change.oldImage ? ContactSchema.parse(change.oldImage) : undefined;
        if (before && !countable(before, after)) return;
        const facts = await contactFacts(deps, change, before, after);
        const queues = await fold(deps, after.tenantId, `contact#${after.contactId}#v${after.version}`, { kind: 'contact', before, after, facts });
        // The wallboard's tiles follow at once (a redelivered record pushes the same figures again: harmless).
        if (queues.length > 0) await kpis.push(after.tenantId, queues);
      },
    },
    {
      name: 'metrics: agent',
      entity: 'agent',
      async react(change) {
        if (!change.newImage || !change.oldImage) return;
        const after = AgentSchema.parse(change.newImage);
        const before = AgentSchema.parse(change.oldImage);
        await fold(deps, after.tenantId, `agent#${after.agentId}#v${after.version}`, { kind: 'agent', before, after });
      },
    },
  ];
}
