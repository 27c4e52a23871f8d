/** Test-only builders for routing on DynamoDB Local: queues, agents, and deps and services with recorded timers. */
import type { Agent } from '@cc/shared/agents/model';
import type { RoutingTimer } from '@cc/shared/contacts/timers';
import type { Timers } from '@cc/shared/contacts/ports';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { createTestDeps } from '../../test/deps.ts';

/** Timers that only record what was armed; tests fire them by hand. */
export class RecordingTimers implements Timers {
  readonly armed: RoutingTimer[] = [];
  async schedule(timer: RoutingTimer) {
    this.armed.push(timer);
  }
  /** The last armed timer of `kind` (for a contact, when given). */
  last(kind: RoutingTimer['kind'], contactId?: string): RoutingTimer | undefined {
    return this.armed.filter((t) => t.kind === kind && (contactId === undefined || ('contactId' in t && t.contactId === contactId))).at(-1);
  }
}

export function makeTenantQueue(tenantId: string, queueId: string, extra: Partial<TenantQueue> = {}): TenantQueue {
  return {
    tenantId, queueId, name: queueId, priority: 0, serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, timeZone: 'Europe/Moscow',
    offerTimeoutSeconds: 20, afterContactWorkSeconds: 0, requiredSkills: { byChannel: {}, byMenuChoice: {} }, ageingPerMinute: 1, ...extra,
  };
}

export function makeAgentRecord(tenantId: string, agentId: string, queueIds: string[], extra: Partial<Agent> = {}): Agent {
  return {
    tenantId, agentId, name: agentId, status: 'available', statusSince: '2026-11-25T08:00:00.000Z', idleSince: '2026-11-25T08:00:00.000Z', skills: [], queueIds,
    capacity: { voice: 1, chat: 3 }, voiceBlocksChats: true, load: { voice: 0, chat: 0 }, wrapping: 0, version: 1, ...extra,
  };
}

/** Local deps and services on a fresh table with a settable clock and recorded timers. */
export async function createRoutingTestDeps(start = new Date('2026-11-25T09:00:00.000Z')) {
  let current = start;
  const clock = { now: () => current, advance: (seconds: number) => void (current = new Date(current.getTime() + seconds * 1000)), set: (at: Date) => void (current = at) };
  const timers = new RecordingTimers();
  const ctx = await createTestDeps(() => current, { timers });
  return { ...ctx, timers, clock };
}
