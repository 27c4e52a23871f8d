// Game periods as local dates: weeks start on Monday, months end on their last day, a quiet weekend is looked back over.
import { describe, expect, it } from 'vitest';
import { closedPeriodsBefore, isClosed, periodInstants, periodOf } from './periods.ts';

describe('periodOf', () => {
  it('holds a date in its day, its Monday-first week and its month', () => {
    expect(periodOf('day', '2026-12-06')).toEqual({ period: 'day', key: '2026-12-06', last: '2026-12-06' });
    expect(periodOf('week', '2026-12-06')).toEqual({ period: 'week', key: '2026-11-30', last: '2026-12-06' });
    expect(periodOf('week', '2026-12-07')).toEqual({ period: 'week', key: '2026-12-07', last: '2026-12-13' });
    expect(periodOf('month', '2026-12-06')).toEqual({ period: 'month', key: '2026-12-01', last: '2026-12-31' });
    expect(periodOf('month', '2028-02-10').last).toBe('2028-02-29');
  });

  it('bounds a period by local midnights of the tenant’s zone', () => {
    const { from, to } = periodInstants(periodOf('day', '2026-12-02'), 'Europe/Moscow');
    expect([from.toISOString(), to.toISOString()]).toEqual(['2026-12-01T21:00:00.000Z', '2026-12-02T21:00:00.000Z']);
    const week = periodInstants(periodOf('week', '2026-03-30'), 'Europe/Berlin');
    expect(week.to.getTime() - week.from.getTime()).toBe(7 * 86_400_000);
  });
});

describe('closedPeriodsBefore', () => {
  it('lists the week of days, two weeks and the month before today, newest first', () => {
    const days = closedPeriodsBefore('day', '2026-12-07');
    expect(days.map((d) => d.key)).toEqual(['2026-12-06', '2026-12-05', '2026-12-04', '2026-12-03', '2026-12-02', '2026-12-01', '2026-11-30']);
    expect(closedPeriodsBefore('week', '2026-12-07').map((w) => w.key)).toEqual(['2026-11-30', '2026-11-23']);
    expect(closedPeriodsBefore('month', '2027-01-01').map((m) => m.key)).toEqual(['2026-12-01']);
    expect(days.every((d) => isClosed(d, '2026-12-07'))).toBe(true);
    expect(isClosed(periodOf('week', '2026-12-07'), '2026-12-07')).toBe(false);
  });
});
