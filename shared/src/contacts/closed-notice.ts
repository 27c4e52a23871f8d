import type { OpeningTime } from '../routing/next-opening.ts';
import type { Weekday } from '../routing/model.ts';

const RU_WEEKDAYS: Record<Weekday, string> = { mon: 'пн', tue: 'вт', wed: 'ср', thu: 'чт', fri: 'пт', sat: 'сб', sun: 'вс' };
const EN_WEEKDAYS: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };
/** Customer-facing names of zones; any other zone is shown by its IANA id. */
const ZONE_NAMES: Record<string, { ru: string; en: string }> = { 'Europe/Moscow': { ru: 'МСК', en: 'MSK' } };

/** The out-of-hours auto-reply to a new chat contact: when the queue opens (if within the horizon) and ru/en texts. */
export interface ClosedNotice {
  /** `undefined`: the queue does not open within the look-ahead, so the text names no time. */
  opening: OpeningTime | undefined;
  text: { ru: string; en: string };
}

/** Formats the auto-reply: «Сейчас мы не работаем. Ответим, как только откроемся: пн 09:00 (МСК).» and its English twin. */
export function toClosedNotice(opening: OpeningTime | undefined): ClosedNotice {
  if (opening === undefined) {
    return { opening, text: { ru: 'Сейчас мы не работаем. Ответим, как только откроемся.', en: 'We are closed now. We will reply as soon as we open.' } };
  }
  const zone = ZONE_NAMES[opening.timeZone] ?? { ru: opening.timeZone, en: opening.timeZone };
  return {
    opening,
    text: {
      ru: `Сейчас мы не работаем. Ответим, как только откроемся: ${RU_WEEKDAYS[opening.weekday]} ${opening.time} (${zone.ru}).`,
      en: `We are closed now. We will reply as soon as we open: ${EN_WEEKDAYS[opening.weekday]} ${opening.time} (${zone.en}).`,
    },
  };
}
