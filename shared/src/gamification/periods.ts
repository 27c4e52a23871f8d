/**
 * Game periods as local dates: the period holding a date, its bounds as instants in the tenant's zone, and the
 * periods that closed lately (the ones a settlement looks at). Pure: dates in, dates out.
 */
import { addDays, mondayOf, startOfLocalDate } from '../calendar/values.ts';
import type { GamePeriod } from './values.ts';

export interface PeriodSpan {
  period: GamePeriod;
  /** The first local date: the period's key. */
  key: string;
  /** The last local date, inclusive. */
  last: string;
}

const firstOfNextMonth = (date: string): string => {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
};

/** The period of the kind holding `date`. */
export function periodOf(period: GamePeriod, date: string): PeriodSpan {
  if (period === 'day') return { period, key: date, last: date };
  if (period === 'week') {
    const key = mondayOf(date);
    return { period, key, last: addDays(key, 6) };
  }
  const key = `${date.slice(0, 8)}01`;
  return { period, key, last: addDays(firstOfNextMonth(key), -1) };
}

/** The period's bounds as instants: its first local midnight and the next period's (exclusive). */
export function periodInstants(span: PeriodSpan, timeZone: string): { from: Date; to: Date } {
  return { from: startOfLocalDate(span.key, timeZone), to: startOfLocalDate(addDays(span.last, 1), timeZone) };
}

/** How many closed periods of each kind a settlement looks back over: a quiet weekend must not skip Friday. */
export const SETTLE_LOOKBACK: Record<GamePeriod, number> = { day: 7, week: 2, month: 1 };

/** The closed periods of the kind before the one holding `today`, newest first. */
export function closedPeriodsBefore(period: GamePeriod, today: string, count = SETTLE_LOOKBACK[period]): PeriodSpan[] {
  const out: PeriodSpan[] = [];
  let current = periodOf(period, today);
  for (let i = 0; i < count; i += 1) {
    current = periodOf(period, addDays(current.key, -1));
    out.push(current);
  }
  return out;
}

/** Whether the period ended before `today` (a local date). */
export const isClosed = (span: PeriodSpan, today: string): boolean => span.last < today;
