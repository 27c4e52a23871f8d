import { AgentSchema, type Agent } from '@cc/shared/agents/model';
import { ContactSchema } from '@cc/shared/contacts/model';
import { changedHandlings } from '@cc/shared/timeline/handlings';
import type { StatusEntry } from '@cc/shared/timeline/values';
import type { Deps } from '../composition/deps.ts';
import type { ChangeReaction } from '../streams/app.ts';

const statusEntryOf = (agent: Agent): StatusEntry => ({
  agentId: agent.agentId,
  status: agent.status,
  ...(agent.status === 'break' && agent.breakReason && { breakReason: agent.breakReason }),
  since: agent.statusSince,
  version: agent.version,
});

const sameSpan = (a: Agent, b: Agent) => a.status === b.status && a.breakReason === b.breakReason && a.statusSince === b.statusSince;

/**
 * The agents' day logs, off the stream: every status an agent enters (the span before it too, so an agent whose
 * earlier statuses predate the log gets them from the first change) and every agent's part in a contact as it moves.
 * Both writes are keyed by what they record and conditional on the version, so redelivery and old records are harmless.
 */
export function timelineReactions(deps: Pick<Deps, 'timeline' | 'customers'>): ChangeReaction[] {
  return [
    {
      name: 'timeline: record status spans',
      entity: 'agent',
      react: async (change) => {
        const after = change.newImage ? AgentSchema.parse(change.newImage) : undefined;
        if (!after) return;
        const before = change.oldImage ? AgentSchema.parse(change.oldImage) : undefined;
        if (before && sameSpan(before, after)) return;
        if (before) await deps.timeline.recordStatus(before.tenantId, statusEntryOf(before));
        await deps.timeline.recordStatus(after.tenantId, statusEntryOf(after));
      },
    },
    {
      name: 'timeline: record contacts handled',
      entity: 'contact',
      react: async (change) => {
        const after = change.newImage ? ContactSchema.parse(change.newImage) : undefined;
        if (!after) return;
        const before = change.oldImage ? ContactSchema.parse(change.oldImage) : undefined;
        const changed = changedHandlings(before, after);
        if (changed.length === 0) return;
        // The customer's name is looked up once, when the contact reaches an agent; the entry keeps it.
        const customerName = changed.some((c) => c.isNew) && after.customerId ? (await deps.customers.get(after.tenantId, after.customerId))?.name : undefined;
        for (const { entry, isNew } of changed) await deps.timeline.recordContact(after.tenantId, { ...entry, ...(isNew && customerName && { customerName }) });
      },
    },
  ];
}
