import { localTime } from '../routing/business-hours.ts';
import type { Queue } from '../routing/model.ts';
import type { Contact } from './model.ts';

/** Counters of one queue and day, summed over shards. */
export interface QueueDayCounters {
  /** Contacts answered (connected) that day. */
  handled: number;
  /** …of which within the service-level threshold. */
  answeredInTime: number;
  abandoned: number;
  /** Abandoned after waiting longer than the threshold (they count against the service level). */
  abandonedLate: number;
  /** Closed contacts and their total handle time (connected → closed, after-contact work included). */
  closed: number;
  handleSeconds: number;
  /** Of those closed calls, the time customers spent on hold and how many holds there were (the hold-time KPI). */
  holdSeconds: number;
  holds: number;
  /** A sample of recent handle times, for wait estimates. */
  recentHandleSeconds: number[];
}

export const EMPTY_COUNTERS: QueueDayCounters = { handled: 0, answeredInTime: 0, abandoned: 0, abandonedLate: 0, closed: 0, handleSeconds: 0, holdSeconds: 0, holds: 0, recentHandleSeconds: [] };

/** Counter shards per queue and day; concurrent transactions on different shards never conflict. */
export const COUNTER_SHARDS = 4;
/** Handle-time sample slots per shard. */
export const SAMPLE_SLOTS = 8;

/** What a contact change adds to its queue's counters: the day (queue time zone), shard, increments, sample. */
export interface CounterDelta {
  tenantId: string;
  queueId: string;
  date: string;
  shard: number;
  add: Partial<Record<Exclude<keyof QueueDayCounters, 'recentHandleSeconds'>, number>>;
  sample?: { slot: number; seconds: number };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The counter increments a contact change causes, or `undefined`: answered (→ connected), abandoned, closed after
 * being answered (with its hold time, for a call that was held). Written in the same transaction as the change, so each is counted exactly once.
 */
export function counterDelta(before: Contact, after: Contact, queue: Queue): CounterDelta | undefined {
  if (before.status === after.status) return undefined;
  const thresholdMs = queue.serviceLevel.thresholdSeconds * 1000;
  const h = hash(after.contactId);
  const base = { tenantId: after.tenantId, queueId: after.queueId, shard: h % COUNTER_SHARDS };
  const day = (iso: string) => localTime(new Date(iso), queue.timeZone).date;
  const waitedMs = (iso: string) => Date.parse(iso) - Date.parse(after.enqueuedAt);
  if (after.status === 'connected' && after.connectedAt !== undefined) {
    return { ...base, date: day(after.connectedAt), add: { handled: 1, answeredInTime: waitedMs(after.connectedAt) <= thresholdMs ? 1 : 0 } };
  }
  if (after.status === 'abandoned') {
    return { ...base, date: day(after.statusSince), add: { abandoned: 1, abandonedLate: waitedMs(after.statusSince) > thresholdMs ? 1 : 0 } };
  }
  if (after.status === 'closed' && after.connectedAt !== undefined) {
    const seconds = Math.max(0, Math.round((Date.parse(after.statusSince) - Date.parse(after.connectedAt)) / 1000));
    const held = after.hold && after.hold.count > 0 ? { holdSeconds: Math.round(after.hold.totalSeconds), holds: after.hold.count } : {};
    return { ...base, date: day(after.statusSince), add: { closed: 1, handleSeconds: seconds, ...held }, sample: { slot: (h >>> 8) % SAMPLE_SLOTS, seconds } };
  }
  return undefined;
}

/** Service level in percent from the day's counters, `null` before anything counts. */
export function serviceLevelPercent(counters: QueueDayCounters): number | null {
  const denominator = counters.handled + counters.abandonedLate;
  return denominator === 0 ? null : (counters.answeredInTime / denominator) * 100;
}
