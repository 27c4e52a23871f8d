/**
 * Interval arithmetic of the metrics: events fall into 15-minute intervals in UTC; days, weeks (Monday first) and
 * months are the tenant's calendar. Every time zone's offset is a multiple of 15 minutes, so an interval never
 * straddles a local hour or midnight.
 */
import { localTime } from '../routing/business-hours.ts';
import { INTERVAL_MS, type ReportInterval } from './values.ts';

/** The start of the 15-minute interval holding `at`, as an ISO instant (UTC). */
export function intervalStart(at: string | Date): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(Math.floor(ms / INTERVAL_MS) * INTERVAL_MS).toISOString();
}

/** The tenant's calendar date (YYYY-MM-DD) at `at`. */
export const localDate = (at: string | Date, timeZone: string): string => localTime(typeof at === 'string' ? new Date(at) : at, timeZone).date;

/** Minutes the zone is ahead of UTC at `at`. */
export function offsetMinutes(at: Date, timeZone: string): number {
  const { date, time } = localTime(at, timeZone);
  const wall = Date.parse(`${date}T${time}:00Z`);
  const utcMinute = Math.floor(at.getTime() / 60_000) * 60_000;
  return Math.round((wall - utcMinute) / 60_000);
}

/** An ISO instant written in the zone's offset (`2026-12-03T00:00:00+03:00`), as report rows show local buckets. */
export function localIso(at: Date, timeZone: string): string {
  const offset = offsetMinutes(at, timeZone);
  const wall = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The instant local midnight of `date` falls on in the zone (the offset checked after the first guess for DST days). */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const guess = new Date(`${date}T00:00:00Z`);
  let at = new Date(guess.getTime() - offsetMinutes(guess, timeZone) * 60_000);
  at = new Date(guess.getTime() - offsetMinutes(at, timeZone) * 60_000);
  return at;
}

/** Days from `date` by `days` (calendar arithmetic on the date string; no zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * The report bucket a stored interval (or, for day buckets and longer, a stored local day) belongs to, as the
 * local instant the bucket starts. `at` is the interval's start; `date` its local day.
 */
export function bucketOf(interval: ReportInterval, at: Date, timeZone: string): string {
  switch (interval) {
    case '15m':
      return localIso(at, timeZone);
    case 'hour': {
      const minutes = Number(localTime(at, timeZone).time.slice(3, 5));
      return localIso(new Date(at.getTime() - minutes * 60_000), timeZone);
    }
    case 'day':
      return localIso(startOfLocalDate(localDate(at, timeZone), timeZone), timeZone);
    case 'week':
      return localIso(startOfLocalDate(mondayOf(localDate(at, timeZone)), timeZone), timeZone);
    case 'month':
      return localIso(startOfLocalDate(`${localDate(at, timeZone).slice(0, 8)}01`, timeZone), timeZone);
  }
}

/** Whether a report of this bucket size reads the day rollups (whole local days) rather than the 15-minute items. */
export const readsDays = (interval: ReportInterval): boolean => interval === 'day' || interval === 'week' || interval === 'month';

/** The local dates from `from` to `to` inclusive (both YYYY-MM-DD). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
