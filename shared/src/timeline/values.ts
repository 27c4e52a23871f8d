// Zod-free vocabulary of an agent's day (statuses as a strip, the contacts handled), so the console can import it.
import type { AgentStatus, BreakReason } from '../agents/values.ts';
import type { ChannelKind } from '../channels/catalog.ts';

/** How long the day log is kept (its items' TTL), and so how far back a timeline can be asked for. */
export const TIMELINE_RETENTION_DAYS = 40;

/** One status the agent entered, as the stream recorded it: the span lasts until the next entry. */
export interface StatusEntry {
  agentId: string;
  status: AgentStatus;
  breakReason?: BreakReason;
  /** When the status began (the agent's `statusSince`). */
  since: string;
  /** The agent record's version that carried it: of two entries at the same instant the later version wins. */
  version: number;
}

/** How an agent's part in a contact ended, or where it stands while it lasts. */
export const HANDLING_OUTCOMES = ['offered', 'connected', 'after-contact-work', 'completed', 'missed', 'abandoned', 'transferred', 'taken-over'] as const;
export type HandlingOutcome = (typeof HANDLING_OUTCOMES)[number];

/** Outcomes of a handling that is still going on. */
export const OPEN_OUTCOMES: ReadonlySet<HandlingOutcome> = new Set(['offered', 'connected', 'after-contact-work']);

/**
 * One agent's part in one contact: from the offer (or a supervisor's takeover) until it left them. A contact
 * offered to the same agent twice (missed, then offered again) is two handlings, told apart by `startedAt`.
 */
export interface ContactHandling {
  agentId: string;
  contactId: string;
  /** When it reached the agent: the offer, or the moment they took it over. */
  startedAt: string;
  offeredAt?: string;
  connectedAt?: string;
  /** When after-contact work began. */
  wrapUpAt?: string;
  /** When it left the agent: completed, missed, abandoned, transferred or taken over. */
  closedAt?: string;
  outcome: HandlingOutcome;
}

/** A handling as stored in the agent's day log: with what the contact was (channel, queue, customer). */
export interface ContactEntry extends ContactHandling {
  channel: ChannelKind;
  queueId: string;
  customerName?: string;
  /** The contact's version this entry was built from: an older stream record never overwrites it. */
  contactVersion: number;
}

/** One stretch of the strip: a status from `from` to `to` (ISO instants), clipped to the day. */
export interface TimelineSegment {
  status: AgentStatus;
  breakReason?: BreakReason;
  from: string;
  to: string;
}

/** A contact of the day as the timeline shows it. */
export interface TimelineContact {
  contactId: string;
  channel: ChannelKind;
  queueId: string;
  customerName?: string;
  offeredAt?: string;
  connectedAt?: string;
  wrapUpAt?: string;
  closedAt?: string;
  outcome: HandlingOutcome;
}

/** `GET /api/agents/:agentId/timeline`: the agent's local day, its statuses as segments and its contacts. */
export interface AgentTimeline {
  agentId: string;
  /** The local day, `YYYY-MM-DD`, in `timeZone`. */
  date: string;
  timeZone: string;
  /** The day's first and last instant (ISO); a day with a clock change is 23 or 25 hours long. */
  dayStart: string;
  dayEnd: string;
  /** Where the strip ends: now for today, else `dayEnd`. */
  until: string;
  segments: TimelineSegment[];
  contacts: TimelineContact[];
  totals: { secondsByStatus: Record<AgentStatus, number> };
}
