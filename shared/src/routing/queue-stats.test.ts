import { describe, expect, it } from 'vitest';
import { computeQueueStats } from './queue-stats.ts';
import { NOW, ago, makeAgent, makeContact, makeQueue } from './test-fixtures.ts';

// NOW is 2026-03-02 13:00 in Moscow; the service level threshold is 20 s.
const queue = makeQueue({ timeZone: 'Europe/Moscow' });

const answered = (contactId: string, waited: number, endedAgo = 600) =>
  makeContact({ contactId, status: 'closed', enqueuedAt: ago(endedAgo + waited), connectedAt: ago(endedAgo), statusSince: ago(endedAgo - 60) });
const abandoned = (contactId: string, waited: number, endedAgo = 600) =>
  makeContact({ contactId, status: 'abandoned', enqueuedAt: ago(endedAgo + waited), statusSince: ago(endedAgo) });

describe('computeQueueStats', () => {
  it('counts waiting contacts and the oldest wait', () => {
    // Arrange
    const contacts = [
      makeContact({ contactId: 'w1', enqueuedAt: ago(95.5) }),
      makeContact({ contactId: 'w2', status: 'offered', agentId: 'a1', enqueuedAt: ago(30) }),
      makeContact({ contactId: 'other-queue', queueId: 'q2', enqueuedAt: ago(999) }),
    ];
    // Act
    const stats = computeQueueStats(queue, contacts, [], NOW);
    // Assert
    expect(stats).toMatchObject({ queueId: 'q1', waiting: 2, oldestWaitSeconds: 95 });
  });

  it('computes the service level as answered in time over answered plus abandoned late', () => {
    // Arrange: 3 answered (2 within 20 s), 1 abandoned late, 1 abandoned early (not counted)
    const contacts = [answered('a', 5), answered('b', 20), answered('c', 45), abandoned('late', 60), abandoned('early', 10)];
    // Act
    const stats = computeQueueStats(queue, contacts, [], NOW);
    // Assert
    expect(stats).toMatchObject({ handledToday: 3, abandonedToday: 2, serviceLevelToday: 50 });
  });

  it('counts only today in the queue time zone', () => {
    // Arrange: 13 h ago was 00:00 in Moscow; 14 h ago was yesterday there
    const contacts = [answered('today', 5, 13 * 3600 - 60), answered('yesterday', 5, 14 * 3600), abandoned('y-abandon', 60, 14 * 3600)];
    // Act
    const stats = computeQueueStats(queue, contacts, [], NOW);
    // Assert
    expect(stats).toMatchObject({ handledToday: 1, abandonedToday: 0, serviceLevelToday: 100 });
  });

  it('reports no service level before the first answered or late-abandoned contact', () => {
    // Act
    const stats = computeQueueStats(queue, [abandoned('early', 3)], [], NOW);
    // Assert
    expect(stats.serviceLevelToday).toBeNull();
  });

  it('counts the agents serving the queue by status', () => {
    // Arrange
    const agents = [
      makeAgent({ agentId: 'a1' }),
      makeAgent({ agentId: 'a2', status: 'busy' }),
      makeAgent({ agentId: 'a3', status: 'break', breakReason: 'lunch' }),
      makeAgent({ agentId: 'a4', status: 'available', profile: [{ queueId: 'q2' }] }),
    ];
    // Act
    const stats = computeQueueStats(queue, [], agents, NOW);
    // Assert
    expect(stats.agentsByStatus).toEqual({ available: 1, busy: 1, 'after-contact-work': 0, break: 1, offline: 0 });
  });
});
