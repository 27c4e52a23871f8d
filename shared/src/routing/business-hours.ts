import type { Queue, RoutableContact, Weekday } from './model.ts';
import { waitedSeconds } from './rank-agents.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date (`YYYY-MM-DD`), weekday and `HH:MM` of an instant in an IANA time zone. */
export function localTime(at: Date, timeZone: string): { date: string; weekday: Weekday; time: string } {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of format.formatToParts(at)) part[p.type] = p.value;
  return {
    date: `${part.year}-${part.month}-${part.day}`,
    weekday: part.weekday!.toLowerCase() as Weekday,
    time: `${part.hour}:${part.minute}`,
  };
}

/** Whether the queue is open at `at`: within a span of that weekday in its time zone and not a holiday. */
export function isOpen(queue: Queue, at: Date): boolean {
  const hours = queue.businessHours;
  if (hours === undefined) return true;
  const { date, weekday, time } = localTime(at, queue.timeZone);
  if (hours.holidays.includes(date)) return false;
  return (hours.weekly[weekday] ?? []).some((span) => span.open <= time && time < span.close);
}

/** The queue to move the contact to once it has waited `maxWaitSeconds`, or `undefined` to keep it. */
export function overflowTarget(contact: RoutableContact, queue: Queue, now: Date): string | undefined {
  if (queue.maxWaitSeconds === undefined || queue.overflowQueueId === undefined) return undefined;
  return waitedSeconds(contact, now) >= queue.maxWaitSeconds ? queue.overflowQueueId : undefined;
}
