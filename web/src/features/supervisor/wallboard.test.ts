import { describe, expect, it } from 'vitest';
import type { QueueStatsView } from '@cc/shared/realtime/ports';
import { applyQueueList, applyQueueStats, oldestWaitNow, serviceLevelState, sortQueues, staffedAgents, totals, waitIsLate, type QueueBoard } from './wallboard.ts';

const stats = (queueId: string, overrides: Partial<QueueStatsView> = {}): QueueStatsView => ({
  queueId,
  name: queueId,
  open: true,
  waiting: 0,
  oldestWaitSeconds: 0,
  agentsByStatus: { available: 1, busy: 2, 'after-contact-work': 1, break: 1, offline: 3 },
  handledToday: 10,
  abandonedToday: 1,
  serviceLevelToday: 80,
  generatedAt: '2026-03-05T10:00:00.000Z',
  ...overrides,
});

describe('applyQueueStats', () => {
  it('takes figures computed later and ignores older ones', () => {
    // Arrange
    const board: QueueBoard = new Map([['sales', { stats: stats('sales', { waiting: 2, generatedAt: '2026-03-05T10:00:05.000Z' }), receivedAt: 5 }]]);
    // Act
    const older = applyQueueStats(board, stats('sales', { waiting: 9 }), 6);
    const newer = applyQueueStats(board, stats('sales', { waiting: 3, generatedAt: '2026-03-05T10:00:06.000Z' }), 7);
    // Assert
    expect(older).toBe(board);
    expect(newer.get('sales')).toEqual({ stats: expect.objectContaining({ waiting: 3 }), receivedAt: 7 });
  });
});

describe('applyQueueList', () => {
  it('holds exactly the listed queues, keeping a pushed copy that is newer', () => {
    const board: QueueBoard = new Map([
      ['sales', { stats: stats('sales', { waiting: 4, generatedAt: '2026-03-05T10:00:09.000Z' }), receivedAt: 9 }],
      ['gone', { stats: stats('gone'), receivedAt: 1 }],
    ]);
    const next = applyQueueList(board, [stats('sales', { waiting: 1 }), stats('vip')], 10);
    expect([...next.keys()].sort()).toEqual(['sales', 'vip']);
    expect(next.get('sales')?.stats.waiting).toBe(4);
  });
});

describe('oldestWaitNow', () => {
  it('ticks on from the figures by the time since they arrived', () => {
    expect(oldestWaitNow({ stats: stats('q', { waiting: 2, oldestWaitSeconds: 40 }), receivedAt: 1_000 }, 13_500)).toBe(52);
  });

  it('is zero when nobody waits, whatever the figures say', () => {
    expect(oldestWaitNow({ stats: stats('q', { waiting: 0, oldestWaitSeconds: 40 }), receivedAt: 0 }, 60_000)).toBe(0);
  });
});

describe('serviceLevelState', () => {
  it('is below when under the target, ok at or above it, none before anything counts', () => {
    expect(serviceLevelState(79.9, 80)).toBe('below');
    expect(serviceLevelState(80, 80)).toBe('ok');
    expect(serviceLevelState(100, 90)).toBe('ok');
    expect(serviceLevelState(null, 80)).toBe('none');
    expect(serviceLevelState(10, undefined)).toBe('ok');
  });
});

describe('waitIsLate', () => {
  it('flags a wait past the queue’s answer threshold', () => {
    const queue = { queueId: 'q', name: 'q', priority: 0, serviceLevel: { targetPercent: 80, thresholdSeconds: 20 } };
    expect(waitIsLate(21, queue)).toBe(true);
    expect(waitIsLate(20, queue)).toBe(false);
    expect(waitIsLate(500, undefined)).toBe(false);
  });
});

describe('figures across the board', () => {
  const board: QueueBoard = new Map([
    ['sales', { stats: stats('sales', { name: 'Продажи', waiting: 3, handledToday: 5, abandonedToday: 1 }), receivedAt: 0 }],
    ['vip', { stats: stats('vip', { name: 'VIP', waiting: 1, handledToday: 2, abandonedToday: 0 }), receivedAt: 0 }],
    ['support', { stats: stats('support', { name: 'Поддержка' }), receivedAt: 0 }],
  ]);

  it('sums waiting, handled and abandoned', () => {
    expect(totals(board)).toEqual({ waiting: 4, handled: 17, abandoned: 2 });
  });

  it('orders queues by priority, then by name, whatever their figures', () => {
    const order = sortQueues(board, new Map([['vip', 10]]), new Intl.Collator('ru-RU')).map((f) => f.stats.queueId);
    expect(order).toEqual(['vip', 'support', 'sales']);
  });

  it('counts signed-in agents, offline excluded', () => {
    expect(staffedAgents(stats('q').agentsByStatus)).toBe(5);
  });
});
