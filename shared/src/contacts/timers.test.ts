import { describe, expect, it } from 'vitest';
import { QueueSchema } from '../routing/model.ts';
import type { Contact } from './model.ts';
import { RoutingTimerSchema, sweepTimer, timersFor } from './timers.ts';

const queue = QueueSchema.parse({ queueId: 'q', name: 'Q', serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, offerTimeoutSeconds: 15, afterContactWorkSeconds: 30, maxWaitSeconds: 120, overflowQueueId: 'q2' });
const at = '2026-11-25T10:00:00.000Z';
const contact: Contact = { tenantId: 't', contactId: 'c1', queueId: 'q', channel: 'voice', status: 'queued', enqueuedAt: at, statusSince: at, createdAt: at, priority: 0, requiredSkills: [], excludedAgentIds: [], history: [], version: 3 };

describe('timersFor', () => {
  it('arms the offer timeout for the offered version', () => {
    // Act
    const [timer] = timersFor({ ...contact, status: 'offered', agentId: 'a1' }, queue);
    // Assert
    expect(timer).toEqual({ id: 'offer-timeout:t:c1:3', kind: 'offer-timeout', tenantId: 't', contactId: 'c1', queueId: 'q', version: 3, dueAt: '2026-11-25T10:00:15.000Z' });
  });

  it('arms the end of after-contact work after the queue’s time', () => {
    // Act / Assert
    expect(timersFor({ ...contact, status: 'after-contact-work' }, queue)).toEqual([expect.objectContaining({ kind: 'wrap-up-end', dueAt: '2026-11-25T10:00:30.000Z' })]);
  });

  it('arms overflow at the maximum wait and a callback at its window', () => {
    // Act
    const timers = timersFor({ ...contact, channel: 'callback', callback: { phone: '+74951234567', notBefore: '2026-11-25T14:00:00+03:00' } }, queue);
    // Assert
    expect(timers.map((t) => [t.kind, t.dueAt])).toEqual([
      ['overflow', '2026-11-25T10:02:00.000Z'],
      ['callback-window', '2026-11-25T11:00:00.000Z'],
    ]);
  });

  it('needs no timer for a closed contact', () => {
    // Act / Assert
    expect(timersFor({ ...contact, status: 'closed' }, queue)).toEqual([]);
  });

  it('shares one sweep per queue and second', () => {
    // Act / Assert
    expect(sweepTimer('t', 'q', new Date('2026-11-25T10:00:00.200Z')).id).toBe(sweepTimer('t', 'q', new Date('2026-11-25T10:00:00.900Z')).id);
  });
});

describe('RoutingTimerSchema', () => {
  it('reads the timers armed so far, contact and sweep timers alike, unchanged', () => {
    // Arrange: the JSON shape already on the timer queue.
    const offer = { id: 'offer-timeout:t:c1:3', kind: 'offer-timeout', tenantId: 't', contactId: 'c1', queueId: 'q', version: 3, dueAt: '2026-11-25T10:00:15.000Z' };
    const sweep = { id: 'queue-sweep:t:q:1795600800', kind: 'queue-sweep', tenantId: 't', queueId: 'q', dueAt: '2026-11-25T10:00:00.000Z' };
    // Act / Assert
    expect(RoutingTimerSchema.parse(JSON.parse(JSON.stringify(offer)))).toEqual(offer);
    expect(RoutingTimerSchema.parse(JSON.parse(JSON.stringify(sweep)))).toEqual(sweep);
    expect(RoutingTimerSchema.parse(timersFor({ ...contact, status: 'offered', agentId: 'a1' }, queue)[0])).toEqual(timersFor({ ...contact, status: 'offered', agentId: 'a1' }, queue)[0]);
  });

  it('refuses a contact timer without its contact, and a sweep without its queue', () => {
    // Act / Assert
    expect(RoutingTimerSchema.safeParse({ id: 'x', kind: 'overflow', tenantId: 't', queueId: 'q', version: 1, dueAt: at }).success).toBe(false);
    expect(RoutingTimerSchema.safeParse({ id: 'x', kind: 'queue-sweep', tenantId: 't', dueAt: at }).success).toBe(false);
  });
});
