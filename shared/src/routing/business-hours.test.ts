import { describe, expect, it } from 'vitest';
import { isOpen, localTime, overflowTarget } from './business-hours.ts';
import { QueueSchema } from './model.ts';
import { NOW, ago, makeContact, makeQueue } from './test-fixtures.ts';

const weekdays = { open: '09:00', close: '18:00' };
const moscow = makeQueue({
  timeZone: 'Europe/Moscow',
  businessHours: {
    weekly: { mon: [weekdays], tue: [weekdays], wed: [weekdays], thu: [weekdays], fri: [weekdays] },
    holidays: ['2026-03-09'],
  },
});

describe('isOpen', () => {
  it.each([
    ['2026-03-02T05:59:00Z', false, 'Monday 08:59 in Moscow'],
    ['2026-03-02T06:00:00Z', true, 'Monday 09:00 in Moscow'],
    ['2026-03-02T14:59:59Z', true, 'Monday 17:59 in Moscow'],
    ['2026-03-02T15:00:00Z', false, 'Monday 18:00 in Moscow'],
    ['2026-03-07T10:00:00Z', false, 'a Saturday'],
    ['2026-03-09T10:00:00Z', false, 'a holiday Monday'],
  ])('at %s returns %s (%s)', (iso, expected) => {
    // Act + Assert
    expect(isOpen(moscow, new Date(iso))).toBe(expected);
  });

  it('follows daylight saving time in the queue time zone', () => {
    // Arrange: New York moves to EDT (UTC−4) on 2026-03-08
    const queue = makeQueue({ timeZone: 'America/New_York', businessHours: { weekly: { fri: [weekdays], mon: [weekdays] } } });
    // Act + Assert
    expect(isOpen(queue, new Date('2026-03-06T13:30:00Z'))).toBe(false); // Fri 08:30 EST
    expect(isOpen(queue, new Date('2026-03-09T13:30:00Z'))).toBe(true); // Mon 09:30 EDT
  });

  it('uses the local weekday when it differs from the UTC one', () => {
    // Arrange
    const queue = makeQueue({ timeZone: 'Asia/Vladivostok', businessHours: { weekly: { mon: [weekdays] } } });
    // Act + Assert: Sunday 23:00 UTC is Monday 09:00 in Vladivostok
    expect(isOpen(queue, new Date('2026-03-01T23:00:00Z'))).toBe(true);
  });

  it('is open around the clock without business hours, and all day with a 00:00–24:00 span', () => {
    // Arrange
    const allDay = makeQueue({ businessHours: { weekly: { mon: [{ open: '00:00', close: '24:00' }] } } });
    // Act + Assert
    expect(isOpen(makeQueue(), NOW)).toBe(true);
    expect(isOpen(allDay, new Date('2026-03-02T23:59:59Z'))).toBe(true);
  });

  it('rejects unknown time zones and inverted spans in the schema', () => {
    // Arrange
    const base = { queueId: 'q', name: 'q', serviceLevel: { targetPercent: 80, thresholdSeconds: 20 } };
    // Act + Assert
    expect(QueueSchema.safeParse({ ...base, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(QueueSchema.safeParse({ ...base, businessHours: { weekly: { mon: [{ open: '18:00', close: '09:00' }] } } }).success).toBe(false);
  });
});

describe('localTime', () => {
  it('gives the wall-clock date, weekday and time in the zone', () => {
    // Act + Assert
    expect(localTime(new Date('2026-03-01T23:00:00Z'), 'Asia/Vladivostok')).toEqual({ date: '2026-03-02', weekday: 'mon', time: '09:00' });
    expect(localTime(new Date('2026-03-02T00:00:00Z'), 'UTC')).toEqual({ date: '2026-03-02', weekday: 'mon', time: '00:00' });
  });
});

describe('overflowTarget', () => {
  const queue = makeQueue({ maxWaitSeconds: 120, overflowQueueId: 'backup' });

  it('sends a contact to the overflow queue once it has waited the maximum', () => {
    // Act + Assert
    expect(overflowTarget(makeContact({ enqueuedAt: ago(120) }), queue, NOW)).toBe('backup');
  });

  it('keeps a contact that has not waited the maximum, or when no overflow is configured', () => {
    // Act + Assert
    expect(overflowTarget(makeContact({ enqueuedAt: ago(119) }), queue, NOW)).toBeUndefined();
    expect(overflowTarget(makeContact({ enqueuedAt: ago(999) }), makeQueue({ maxWaitSeconds: 120 }), NOW)).toBeUndefined();
  });
});
