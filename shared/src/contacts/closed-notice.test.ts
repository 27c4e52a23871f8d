import { describe, expect, it } from 'vitest';
import { toClosedNotice } from './closed-notice.ts';

describe('toClosedNotice', () => {
  it('says «… откроемся: пн 09:00 (МСК).» and its English twin for a Moscow queue', () => {
    // Act
    const notice = toClosedNotice({ weekday: 'mon', date: '2026-03-16', time: '09:00', timeZone: 'Europe/Moscow' });
    // Assert
    expect(notice.text).toEqual({
      ru: 'Сейчас мы не работаем. Ответим, как только откроемся: пн 09:00 (МСК).',
      en: 'We are closed now. We will reply as soon as we open: Mon 09:00 (MSK).',
    });
  });

  it('names other zones by their IANA id and leaves the time out when the queue does not open soon', () => {
    // Act
    const berlin = toClosedNotice({ weekday: 'sat', date: '2026-03-21', time: '10:30', timeZone: 'Europe/Berlin' });
    const never = toClosedNotice(undefined);
    // Assert
    expect(berlin.text.ru).toBe('Сейчас мы не работаем. Ответим, как только откроемся: сб 10:30 (Europe/Berlin).');
    expect(never.text).toEqual({ ru: 'Сейчас мы не работаем. Ответим, как только откроемся.', en: 'We are closed now. We will reply as soon as we open.' });
  });
});
