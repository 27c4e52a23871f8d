import { describe, expect, it } from 'vitest';
import { RoutableContactSchema } from './model.ts';
import { makeAgent, makeQueue } from './test-fixtures.ts';

describe('schemas', () => {
  it('fills routing defaults: 1 call or 3 chats, voice blocks chats, 20 s offers, ageing 1 point a minute', () => {
    // Act
    const agent = makeAgent();
    const queue = makeQueue();
    // Assert
    expect(agent).toMatchObject({ capacity: { voice: 1, chat: 3 }, load: { voice: 0, chat: 0 }, voiceBlocksChats: true });
    expect(queue).toMatchObject({ priority: 0, offerTimeoutSeconds: 20, ageingPerMinute: 1, timeZone: 'UTC' });
  });

  it('rejects a skill level outside 1–10 and an unknown channel', () => {
    // Arrange
    const base = { contactId: 'c', queueId: 'q', status: 'queued', enqueuedAt: '2026-03-02T10:00:00Z', statusSince: '2026-03-02T10:00:00Z' };
    // Act + Assert
    expect(RoutableContactSchema.safeParse({ ...base, channel: 'fax' }).success).toBe(false);
    expect(RoutableContactSchema.safeParse({ ...base, channel: 'vk', requiredSkills: [{ skill: 'ru', level: 11 }] }).success).toBe(false);
    expect(RoutableContactSchema.safeParse({ ...base, channel: 'vk' }).success).toBe(true);
  });

  it('rejects a non-positive ageing rate, which would let contacts starve', () => {
    // Act + Assert
    expect(() => makeQueue({ ageingPerMinute: 0 })).toThrow();
  });
});
