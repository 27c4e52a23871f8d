import { describe, expect, it } from 'vitest';
import type { Contact } from '@cc/shared/contacts/model';
import { CALLBACK_RETRY, dialFailedPlan } from './plans.ts';
import { makeAgentRecord, makeTenantQueue } from './testing.ts';

const AT = new Date('2026-12-02T10:00:00.000Z');
const queue = makeTenantQueue('t1', 'support');
const agent = makeAgentRecord('t1', 'anna', ['support'], { load: { voice: 1, chat: 0 } });

function connectedCallback(results: NonNullable<Contact['dialAttempts']>[number]['result'][]): Contact {
  return {
    tenantId: 't1', contactId: 'cb-1', queueId: 'support', channel: 'callback', status: 'connected', agentId: 'anna', callback: { phone: '+79161234567' },
    enqueuedAt: AT.toISOString(), statusSince: AT.toISOString(), createdAt: AT.toISOString(), history: [], version: 7, excludedAgentIds: [], requiredSkills: [], priority: 0,
    dialAttempts: results.map((result, i) => ({ at: AT.toISOString(), result, callId: `call-${i}` })),
  } as Contact;
}

describe('dialFailedPlan', () => {
  it('frees the agent and queues the callback again, not before the retry delay', () => {
    // Act
    const planned = dialFailedPlan(connectedCallback(['busy']), agent, queue, AT)!;
    // Assert
    expect(planned.contact).toMatchObject({ status: 'queued', queueId: 'support', callback: { phone: '+79161234567', notBefore: new Date(AT.getTime() + CALLBACK_RETRY.delaySeconds * 1000).toISOString() } });
    expect(planned.agent?.next.load?.voice).toBe(0);
  });

  it('closes the callback as unreachable after the last attempt', () => {
    // Act
    const planned = dialFailedPlan(connectedCallback(['busy', 'no-answer', 'no-answer']), agent, queue, AT)!;
    // Assert
    expect(planned.contact.status).toBe('closed');
    expect(planned.contact.history.at(-1)?.reason).toMatch(/^unreachable: 3 dial attempts/);
    expect(planned.agent?.next.load?.voice).toBe(0);
  });

  it('leaves an answered callback with its agent', () => {
    // Act / Assert
    expect(dialFailedPlan(connectedCallback(['busy', 'answered']), agent, queue, AT)).toBeUndefined();
  });
});
