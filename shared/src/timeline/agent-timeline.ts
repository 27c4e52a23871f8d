/** An agent's local day as the API answers it, from the day log's entries. Pure: `now` is passed in. */
import { dayBounds } from './day.ts';
import { buildSegments, secondsByStatus } from './segments.ts';
import type { AgentTimeline, ContactEntry, StatusEntry, TimelineContact } from './values.ts';

export interface TimelineInput {
  agentId: string;
  /** The local day, `YYYY-MM-DD`. */
  date: string;
  timeZone: string;
  now: Date;
  statuses: readonly StatusEntry[];
  contacts: readonly ContactEntry[];
}

const toView = (entry: ContactEntry): TimelineContact => ({
  contactId: entry.contactId,
  channel: entry.channel,
  queueId: entry.queueId,
  ...(entry.customerName !== undefined && { customerName: entry.customerName }),
  ...(entry.offeredAt !== undefined && { offeredAt: entry.offeredAt }),
  ...(entry.connectedAt !== undefined && { connectedAt: entry.connectedAt }),
  ...(entry.wrapUpAt !== undefined && { wrapUpAt: entry.wrapUpAt }),
  ...(entry.closedAt !== undefined && { closedAt: entry.closedAt }),
  outcome: entry.outcome,
});

/**
 * The day's strip up to now (a past day's to its end), the totals per status, and the handlings that touch the
 * shown part of the day in the order they began (a contact still going on counts up to now).
 */
export function agentTimeline(input: TimelineInput): AgentTimeline {
  const { start, end } = dayBounds(input.date, input.timeZone);
  const until = new Date(Math.max(start.getTime(), Math.min(end.getTime(), input.now.getTime())));
  const segments = buildSegments(input.statuses, { from: start, until });
  const touches = (entry: ContactEntry) => until > start && Date.parse(entry.startedAt) < until.getTime() && (entry.closedAt === undefined || Date.parse(entry.closedAt) > start.getTime());
  const contacts = input.contacts
    .filter((entry) => entry.agentId === input.agentId && touches(entry))
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.contactId.localeCompare(b.contactId))
    .map(toView);
  return {
    agentId: input.agentId,
    date: input.date,
    timeZone: input.timeZone,
    dayStart: start.toISOString(),
    dayEnd: end.toISOString(),
    until: until.toISOString(),
    segments,
    contacts,
    totals: { secondsByStatus: secondsByStatus(segments) },
  };
}
