/**
 * The metric events of one agent change: when the status (or the break reason) changed, the span the agent just
 * left is cut at 15-minute boundaries and its seconds counted per interval. Offline time is not counted. An event
 * is keyed by the agent, the span's start and the interval, so a redelivered change adds nothing twice.
 */
import type { Agent } from '../agents/model.ts';
import { secondsBetween, type MetricEvent } from './events.ts';
import { breakMeasure, INTERVAL_MS, type SumMeasure } from './values.ts';

export function agentEvents(before: Agent | undefined, after: Agent): MetricEvent[] {
  if (!before || before.status === 'offline') return [];
  const changed = before.status !== after.status || before.statusSince !== after.statusSince || before.breakReason !== after.breakReason;
  if (!changed) return [];
  const measures: SumMeasure[] = [];
  if (before.status === 'available') measures.push('availableSeconds');
  if (before.status === 'busy') measures.push('busySeconds');
  if (before.status === 'after-contact-work') measures.push('afterContactWorkSeconds');
  if (before.status === 'break') measures.push('breakSeconds', ...(before.breakReason ? [breakMeasure(before.breakReason)] : []));
  // The span ends when the new status began (a change written with an unchanged `statusSince` ends it now: the write's own time is not known, so the span is not counted).
  const end = after.statusSince > before.statusSince ? after.statusSince : undefined;
  if (end === undefined) return [];
  return splitSpan(before.statusSince, end).map(([from, to]) => ({
    id: `agent#${after.agentId}#${before.statusSince}#${from}`,
    at: from,
    agentId: after.agentId,
    add: Object.fromEntries(measures.map((m) => [m, secondsBetween(from, to)])),
  }));
}

/** `[from, to)` cut at 15-minute boundaries, as ISO pairs. */
export function splitSpan(from: string, to: string): [string, string][] {
  const out: [string, string][] = [];
  let start = Date.parse(from);
  const end = Date.parse(to);
  while (start < end) {
    const boundary = Math.min(end, (Math.floor(start / INTERVAL_MS) + 1) * INTERVAL_MS);
    out.push([new Date(start).toISOString(), new Date(boundary).toISOString()]);
    start = boundary;
  }
  return out;
}
