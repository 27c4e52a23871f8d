/**
 * Interval arithmetic of the metrics: events fall into 15-minute intervals in UTC; days, weeks (Monday first) and
 * months are the tenant's calendar. Every time zone's offset is a multiple of 15 minutes, so an interval never
 * straddles a local hour or midnight.
 */
import { localDate, localIso, localTime, mondayOf, startOfLocalDate } from '../calendar/values.ts';
import { INTERVAL_MS, type ReportInterval } from './values.ts';

/** The start of the 15-minute interval holding `at`, as an ISO instant (UTC). */
export function intervalStart(at: string | Date): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(Math.floor(ms / INTERVAL_MS) * INTERVAL_MS).toISOString();
}

/**
 * The report bucket a stored interval (or, for day buckets and longer, a stored local day) belongs to, as the
 * local instant the bucket starts. `at` is the interval's start; `date` its local day.
 */
export function bucketOf(interval: Exclude<ReportInterval, 'total'>, at: Date, timeZone: string): string {
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

/**
 * Whether a report reads the day rollups rather than the 15-minute cells: for buckets of a day or longer, and for a
 * total over whole local days (a total over part of a day needs the 15-minute cells).
 */
export function readsDays(interval: ReportInterval, range?: { from: string; to: string; timeZone: string }): boolean {
  if (interval !== 'total') return interval === 'day' || interval === 'week' || interval === 'month';
  if (!range) return false;
  const midnight = (iso: string) => startOfLocalDate(localDate(iso, range.timeZone), range.timeZone).getTime() === Date.parse(iso);
  return midnight(range.from) && midnight(range.to);
}

