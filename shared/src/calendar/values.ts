/**
 * Wall-clock time and calendar arithmetic in IANA time zones, zod-free so the console uses it too: business hours,
 * report days, weeks and months are all cut with these.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC in minutes, read from Intl (the slow part, hence cached below). */
function zoneOffset(at: Date, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of format.formatToParts(at)) part[p.type] = p.value;
  const wall = Date.UTC(Number(part.year), Number(part.month) - 1, Number(part.day), Number(part.hour), Number(part.minute));
  return Math.round((wall - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * Offsets by zone and quarter hour: every zone's offset, and every change of it, falls on a quarter hour, so one
 * lookup serves the whole quarter. Bounded: cleared when it grows past a few days of quarters for many zones.
 */
const QUARTER_MS = 15 * 60_000;
const offsets = new Map<string, number>();
const MAX_CACHED_OFFSETS = 50_000;

/** Minutes the zone is ahead of UTC at `at`. */
export function offsetMinutes(at: Date, timeZone: string): number {
  const quarter = Math.floor(at.getTime() / QUARTER_MS);
  const key = `${timeZone}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    offset = zoneOffset(new Date(quarter * QUARTER_MS), timeZone);
    offsets.set(key, offset);
  }
  return offset;
}

const WEEKDAY_OF_UTC_DAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The wall-clock date (`YYYY-MM-DD`), weekday and `HH:MM` of an instant in an IANA time zone. */
export function localTime(at: Date, timeZone: string): { date: string; weekday: Weekday; time: string } {
  const wall = new Date(Math.floor(at.getTime() / 60_000) * 60_000 + offsetMinutes(at, timeZone) * 60_000);
  const iso = wall.toISOString();
  return { date: iso.slice(0, 10), weekday: WEEKDAY_OF_UTC_DAY[wall.getUTCDay()]!, time: iso.slice(11, 16) };
}

/** The tenant's calendar date (YYYY-MM-DD) at `at`. */
export const localDate = (at: string | Date, timeZone: string): string => localTime(typeof at === 'string' ? new Date(at) : at, timeZone).date;


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

/** The local dates from `from` to `to` inclusive (both YYYY-MM-DD). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
