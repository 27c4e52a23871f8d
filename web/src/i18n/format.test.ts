import { describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber, formatPhone, formatStatusDuration, formatTime } from './format.ts';

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
