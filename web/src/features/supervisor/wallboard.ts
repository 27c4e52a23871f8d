import type { AgentStatus } from '@cc/shared/agents/model';
import type { TenantQueue } from '@cc/shared/queues/ports';
import type { QueueStatsView } from '@cc/shared/realtime/ports';

/** A queue's figures and when this console received them (its own clock, so server skew does not matter). */
export interface QueueFigures {
  stats: QueueStatsView;
  receivedAt: number;
}

/** The wallboard's queues, keyed by `queueId`. */
export type QueueBoard = ReadonlyMap<string, QueueFigures>;

/** The board after a `queue.stats` push: replaced unless the board holds figures computed later. */
export function applyQueueStats(board: QueueBoard, stats: QueueStatsView, receivedAt: number): QueueBoard {
  const current = board.get(stats.queueId);
  if (current && current.stats.generatedAt > stats.generatedAt) return board;
  return new Map(board).set(stats.queueId, { stats, receivedAt });
}

/** The board after a full reload: exactly the listed queues, each kept where a push brought later figures. */
export function applyQueueList(board: QueueBoard, list: readonly QueueStatsView[], receivedAt: number): QueueBoard {
  const next = new Map<string, QueueFigures>();
  for (const stats of list) {
    const current = board.get(stats.queueId);
    next.set(stats.queueId, current && current.stats.generatedAt > stats.generatedAt ? current : { stats, receivedAt });
  }
  return next;
}

/** The longest current wait in seconds, ticking on from the figures' age; zero when nobody waits. */
export function oldestWaitNow(figures: QueueFigures, now: number): number {
  if (figures.stats.waiting === 0) return 0;
  return figures.stats.oldestWaitSeconds + Math.max(0, Math.floor((now - figures.receivedAt) / 1000));
}

/** How today's service level stands against the queue's target: nothing yet, on target, or below it. */
export type ServiceLevelState = 'none' | 'ok' | 'below';

export function serviceLevelState(value: number | null, targetPercent: number | undefined): ServiceLevelState {
  if (value === null) return 'none';
  if (targetPercent === undefined) return 'ok';
  return value + 1e-9 >= targetPercent ? 'ok' : 'below';
}

/** Whether the oldest wait has passed the queue's answer threshold, so it should stand out. */
export function waitIsLate(oldestWaitSeconds: number, queue: Pick<TenantQueue, 'serviceLevel'> | undefined): boolean {
  const threshold = queue?.serviceLevel?.thresholdSeconds;
  return threshold !== undefined && oldestWaitSeconds > threshold;
}

/** Agents serving the queue who are signed in (any status but offline), and how they split. */
export function staffedAgents(byStatus: Record<AgentStatus, number>): number {
  return byStatus.available + byStatus.busy + byStatus['after-contact-work'] + byStatus.break;
}

/** Queues in a stable display order (cards must not jump as figures change): highest priority first, then by name. */
export function sortQueues(board: QueueBoard, priorities: ReadonlyMap<string, number>, collator: Intl.Collator): QueueFigures[] {
  const priority = (f: QueueFigures) => priorities.get(f.stats.queueId) ?? 0;
  return [...board.values()].sort((a, b) => priority(b) - priority(a) || collator.compare(a.stats.name, b.stats.name));
}

/** Totals across queues for the summary line. */
export function totals(board: QueueBoard): { waiting: number; handled: number; abandoned: number } {
  let waiting = 0;
  let handled = 0;
  let abandoned = 0;
  for (const { stats } of board.values()) {
    waiting += stats.waiting;
    handled += stats.handledToday;
    abandoned += stats.abandonedToday;
  }
  return { waiting, handled, abandoned };
}
