import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricById, type IntervalMetric } from '../metrics/catalog/index.ts';
import { attainmentOf, attainmentPercent, elapsedShare, isVolume, periodRange } from './attainment.ts';
import { ATTAINMENT_MAX_PERCENT } from './values.ts';

const metric = (id: string) => metricById(id) as IntervalMetric;
const MSK = 'Europe/Moscow';
const msk = (local: string) => new Date(`${local}+03:00`);

describe('a plan period', () => {
  it('is the local day, or the calendar month, in the tenant’s zone', () => {
    // Act
    const day = periodRange('day', '2026-12-03', MSK);
    const month = periodRange('month', '2026-02-17', MSK);
    const december = periodRange('month', '2026-12-31', MSK);
    // Assert
    expect([day.date, day.from.toISOString(), day.to.toISOString()]).toEqual(['2026-12-03', '2026-12-02T21:00:00.000Z', '2026-12-03T21:00:00.000Z']);
    expect([month.date, month.from.toISOString(), month.to.toISOString()]).toEqual(['2026-02-01', '2026-01-31T21:00:00.000Z', '2026-02-28T21:00:00.000Z']);
    expect(december.to.toISOString()).toBe('2026-12-31T21:00:00.000Z');
  });

  it('follows a clock change: the spring-forward day in Berlin has 23 hours, so noon is 11/23 of it', () => {
    // Arrange
    const range = periodRange('day', '2026-03-29', 'Europe/Berlin');
    // Act
    const atNoon = elapsedShare(range, new Date('2026-03-29T12:00:00+02:00'));
    // Assert
    expect((range.to.getTime() - range.from.getTime()) / 3_600_000).toBe(23);
    expect(atNoon).toBeCloseTo(11 / 23, 10);
  });

  it('has 0 gone by before it starts and all of it after it ends', () => {
    const range = periodRange('day', '2026-12-03', MSK);
    expect(elapsedShare(range, msk('2026-12-02T23:59:00'))).toBe(0);
    expect(elapsedShare(range, msk('2026-12-03T12:00:00'))).toBe(0.5);
    expect(elapsedShare(range, msk('2026-12-05T08:00:00'))).toBe(1);
  });

  it('tiles the calendar: each period ends where the next begins, and a month has 28 to 31 days', () => {
    const dates = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const zones = fc.constantFrom('Europe/Moscow', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC');
    fc.assert(fc.property(dates, zones, fc.constantFrom('day' as const, 'month' as const), (date, zone, period) => {
      const range = periodRange(period, date, zone);
      const next = periodRange(period, new Date(range.to.getTime() + 12 * 3_600_000).toISOString().slice(0, 10), zone);
      expect(next.from.getTime()).toBe(range.to.getTime());
      const hours = (range.to.getTime() - range.from.getTime()) / 3_600_000;
      if (period === 'day') expect([23, 24, 25]).toContain(hours);
      else expect(hours).toBeGreaterThanOrEqual(28 * 24 - 1);
      if (period === 'month') expect(hours).toBeLessThanOrEqual(31 * 24 + 1);
    }), { numRuns: 300 });
  });
});

describe('attainment', () => {
  it('divides actual by target when higher is better, target by actual when lower is', () => {
    expect(attainmentPercent(45, 60, 'higher')).toBe(75);
    expect(attainmentPercent(250, 300, 'lower')).toBe(120);
    expect(attainmentPercent(360, 300, 'lower')).toBe(83.3);
  });

  it('is null, never 0, while there is no actual', () => {
    const aht = attainmentOf(metric('average_handle_time'), 300, null, 0.5);
    expect(aht).toEqual({ percent: null, met: null, elapsed: 0.5, expected: null, pace: null });
  });

  it('takes a target of 0 as met by 0 and beaten by anything better, and caps a division by 0', () => {
    expect(attainmentPercent(0, 0, 'higher')).toBe(100);
    expect(attainmentPercent(3, 0, 'higher')).toBe(ATTAINMENT_MAX_PERCENT);
    expect(attainmentPercent(0, 0, 'lower')).toBe(100);
    expect(attainmentPercent(2, 0, 'lower')).toBe(0);
    expect(attainmentPercent(0, 5, 'lower')).toBe(ATTAINMENT_MAX_PERCENT);
    expect(attainmentPercent(-20, 30, 'higher')).toBe(0);
  });

  it('counts a metric with no better direction as higher is better', () => {
    const offered = metric('contacts_offered');
    expect(offered.better).toBeUndefined();
    expect(attainmentOf(offered, 40, 10, 1)).toMatchObject({ percent: 25, met: false });
  });

  it('puts a day plan of 100 contacts on pace at noon within 5 % of 50 handled', () => {
    // Arrange
    const handled = metric('contacts_handled');
    const noon = elapsedShare(periodRange('day', '2026-12-03', MSK), msk('2026-12-03T12:00:00'));
    // Act
    const on = attainmentOf(handled, 100, 48, noon);
    const behind = attainmentOf(handled, 100, 47, noon);
    const ahead = attainmentOf(handled, 100, 60, noon);
    // Assert
    expect(on).toEqual({ percent: 48, met: false, elapsed: 0.5, expected: 50, pace: 'on_pace' });
    expect(behind.pace).toBe('behind');
    expect(ahead.pace).toBe('ahead');
  });

  it('has a lower-is-better volume ahead while under its share of the allowance', () => {
    const missed = metric('missed_offers');
    expect(attainmentOf(missed, 10, 2, 0.5)).toEqual({ percent: 500, met: true, elapsed: 0.5, expected: 5, pace: 'ahead' });
    expect(attainmentOf(missed, 10, 8, 0.5)).toMatchObject({ met: true, pace: 'behind' });
    expect(attainmentOf(missed, 10, 0, 0.5)).toMatchObject({ percent: ATTAINMENT_MAX_PERCENT, met: true, pace: 'ahead' });
  });

  it('gives averages and rates no pace', () => {
    expect(isVolume(metric('service_level'))).toBe(false);
    expect(attainmentOf(metric('service_level'), 80, 84, 0.3)).toEqual({ percent: 105, met: true, elapsed: 0.3, expected: null, pace: null });
  });

  it('stays between 0 and the cap, agrees with met, and moves with the actual the way the metric is good', () => {
    const actuals = fc.double({ min: -100, max: 10_000, noNaN: true });
    fc.assert(fc.property(actuals, actuals, fc.double({ min: 0, max: 5_000, noNaN: true }), fc.constantFrom('higher' as const, 'lower' as const), (a, b, target, better) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      const pLow = attainmentPercent(low, target, better)!;
      const pHigh = attainmentPercent(high, target, better)!;
      for (const p of [pLow, pHigh]) expect(p >= 0 && p <= ATTAINMENT_MAX_PERCENT).toBe(true);
      if (better === 'higher') expect(pHigh).toBeGreaterThanOrEqual(pLow);
      else if (low >= 0) expect(pHigh).toBeLessThanOrEqual(pLow);
      const m = better === 'higher' ? metric('contacts_handled') : metric('missed_offers');
      const result = attainmentOf(m, target, high, 0.5);
      if (result.met) expect(result.percent).toBeGreaterThanOrEqual(100);
      else expect(result.percent).toBeLessThanOrEqual(100);
    }), { numRuns: 500 });
  });

  it('never calls a volume behind that has reached its whole target, nor ahead one short of its expected figure', () => {
    fc.assert(fc.property(fc.nat(1_000), fc.nat(1_000), fc.double({ min: 0, max: 1, noNaN: true }), (target, actual, elapsed) => {
      const { pace, expected } = attainmentOf(metric('contacts_handled'), target, actual, elapsed);
      if (actual >= target) expect(pace).not.toBe('behind');
      if (actual < expected!) expect(pace).not.toBe('ahead');
    }), { numRuns: 500 });
  });
});
