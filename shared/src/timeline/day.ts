/**
 * The local day a timeline covers: its first and last instant in a time zone (a day with a clock change is 23 or
 * 25 hours long), today's date there, and which dates can be asked for. Pure: `now` is passed in.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { localTime } from '../routing/business-hours.ts';
import { addDays, zonedInstant } from '../routing/next-opening.ts';
import { TIMELINE_RETENTION_DAYS } from './values.ts';

/** `GET /api/agents/:agentId/timeline`'s query: the local day, today when left out. */
export const TimelineQuerySchema = lazySchema(() => z.object({
  date: z.iso.date({ error: 'date must be a calendar day as YYYY-MM-DD, e.g. 2026-03-14' }).optional(),
}));
export type TimelineQuery = z.infer<typeof TimelineQuerySchema>;

/** The day's first instant and the next day's first instant, in `timeZone`. */
export function dayBounds(date: string, timeZone: string): { start: Date; end: Date } {
  return { start: zonedInstant(date, '00:00', timeZone), end: zonedInstant(addDays(date, 1), '00:00', timeZone) };
}

/** The calendar day `now` falls on in `timeZone`. */
export const localDate = (now: Date, timeZone: string): string => localTime(now, timeZone).date;

/** Why `date` cannot be shown (a day to come, or one older than the log keeps), or `undefined` when it can. */
export function timelineDateProblem(date: string, today: string): { reason: 'date_in_future' | 'date_too_old'; message: string } | undefined {
  if (date > today) return { reason: 'date_in_future', message: `date ${date} has not begun yet (today is ${today})` };
  const oldest = addDays(today, -(TIMELINE_RETENTION_DAYS - 1));
  if (date < oldest) return { reason: 'date_too_old', message: `date ${date} is older than the ${TIMELINE_RETENTION_DAYS} days the timeline keeps (the oldest is ${oldest})` };
  return undefined;
}
