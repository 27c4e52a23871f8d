import { describe, expect, it } from 'vitest';
import { bucketOf, intervalStart } from './intervals.ts';
import { localDate, localIso, mondayOf, startOfLocalDate } from '../calendar/values.ts';
import { bucketsBetween } from './report.ts';
import { splitSpan } from './agent-events.ts';

describe('metric intervals', () => {
  it('puts an instant in its 15-minute interval and its local day', () => {
    expect(intervalStart('2026-12-02T07:14:59.999Z')).toBe('2026-12-02T07:00:00.000Z');
    expect(intervalStart('2026-12-02T07:15:00.000Z')).toBe('2026-12-02T07:15:00.000Z');
    expect(localDate('2026-12-02T21:30:00.000Z', 'Europe/Moscow')).toBe('2026-12-03');
    expect(localIso(new Date('2026-12-02T21:30:00.000Z'), 'Europe/Moscow')).toBe('2026-12-03T00:30:00+03:00');
    expect(localIso(new Date('2026-12-02T21:30:00.000Z'), 'America/New_York')).toBe('2026-12-02T16:30:00-05:00');
  });

  it('finds local midnight on a daylight-saving change and in a half-hour zone', () => {
    expect(startOfLocalDate('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDate('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(bucketOf('hour', new Date('2026-12-02T07:45:00.000Z'), 'Asia/Kolkata')).toBe('2026-12-02T13:00:00+05:30');
  });

  it('starts weeks on Monday and months on the first, in the tenant’s zone', () => {
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(bucketOf('week', new Date('2026-12-06T20:00:00.000Z'), 'Europe/Moscow')).toBe('2026-11-30T00:00:00+03:00');
    expect(bucketOf('week', new Date('2026-12-06T21:00:00.000Z'), 'Europe/Moscow')).toBe('2026-12-07T00:00:00+03:00');
    expect(bucketOf('month', new Date('2026-11-30T21:00:00.000Z'), 'Europe/Moscow')).toBe('2026-12-01T00:00:00+03:00');
  });

  it('lists every bucket of a range, a 23-hour day included', () => {
    expect(bucketsBetween('hour', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', 'Europe/Berlin')).toHaveLength(23);
    expect(bucketsBetween('day', '2026-11-30T21:00:00.000Z', '2026-12-31T21:00:00.000Z', 'Europe/Moscow')).toHaveLength(31);
    expect(bucketsBetween('month', '2026-11-30T21:00:00.000Z', '2026-12-31T21:00:00.000Z', 'Europe/Moscow')).toEqual(['2026-12-01T00:00:00+03:00']);
  });

  it('cuts an agent’s span at interval boundaries', () => {
    expect(splitSpan('2026-12-02T07:10:00.000Z', '2026-12-02T07:40:00.000Z')).toEqual([
      ['2026-12-02T07:10:00.000Z', '2026-12-02T07:15:00.000Z'],
      ['2026-12-02T07:15:00.000Z', '2026-12-02T07:30:00.000Z'],
      ['2026-12-02T07:30:00.000Z', '2026-12-02T07:40:00.000Z'],
    ]);
  });
});
