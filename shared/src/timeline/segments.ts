/**
 * The strip of an agent's day from the status entries the stream recorded: each entry lasts until the next one,
 * the last until `until` (now, for today); before the first known entry the agent counts as offline. Pure.
 */
import { AGENT_STATUSES, type AgentStatus } from '../agents/values.ts';
import type { StatusEntry, TimelineSegment } from './values.ts';

/** The window the strip covers: the day's start, and where it ends (now for today, else the day's end). */
export interface StripWindow {
  from: Date;
  until: Date;
}

/** Of two entries at one instant, whether `a` wins: the later version (then any fixed order, so input order never matters). */
function wins(a: StatusEntry, b: StatusEntry): boolean {
  if (a.version !== b.version) return a.version > b.version;
  if (a.status !== b.status) return a.status > b.status;
  return (a.breakReason ?? '') > (b.breakReason ?? '');
}

/** Entries in time order, one per instant: a redelivered entry counts once, and of two at one instant the later version wins. */
function latestPerInstant(entries: readonly StatusEntry[]): StatusEntry[] {
  const byInstant = new Map<number, StatusEntry>();
  for (const entry of entries) {
    const at = Date.parse(entry.since);
    if (Number.isNaN(at)) continue;
    const known = byInstant.get(at);
    if (!known || wins(entry, known)) byInstant.set(at, entry);
  }
  return [...byInstant.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
}

const sameStatus = (a: Pick<TimelineSegment, 'status' | 'breakReason'>, b: Pick<TimelineSegment, 'status' | 'breakReason'>) =>
  a.status === b.status && (a.status !== 'break' || a.breakReason === b.breakReason);

/**
 * The day's segments, contiguous from `window.from` to `window.until`, in time order, none empty and no two
 * neighbours alike. Entries may come in any order, repeated, and from before the day (the one in force at its
 * start counts); entries after `until` are ignored. A window that ends before it starts has no segments.
 */
export function buildSegments(entries: readonly StatusEntry[], window: StripWindow): TimelineSegment[] {
  const start = window.from.getTime();
  const end = window.until.getTime();
  if (end <= start) return [];
  const ordered = latestPerInstant(entries).filter((entry) => Date.parse(entry.since) < end);
  // Where each status begins, the day's start first (offline unless an earlier entry was in force).
  const marks: { at: number; status: AgentStatus; breakReason?: StatusEntry['breakReason'] }[] = [{ at: start, status: 'offline' }];
  for (const entry of ordered) {
    const at = Math.max(start, Date.parse(entry.since));
    if (at === start) marks.length = 0;
    marks.push({ at, status: entry.status, ...(entry.status === 'break' && entry.breakReason && { breakReason: entry.breakReason }) });
  }
  const segments: TimelineSegment[] = [];
  marks.forEach((mark, index) => {
    const to = index + 1 < marks.length ? marks[index + 1]!.at : end;
    if (to <= mark.at) return;
    const last = segments.at(-1);
    if (last && sameStatus(last, mark)) {
      last.to = new Date(to).toISOString();
      return;
    }
    segments.push({ status: mark.status, ...(mark.breakReason && { breakReason: mark.breakReason }), from: new Date(mark.at).toISOString(), to: new Date(to).toISOString() });
  });
  return segments;
}

/** Whole seconds spent in each status over the segments (every status listed, zero when not seen). */
export function secondsByStatus(segments: readonly TimelineSegment[]): Record<AgentStatus, number> {
  const ms = Object.fromEntries(AGENT_STATUSES.map((status) => [status, 0])) as Record<AgentStatus, number>;
  for (const segment of segments) ms[segment.status] += Date.parse(segment.to) - Date.parse(segment.from);
  return Object.fromEntries(AGENT_STATUSES.map((status) => [status, Math.round(ms[status] / 1000)])) as Record<AgentStatus, number>;
}
