import { describe, expect, it } from 'vitest';
import { isOpen } from './business-hours.ts';
import { nextOpening, openingTimeOf } from './next-opening.ts';
import { makeQueue } from './test-fixtures.ts';

const day = { open: '09:00', close: '18:00' };
const weekdays = { mon: [day], tue: [day], wed: [day], thu: [day], fri: [day] };
// 2026-03-02 is a Monday; 2026-03-09 a holiday Monday.
const moscow = makeQueue({ timeZone: 'Europe/Moscow', businessHours: { weekly: weekdays, holidays: ['2026-03-09'] } });
const berlin = makeQueue({ timeZone: 'Europe/Berlin', businessHours: { weekly: weekdays } });

describe('nextOpening', () => {
  it.each([
    ['2026-03-02T05:00:00Z', '2026-03-02T06:00:00.000Z', 'Monday 08:00 opens at 09:00 the same day'],
    ['2026-03-03T16:00:00Z', '2026-03-04T06:00:00.000Z', 'Tuesday 19:00, after closing, opens Wednesday 09:00'],
    ['2026-03-14T10:00:00Z', '2026-03-16T06:00:00.000Z', 'a Saturday opens on Monday'],
    ['2026-03-06T15:30:00Z', '2026-03-10T06:00:00.000Z', 'Friday evening skips the holiday Monday'],
  ])('in Moscow at %s returns %s (%s)', (iso, expected) => {
    // Act
    const opening = nextOpening(moscow, new Date(iso));
    // Assert
    expect(opening?.toISOString()).toBe(expected);
  });

  it('returns the same instant when the queue is open now or has no business hours', () => {
    // Arrange
    const at = new Date('2026-03-02T10:00:00Z');
    // Act + Assert
    expect(nextOpening(moscow, at)).toBe(at);
    expect(nextOpening(makeQueue(), at)).toBe(at);
  });

  it('returns undefined when the queue stays closed for the next 14 days', () => {
    // Arrange
    const never = makeQueue({ businessHours: { weekly: {} } });
    const longHoliday = makeQueue({ businessHours: { weekly: { mon: [day] }, holidays: ['2026-03-09', '2026-03-16'] } });
    // Act + Assert
    expect(nextOpening(never, new Date('2026-03-02T10:00:00Z'))).toBeUndefined();
    expect(nextOpening(longHoliday, new Date('2026-03-02T20:00:00Z'))).toBeUndefined();
  });

  it.each([
    ['2026-03-20T18:00:00Z', '2026-03-23T08:00:00.000Z', 'in winter time (UTC+1)'],
    ['2026-03-27T18:00:00Z', '2026-03-30T07:00:00.000Z', 'across the switch to summer time (UTC+2)'],
    ['2026-10-23T17:00:00Z', '2026-10-26T08:00:00.000Z', 'across the switch back to winter time'],
  ])('in Berlin from Friday evening %s opens Monday 09:00 local, %s (%s)', (iso, expected) => {
    // Act
    const opening = nextOpening(berlin, new Date(iso));
    // Assert
    expect(opening?.toISOString()).toBe(expected);
  });

  it('opens right after a daylight-saving gap when the opening time never happens that day', () => {
    // Arrange: 02:30 does not exist in Berlin on 2026-03-29 (clocks jump 02:00 → 03:00)
    const queue = makeQueue({ timeZone: 'Europe/Berlin', businessHours: { weekly: { sun: [{ open: '02:30', close: '05:00' }] } } });
    // Act
    const opening = nextOpening(queue, new Date('2026-03-28T12:00:00Z'))!;
    // Assert
    expect(isOpen(queue, opening)).toBe(true);
    expect(opening.getTime()).toBeLessThan(Date.parse('2026-03-29T03:00:00Z'));
  });
});

describe('openingTimeOf', () => {
  it('gives the local weekday, date and time in the queue time zone', () => {
    // Act
    const view = openingTimeOf(moscow, new Date('2026-03-10T06:00:00Z'));
    // Assert
    expect(view).toEqual({ weekday: 'tue', date: '2026-03-10', time: '09:00', timeZone: 'Europe/Moscow' });
  });
});
