import type { QueuePosition } from '../routing/queue-position.ts';

const RU_ORDINALS = ['первый', 'второй', 'третий', 'четвёртый', 'пятый', 'шестой', 'седьмой', 'восьмой', 'девятый', 'десятый'];

function enOrdinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** A waiting contact's place, ready for any locale: numbers, a message key with parameters, and ru/en texts. */
export interface PositionView {
  contactId: string;
  queueId: string;
  /** 1-based; `null` when the contact is not waiting. */
  position: number | null;
  /** Contacts waiting in the queue now. */
  waiting: number;
  estimatedWaitSeconds: number | null;
  /** Rounded up, at least 1 when there is a wait; `null` when unknown. */
  estimatedWaitMinutes: number | null;
  /** For clients with their own translations. */
  message: { key: 'queue.position' | 'queue.position.unknownWait' | 'queue.notWaiting'; params: { position?: number; minutes?: number } };
  text: { ru: string; en: string };
}

/** Formats a queue position for customers: «Вы третий в очереди, ~2 мин» / "You are 3rd in the queue, ~2 min". */
export function toPositionView(contactId: string, queueId: string, waiting: number, position: QueuePosition | undefined): PositionView {
  if (position === undefined) {
    return {
      contactId, queueId, position: null, waiting, estimatedWaitSeconds: null, estimatedWaitMinutes: null,
      message: { key: 'queue.notWaiting', params: {} },
      text: { ru: 'Вы не в очереди', en: 'You are not waiting in a queue' },
    };
  }
  const n = position.position;
  const seconds = position.estimatedWaitSeconds;
  const minutes = seconds === null ? null : seconds === 0 ? 0 : Math.max(1, Math.ceil(seconds / 60));
  const ruPlace = n <= RU_ORDINALS.length ? `Вы ${RU_ORDINALS[n - 1]} в очереди` : `Вы ${n}-й в очереди`;
  const enPlace = `You are ${enOrdinal(n)} in the queue`;
  const known = minutes !== null && minutes > 0;
  return {
    contactId, queueId, position: n, waiting, estimatedWaitSeconds: seconds, estimatedWaitMinutes: minutes,
    message: known ? { key: 'queue.position', params: { position: n, minutes } } : { key: 'queue.position.unknownWait', params: { position: n } },
    text: known ? { ru: `${ruPlace}, ~${minutes} мин`, en: `${enPlace}, ~${minutes} min` } : { ru: ruPlace, en: enPlace },
  };
}
