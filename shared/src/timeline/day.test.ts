import { describe, expect, it } from 'vitest';
import { dayBounds, localDate, timelineDateProblem, TimelineQuerySchema } from './day.ts';

describe('dayBounds', () => {
  it('gives a Moscow day from its midnight to the next, 24 hours', () => {
    // Act
    const { start, end } = dayBounds('2026-03-15', 'Europe/Moscow');
    // Assert
    expect([start.toISOString(), end.toISOString()]).toEqual(['2026-03-14T21:00:00.000Z', '2026-03-15T21:00:00.000Z']);
  });

  it('gives 23 hours on the day the clocks go forward and 25 on the day they go back', () => {
    // Act
    const spring = dayBounds('2026-03-29', 'Europe/Berlin');
    const autumn = dayBounds('2026-10-25', 'Europe/Berlin');
    // Assert
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(25);
  });
});

describe('localDate', () => {
  it('is the calendar day in the time zone, not in UTC', () => {
    // Act / Assert
    expect(localDate(new Date('2026-03-14T22:30:00.000Z'), 'Europe/Moscow')).toBe('2026-03-15');
    expect(localDate(new Date('2026-03-14T22:30:00.000Z'), 'UTC')).toBe('2026-03-14');
  });
});

describe('which days a timeline shows', () => {
  it('shows today and the 39 days before, refusing days to come and older ones with a reason', () => {
    // Act / Assert
    expect(timelineDateProblem('2026-03-15', '2026-03-15')).toBeUndefined();
    expect(timelineDateProblem('2026-02-04', '2026-03-15')).toBeUndefined();
    expect(timelineDateProblem('2026-03-16', '2026-03-15')).toMatchObject({ reason: 'date_in_future' });
    expect(timelineDateProblem('2026-02-03', '2026-03-15')).toMatchObject({ reason: 'date_too_old', message: expect.stringContaining('2026-02-04') });
  });

  it.each(['2026-02-30', '15.03.2026', '2026-3-15', 'today'])('refuses %s as a date, saying the form it wants', (date) => {
    // Act
    const result = TimelineQuerySchema.safeParse({ date });
    // Assert
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain('YYYY-MM-DD');
  });
});
