import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricById, type IntervalMetric } from '../metrics/catalog/index.ts';
import { alertPeriod, evaluateAlert, intervalValue } from './evaluate.ts';
import type { AlertWatch } from './model.ts';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 3, 9, 0, seconds));
const waiting = metricById('contacts_waiting')!;
const oldest = metricById('oldest_contact_age')!;
const rule = (over: Partial<{ comparison: 'gt' | 'gte' | 'lt' | 'lte'; threshold: number; windowSeconds: number; quietSeconds: number }> = {}) => ({ comparison: 'gt' as const, threshold: 0, windowSeconds: 0, quietSeconds: 0, ...over });

describe('alert windows', () => {
  it('reads the tenant’s day so far for a zero window, else the 15-minute intervals covering the window', () => {
    // 2026-12-03 23:30 UTC is already the 4th in Moscow
    expect(alertPeriod({ windowSeconds: 0 }, new Date('2026-12-03T23:30:00Z'), 'Europe/Moscow')).toEqual({ kind: 'D', from: '2026-12-04', to: '2026-12-04' });
    expect(alertPeriod({ windowSeconds: 900 }, new Date('2026-12-03T09:07:00Z'), 'Europe/Moscow')).toEqual({ kind: 'I', from: '2026-12-03T09:00:00.000Z', to: '2026-12-03T09:00:00.000Z' });
    expect(alertPeriod({ windowSeconds: 3600 }, new Date('2026-12-03T09:07:00Z'), 'Europe/Moscow')).toEqual({ kind: 'I', from: '2026-12-03T08:15:00.000Z', to: '2026-12-03T09:00:00.000Z' });
    expect(alertPeriod({ windowSeconds: 60 }, new Date('2026-12-03T09:07:00Z'), 'UTC').kind).toBe('I');
  });

  it('sums the window’s cells before the formula: a ratio of sums, not a mean of ratios', () => {
    const level = metricById('service_level') as IntervalMetric;
    // 9 of 10 in time, then 0 of 1: 9/11, not (90 % + 0 %) / 2
    expect(intervalValue(level, [{ measures: { answeredInTime: 9, handled: 10 } }, { measures: { handled: 1 } }])).toBeCloseTo((9 / 11) * 100, 6);
    expect(intervalValue(level, [])).toBeNull();
  });
});

describe('evaluating a rule', () => {
  it('fires at once on a zero window, and recovers once', () => {
    const fired = evaluateAlert(rule(), waiting, { firing: false }, 2, at(0));
    expect(fired.notice).toBe('fired');
    expect(fired.watch).toMatchObject({ firing: true, notified: 'fired', value: 2, breachSince: at(0).toISOString() });
    const still = evaluateAlert(rule(), waiting, fired.watch, 3, at(5));
    expect(still.notice).toBeUndefined();
    const recovered = evaluateAlert(rule(), waiting, still.watch, 0, at(9));
    expect(recovered.notice).toBe('recovered');
    expect(recovered.watch.breachSince).toBeUndefined();
  });

  it('waits for a live breach to last its window, asking to be looked at again when it will have', () => {
    const first = evaluateAlert(rule({ windowSeconds: 60 }), waiting, { firing: false }, 1, at(0));
    expect(first.notice).toBeUndefined();
    expect(first.recheckAt).toBe(at(60).toISOString());
    const later = evaluateAlert(rule({ windowSeconds: 60 }), waiting, first.watch, 1, at(60));
    expect(later.notice).toBe('fired');
    expect(later.recheckAt).toBeUndefined();
    // A breach that ends within the window never fires, and a new one starts its own window.
    const ended = evaluateAlert(rule({ windowSeconds: 60 }), waiting, first.watch, 0, at(30));
    const again = evaluateAlert(rule({ windowSeconds: 60 }), waiting, ended.watch, 1, at(40));
    expect([ended.notice, again.notice]).toEqual([undefined, undefined]);
    expect(again.recheckAt).toBe(at(100).toISOString());
  });

  it('looks again when a growing wait will cross the threshold', () => {
    const gt = evaluateAlert(rule({ threshold: 120 }), oldest, { firing: false }, 30, at(0), true);
    expect(gt.recheckAt).toBe(at(91).toISOString());
    const gte = evaluateAlert(rule({ comparison: 'gte', threshold: 120 }), oldest, { firing: false }, 30, at(0), true);
    expect(gte.recheckAt).toBe(at(90).toISOString());
    expect(evaluateAlert(rule({ threshold: 120 }), oldest, { firing: false }, 30, at(0), false).recheckAt).toBeUndefined();
  });

  it('tells a state the quiet period held back once the period is over', () => {
    const fired = evaluateAlert(rule({ quietSeconds: 300 }), waiting, { firing: false }, 1, at(0));
    const quiet = evaluateAlert(rule({ quietSeconds: 300 }), waiting, fired.watch, 0, at(10));
    expect(quiet.notice).toBeUndefined();
    expect(quiet.recheckAt).toBe(at(300).toISOString());
    expect(evaluateAlert(rule({ quietSeconds: 300 }), waiting, quiet.watch, 0, at(300)).notice).toBe('recovered');
  });

  it('keeps its state on no data', () => {
    const watch: AlertWatch = { firing: true, notified: 'fired', notifiedAt: at(0).toISOString() };
    const result = evaluateAlert(rule(), metricById('csat_average')!, watch, null, at(10));
    expect(result.notice).toBeUndefined();
    expect(result.watch).toMatchObject({ firing: true, notified: 'fired', value: null });
  });

  it('never sends two notices of the same kind in a row, whatever the values and times', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 120 })), { maxLength: 40 }), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 90 }), (steps, quietSeconds, windowSeconds) => {
      let watch: AlertWatch = { firing: false };
      let second = 0;
      const notices: string[] = [];
      for (const [value, gap] of steps) {
        second += gap;
        const result = evaluateAlert(rule({ threshold: 2, quietSeconds, windowSeconds }), waiting, watch, value, at(second));
        watch = result.watch;
        if (result.notice) notices.push(result.notice);
        if (result.recheckAt !== undefined) expect(Date.parse(result.recheckAt)).toBeGreaterThan(at(second).getTime() - 1);
      }
      for (let i = 1; i < notices.length; i++) expect(notices[i]).not.toBe(notices[i - 1]);
      if (notices.length > 0) expect(notices[0]).toBe('fired');
    }));
  });
});
