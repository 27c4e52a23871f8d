import type { AgentTimeline, TimelineContact, TimelineSegment } from '@cc/shared/timeline/values';

/** A stretch of the strip placed on the day: `left` and `width` in percent of the day's length. */
export interface PlacedSegment extends TimelineSegment {
  left: number;
  width: number;
}

/** A contact placed under the strip, on the first lane where it overlaps no other. */
export interface PlacedContact {
  contact: TimelineContact;
  from: string;
  to: string;
  left: number;
  width: number;
  lane: number;
}

export interface StripLayout {
  segments: PlacedSegment[];
  contacts: PlacedContact[];
  lanes: number;
  /** An hour mark for every hour of the day (23 or 25 on a day the clocks change), at its instant. */
  ticks: { at: string; left: number }[];
  /** Where "now" is on today's strip; absent for a day that is over. */
  now?: number;
}

/** A contact's block stays visible however short it was: this much of the day at least. */
export const MIN_CONTACT_WIDTH = 0.25;

const HOUR_MS = 3_600_000;

/** Where a contact begins and ends on the strip: from its offer (or takeover) to when it left the agent, or to now. */
export function contactSpan(contact: TimelineContact, until: string): { from: string; to: string } {
  const from = contact.offeredAt ?? contact.connectedAt ?? until;
  return { from, to: contact.closedAt ?? until };
}

/** The day's segments, contacts and hour marks placed on a strip from `dayStart` to `dayEnd`. Pure. */
export function layoutStrip(day: AgentTimeline): StripLayout {
  const start = Date.parse(day.dayStart);
  const length = Math.max(1, Date.parse(day.dayEnd) - start);
  const percent = (iso: string) => Math.min(100, Math.max(0, ((Date.parse(iso) - start) / length) * 100));
  const segments = day.segments.map((segment) => ({ ...segment, left: percent(segment.from), width: percent(segment.to) - percent(segment.from) }));
  const laneEnds: number[] = [];
  const contacts = day.contacts.map((contact) => {
    const { from, to } = contactSpan(contact, day.until);
    const left = percent(from);
    const width = Math.max(MIN_CONTACT_WIDTH, percent(to) - left);
    let lane = laneEnds.findIndex((end) => end <= left);
    if (lane === -1) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = left + width;
    return { contact, from, to, left, width, lane };
  });
  const ticks: StripLayout['ticks'] = [];
  for (let at = start; at < start + length; at += HOUR_MS) ticks.push({ at: new Date(at).toISOString(), left: ((at - start) / length) * 100 });
  const until = Date.parse(day.until);
  return { segments, contacts, lanes: Math.max(1, laneEnds.length), ticks, ...(until < start + length && { now: percent(day.until) }) };
}
