import type { Queue, RoutableContact } from './model.ts';
import { waitedSeconds } from './rank-agents.ts';
import { localTime } from '../calendar/values.ts';

export { localTime } from '../calendar/values.ts';

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
