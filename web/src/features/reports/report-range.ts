/**
 * The report page's period presets as instants, cut in the tenant's time zone (the API's buckets are the
 * tenant's days too), and the bucket size each preset reads best in.
 */
import { addDays, localDate, startOfLocalDate } from '@cc/shared/calendar/values';
import type { ReportInterval } from '@cc/shared/metrics/values';

export const RANGE_PRESETS = ['today', 'yesterday', 'last7', 'last30', 'thisMonth', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export interface ReportRange {
  from: string;
  to: string;
}

const midnight = (date: string, timeZone: string) => startOfLocalDate(date, timeZone).toISOString();

/** The instants of a preset at `now`; `custom` reads `dates` (local dates, both inclusive). */
export function rangeOf(preset: RangePreset, now: Date, timeZone: string, dates?: { from: string; to: string }): ReportRange {
  const today = localDate(now, timeZone);
  switch (preset) {
    case 'today':
      return { from: midnight(today, timeZone), to: midnight(addDays(today, 1), timeZone) };
    case 'yesterday':
      return { from: midnight(addDays(today, -1), timeZone), to: midnight(today, timeZone) };
    case 'last7':
      return { from: midnight(addDays(today, -6), timeZone), to: midnight(addDays(today, 1), timeZone) };
    case 'last30':
      return { from: midnight(addDays(today, -29), timeZone), to: midnight(addDays(today, 1), timeZone) };
    case 'thisMonth':
      return { from: midnight(`${today.slice(0, 8)}01`, timeZone), to: midnight(addDays(today, 1), timeZone) };
    case 'custom': {
      const { from, to } = dates ?? { from: today, to: today };
      const [first, last] = from <= to ? [from, to] : [to, from];
      return { from: midnight(first, timeZone), to: midnight(addDays(last, 1), timeZone) };
    }
  }
}

/** The bucket size that gives a readable chart for the range: hours for a day, days up to two months, weeks beyond. */
export function suggestedInterval(range: ReportRange): Exclude<ReportInterval, 'total'> {
  const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000;
  if (days <= 1.5) return 'hour';
  if (days <= 62) return 'day';
  return 'week';
}

/** The local dates a range shows in the date inputs (`to` is exclusive, so the last day is the day before). */
export function datesOf(range: ReportRange, timeZone: string): { from: string; to: string } {
  return { from: localDate(range.from, timeZone), to: localDate(new Date(Date.parse(range.to) - 1), timeZone) };
}
