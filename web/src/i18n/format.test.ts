import { describe, expect, it } from 'vitest';
import { formatClock, formatDateTime, formatDay, formatFileSize, formatNumber, formatPercent, formatPhone, formatStatusDuration, formatTime } from './format.ts';

/** Intl puts a no-break space between a number and its unit; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatStatusDuration', () => {
  it('shows minutes as "5 мин" in Russian and "5 min" in English', () => {
    // Arrange
    const fiveMinutes = 5 * 60_000 + 12_000;
    // Act
    const ru = formatStatusDuration(fiveMinutes, 'ru');
    const en = formatStatusDuration(fiveMinutes, 'en');
    // Assert
    expect(plain(ru)).toBe('5 мин');
    expect(plain(en)).toBe('5 min');
  });

  it('shows seconds under a minute, so a fresh status visibly ticks', () => {
    expect(plain(formatStatusDuration(45_400, 'ru'))).toBe('45 с');
    expect(plain(formatStatusDuration(45_400, 'en'))).toBe('45 sec');
  });

  it('shows hours and minutes past an hour, dropping zero minutes', () => {
    expect(plain(formatStatusDuration((65 * 60 + 30) * 1000, 'ru'))).toBe('1 ч 5 мин');
    expect(plain(formatStatusDuration(2 * 3_600_000, 'en'))).toBe('2 hr');
  });

  it('shows days and hours past a day', () => {
    expect(plain(formatStatusDuration((26 * 60 + 10) * 60_000, 'en'))).toBe('1 day 2 hr');
  });

  it('treats a negative span from clock skew as zero', () => {
    expect(plain(formatStatusDuration(-3_000, 'ru'))).toBe('0 с');
  });
});

describe('date and number formatters', () => {
  it('formats clock time in 24-hour form in both languages', () => {
    // Arrange
    const at = '2026-03-05T14:07:00Z';
    // Act / Assert
    expect(formatTime(at, 'ru', 'UTC')).toBe('14:07');
    expect(formatTime(at, 'en', 'UTC')).toBe('14:07');
  });

  it('formats a date with the month in the user language', () => {
    expect(plain(formatDateTime('2026-03-05T14:07:00Z', 'ru', 'Europe/Moscow'))).toBe('5 мар. 2026 г., 17:07');
    expect(formatDateTime('2026-03-05T14:07:00Z', 'en', 'Europe/Moscow')).toBe('Mar 5, 2026, 17:07');
  });

  it('groups digits the way each language does', () => {
    expect(plain(formatNumber(12345, 'ru'))).toBe('12 345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
  });
});

describe('formatPhone', () => {
  it('formats a Russian number the Russian way, and internationally in English', () => {
    expect(formatPhone('+74951234567', 'ru')).toBe('+7 (495) 123-45-67');
    expect(formatPhone('+74951234567', 'en')).toBe('+7 495 123-45-67');
  });

  it('returns numbers it does not know unchanged', () => {
    expect(formatPhone('+442071234567', 'ru')).toBe('+442071234567');
  });
});

describe('formatClock', () => {
  it('shows minutes and seconds, and hours only when there are some', () => {
    expect(formatClock(7)).toBe('0:07');
    expect(formatClock(12 * 60 + 5)).toBe('12:05');
    expect(formatClock(3723)).toBe('1:02:03');
  });

  it('never shows a negative or fractional clock', () => {
    expect(formatClock(-4)).toBe('0:00');
    expect(formatClock(9.9)).toBe('0:09');
  });
});

describe('formatPercent', () => {
  it('rounds to whole percent in each language’s style', () => {
    expect(plain(formatPercent(83.33, 'ru'))).toBe('83 %');
    expect(formatPercent(83.33, 'en')).toBe('83%');
  });
});

describe('formatDay', () => {
  const now = new Date('2026-03-05T10:00:00Z');

  it('names today and yesterday in the user language', () => {
    expect(formatDay('2026-03-05T08:00:00Z', 'ru', now, 'UTC')).toBe('Сегодня');
    expect(formatDay('2026-03-04T23:00:00Z', 'en', now, 'UTC')).toBe('Yesterday');
  });

  it('gives the date for older days, with the year only when it differs', () => {
    expect(formatDay('2026-03-01T08:00:00Z', 'ru', now, 'UTC')).toBe('1 марта');
    expect(plain(formatDay('2025-12-31T08:00:00Z', 'ru', now, 'UTC'))).toBe('31 декабря 2025 г.');
    expect(formatDay('2026-03-01T08:00:00Z', 'en', now, 'UTC')).toBe('March 1');
  });
});

describe('formatFileSize', () => {
  it('picks a unit and keeps one decimal for small values', () => {
    expect(plain(formatFileSize(830, 'en'))).toBe('830 byte');
    expect(plain(formatFileSize(3.4 * 1024 * 1024, 'ru'))).toBe('3,4 МБ');
    expect(plain(formatFileSize(12 * 1024, 'en'))).toBe('12 kB');
  });
});
