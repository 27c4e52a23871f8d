import type { AgentStatus } from '../agents/model.ts';
import { localTime } from './business-hours.ts';
import type { Queue, RoutableContact, RoutingAgent } from './model.ts';

/** Live figures for one queue, for the wallboard. */
export interface QueueStats {
  queueId: string;
  /** Contacts not yet connected: queued, offered or missed. */
  waiting: number;
  oldestWaitSeconds: number;
  /** Agents serving the queue, by status. */
  agentsByStatus: Record<AgentStatus, number>;
  /** Answered by an agent today (queue time zone). */
  handledToday: number;
  abandonedToday: number;
  /** Percent, or `null` before the first answered or late-abandoned contact of the day. */
  serviceLevelToday: number | null;
}

/**
 * Computes the queue's live figures from a snapshot of its contacts and agents. Service level today =
 * answered within the threshold ÷ (answered + abandoned after the threshold) × 100; contacts abandoned within the
 * threshold count in neither part. Waits run from `enqueuedAt` to `connectedAt` (answered) or to `statusSince`
 * (abandoned); "today" is the calendar day in the queue's time zone.
 */
export function computeQueueStats(
  queue: Queue,
  contacts: readonly RoutableContact[],
  agents: readonly RoutingAgent[],
  now: Date,
): QueueStats {
  const today = localTime(now, queue.timeZone).date;
  const isToday = (iso: string) => localTime(new Date(iso), queue.timeZone).date === today;
  const thresholdMs = queue.serviceLevel.thresholdSeconds * 1000;
  let waiting = 0;
  let oldestWaitMs = 0;
  let handledToday = 0;
  let answeredInTime = 0;
  let abandonedToday = 0;
  let abandonedLate = 0;
  for (const c of contacts) {
    if (c.queueId !== queue.queueId) continue;
    const enqueued = Date.parse(c.enqueuedAt);
    if (c.status === 'queued' || c.status === 'offered' || c.status === 'missed') {
      waiting += 1;
      oldestWaitMs = Math.max(oldestWaitMs, now.getTime() - enqueued);
    }
    if (c.connectedAt !== undefined && isToday(c.connectedAt)) {
      handledToday += 1;
      if (Date.parse(c.connectedAt) - enqueued <= thresholdMs) answeredInTime += 1;
    }
    if (c.status === 'abandoned' && isToday(c.statusSince)) {
      abandonedToday += 1;
      if (Date.parse(c.statusSince) - enqueued > thresholdMs) abandonedLate += 1;
    }
  }
  const agentsByStatus: Record<AgentStatus, number> = {
    available: 0,
    busy: 0,
    'after-contact-work': 0,
    break: 0,
    offline: 0,
  };
  for (const agent of agents) {
    if (agent.profile.some((p) => p.queueId === queue.queueId)) agentsByStatus[agent.status] += 1;
  }
  const denominator = handledToday + abandonedLate;
  return {
    queueId: queue.queueId,
    waiting,
    oldestWaitSeconds: Math.floor(oldestWaitMs / 1000),
    agentsByStatus,
    handledToday,
    abandonedToday,
    serviceLevelToday: denominator === 0 ? null : (answeredInTime / denominator) * 100,
  };
}
