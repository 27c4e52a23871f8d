import { isOpen, localTime } from './business-hours.ts';
import { WeekdaySchema, type Queue, type Weekday } from './model.ts';

/** How far ahead `nextOpening` looks before it gives up. */
export const NEXT_OPENING_HORIZON_DAYS = 14;

/** When a queue opens, as the queue's clock shows it: for customer texts in any locale. */
export interface OpeningTime {
  weekday: Weekday;
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  /** Local `HH:MM`. */
  time: string;
  timeZone: string;
}

const toUtcMinutes = (date: string, time: string) => {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return Date.UTC(y!, m! - 1, d!, h!, min!);
};

/** The calendar date `days` after `date` (both `YYYY-MM-DD`; negative `days` go back). */
export function addDays(date: string, days: number): string {
  return new Date(toUtcMinutes(date, '00:00') + days * 86_400_000).toISOString().slice(0, 10);
}

/** The weekday of a calendar date. */
function weekdayOf(date: string): Weekday {
  // 1970-01-01 was a Thursday; WeekdaySchema starts on Monday.
  const day = Math.floor(toUtcMinutes(date, '00:00') / 86_400_000);
  return WeekdaySchema.options[(day + 3) % 7]!;
}

/**
 * The instant the wall clock of `timeZone` shows `date` `time`. In a daylight-saving gap (a time that never
 * happens) it is a moment just after the gap, when the clock already shows a later time.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const wall = toUtcMinutes(date, time);
  const offsetAt = (instant: number) => {
    const local = localTime(new Date(instant), timeZone);
    return toUtcMinutes(local.date, local.time) - Math.floor(instant / 60_000) * 60_000;
  };
  const first = wall - offsetAt(wall);
  const second = wall - offsetAt(first);
  return new Date(Math.max(first, second));
}

/**
 * The next moment the queue opens at or after `at`: `at` itself when it is open now (or has no business hours),
 * `undefined` when it stays closed for the next 14 days. Holidays and weekdays without spans are skipped.
 */
export function nextOpening(queue: Queue, at: Date): Date | undefined {
  if (isOpen(queue, at)) return at;
  const hours = queue.businessHours!;
  const today = localTime(at, queue.timeZone);
  for (let days = 0; days <= NEXT_OPENING_HORIZON_DAYS; days++) {
    const date = addDays(today.date, days);
    if (hours.holidays.includes(date)) continue;
    const opens = (hours.weekly[weekdayOf(date)] ?? []).map((span) => span.open).sort();
    const open = opens.find((time) => days > 0 || time > today.time);
    if (open !== undefined) return zonedInstant(date, open, queue.timeZone);
  }
  return undefined;
}

/** The queue's local weekday, date and time of an instant, for texts like «пн 09:00 (МСК)». */
export function openingTimeOf(queue: Queue, opening: Date): OpeningTime {
  const { date, weekday, time } = localTime(opening, queue.timeZone);
  return { weekday, date, time, timeZone: queue.timeZone };
}
