/**
 * Attainment of a plan, pure: the actual against the target in percent, the direction taken from the metric's
 * `better`, and for volumes the pace against the share of the period gone by. The period is the tenant's local
 * day or month (its bounds follow daylight-saving changes). No I/O, no clock: `now` is passed in.
 */
import { addDays, startOfLocalDate } from '../calendar/values.ts';
import type { IntervalMetric } from '../metrics/catalog/index.ts';
import { ATTAINMENT_MAX_PERCENT, PACE_TOLERANCE, type Attainment, type Pace, type PlanPeriod } from './values.ts';

/** The first local date of the period holding `date`: the date itself, or the 1st of its month. */
export function periodStartDate(period: PlanPeriod, date: string): string {
  return period === 'day' ? date : `${date.slice(0, 8)}01`;
}

/** The period holding `date` as instants: its first local midnight and the next period's (exclusive). */
export function periodRange(period: PlanPeriod, date: string, timeZone: string): { date: string; from: Date; to: Date } {
  const first = periodStartDate(period, date);
  let next: string;
  if (period === 'day') next = addDays(first, 1);
  else {
    const [year, month] = first.split('-').map(Number) as [number, number];
    next = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  }
  return { date: first, from: startOfLocalDate(first, timeZone), to: startOfLocalDate(next, timeZone) };
}

/** Share of the period gone by at `now`: 0 before it, 1 after it, linear over the clock in between. */
export function elapsedShare(range: { from: Date; to: Date }, now: Date): number {
  const length = range.to.getTime() - range.from.getTime();
  return Math.min(1, Math.max(0, (now.getTime() - range.from.getTime()) / length));
}

/**
 * A volume adds up over the period (contacts, seconds staffed): its expected figure grows with the time gone by.
 * Averages, rates and maxima do not, so they have no pace.
 */
export const isVolume = (metric: Pick<IntervalMetric, 'formula'>): boolean => 'sum' in metric.formula;

/** Which way the metric is good; a metric with no `better` (a neutral volume) counts as higher. */
export const directionOf = (metric: Pick<IntervalMetric, 'better'>): 'higher' | 'lower' => metric.better ?? 'higher';

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * Actual against target in percent: higher is better → actual ÷ target, lower is better → target ÷ actual, ×100,
 * between 0 and {@link ATTAINMENT_MAX_PERCENT}. A zero below the line: 0 ÷ 0 is 100 (nothing planned, nothing
 * done, or none allowed and none happened), anything else ÷ 0 the cap. `null` without an actual, never 0.
 */
export function attainmentPercent(actual: number | null, target: number, better: 'higher' | 'lower'): number | null {
  if (actual === null) return null;
  const [good, below] = better === 'lower' ? [target, actual] : [actual, target];
  if (below <= 0) return good <= 0 ? 100 : ATTAINMENT_MAX_PERCENT;
  return oneDecimal(Math.min(ATTAINMENT_MAX_PERCENT, Math.max(0, (100 * good) / below)));
}

/**
 * Where a volume stands now: the expected figure is target × elapsed (at noon of a day plan of 100 contacts, 50),
 * and within {@link PACE_TOLERANCE} of it either side is on pace. Lower being better, below is ahead.
 */
export function paceOf(actual: number, target: number, elapsed: number, better: 'higher' | 'lower'): { expected: number; pace: Pace } {
  const expected = target * elapsed;
  const lead = better === 'lower' ? expected - actual : actual - expected;
  const band = PACE_TOLERANCE * expected;
  return { expected: oneDecimal(expected), pace: lead > band ? 'ahead' : lead < -band ? 'behind' : 'on_pace' };
}

/** The attainment of `target` by `actual` with `elapsed` of the period gone by, for the metric's direction and kind. */
export function attainmentOf(metric: Pick<IntervalMetric, 'better' | 'formula'>, target: number, actual: number | null, elapsed: number): Attainment {
  const better = directionOf(metric);
  const percent = attainmentPercent(actual, target, better);
  const met = actual === null ? null : better === 'lower' ? actual <= target : actual >= target;
  if (!isVolume(metric) || actual === null) return { percent, met, elapsed, expected: null, pace: null };
  return { percent, met, elapsed, ...paceOf(actual, target, elapsed, better) };
}
