import { describe, expect, it } from 'vitest';
import { QueueSchema } from '../routing/model.ts';
import type { Contact } from './model.ts';
import { counterDelta, serviceLevelPercent, EMPTY_COUNTERS } from './daily-stats.ts';

const queue = QueueSchema.parse({ queueId: 'q', name: 'Q', serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, timeZone: 'Europe/Moscow' });
const base: Contact = { tenantId: 't', contactId: 'c1', queueId: 'q', channel: 'voice', status: 'offered', enqueuedAt: '2026-11-25T20:59:50.000Z', statusSince: '2026-11-25T21:00:00.000Z', createdAt: '2026-11-25T20:59:50.000Z', priority: 0, requiredSkills: [], excludedAgentIds: [], history: [], version: 2 };

describe('counterDelta', () => {
  it('counts an answer within the threshold on the queue’s local day', () => {
    // Act
    const delta = counterDelta(base, { ...base, status: 'connected', connectedAt: '2026-11-25T21:00:05.000Z' }, queue);
    // Assert: 21:00 UTC is already the 26th in Moscow
    expect(delta).toMatchObject({ date: '2026-11-26', add: { handled: 1, answeredInTime: 1 } });
  });

  it('counts a late abandon against the service level, and the handle time of a closed contact', () => {
    // Act
    const abandoned = counterDelta({ ...base, status: 'queued' }, { ...base, status: 'abandoned', statusSince: '2026-11-25T21:00:30.000Z' }, queue);
    const closed = counterDelta({ ...base, status: 'after-contact-work' }, { ...base, status: 'closed', connectedAt: '2026-11-25T21:00:00.000Z', statusSince: '2026-11-25T21:03:00.000Z' }, queue);
    // Assert
    expect(abandoned?.add).toEqual({ abandoned: 1, abandonedLate: 1 });
    expect(closed).toMatchObject({ add: { closed: 1, handleSeconds: 180 }, sample: { seconds: 180 } });
    expect(counterDelta(base, { ...base, status: 'missed' }, queue)).toBeUndefined();
  });

  it('adds a closed call’s hold time and holds to the day (the hold-time KPI), nothing for a call never held', () => {
    // Arrange
    const ended = { ...base, status: 'after-contact-work' as const, connectedAt: '2026-11-25T21:00:00.000Z' };
    // Act
    const held = counterDelta(ended, { ...ended, status: 'closed', statusSince: '2026-11-25T21:03:00.000Z', hold: { totalSeconds: 41.6, count: 2 } }, queue);
    const never = counterDelta(ended, { ...ended, status: 'closed', statusSince: '2026-11-25T21:03:00.000Z' }, queue);
    // Assert
    expect(held?.add).toEqual({ closed: 1, handleSeconds: 180, holdSeconds: 42, holds: 2 });
    expect(never?.add).toEqual({ closed: 1, handleSeconds: 180 });
  });

  it('computes the service level as answered in time over answered plus late abandons', () => {
    // Act / Assert
    expect(serviceLevelPercent({ ...EMPTY_COUNTERS, handled: 3, answeredInTime: 3, abandonedLate: 1 })).toBe(75);
    expect(serviceLevelPercent(EMPTY_COUNTERS)).toBeNull();
  });
});
