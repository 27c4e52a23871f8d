import { describe, expect, it } from 'vitest';
import type { Agent } from '../agents/model.ts';
import { holdSlot, releaseSlot, startWrapUp, toRoutingAgent } from './agent-load.ts';

const now = new Date('2026-11-25T10:00:00.000Z');
const agent: Agent = { tenantId: 't', agentId: 'a1', name: 'Анна', status: 'available', statusSince: '2026-11-25T09:00:00.000Z', skills: [], queueIds: ['sales'], version: 4 };

describe('agent load', () => {
  it('reads an agent stored before routing fields existed with the defaults and its queues as the profile', () => {
    // Act
    const view = toRoutingAgent(agent);
    // Assert
    expect(view).toMatchObject({ capacity: { voice: 1, chat: 3 }, voiceBlocksChats: true, load: { voice: 0, chat: 0 }, profile: [{ queueId: 'sales', priority: 0, delaySeconds: 0 }], idleSince: agent.statusSince });
  });

  it('makes an available agent busy with the first contact and bumps the version', () => {
    // Act
    const next = holdSlot(agent, 'chat', now);
    // Assert
    expect(next).toMatchObject({ status: 'busy', load: { voice: 0, chat: 1 }, statusSince: now.toISOString(), version: 5 });
  });

  it('shows after-contact work only when every held contact is wrapping up', () => {
    // Arrange
    const two = holdSlot(holdSlot(agent, 'chat', now), 'chat', now);
    // Act
    const one = startWrapUp(two, now);
    const both = startWrapUp(one, now);
    // Assert
    expect(one.status).toBe('busy');
    expect(both.status).toBe('after-contact-work');
  });

  it('frees the slot, restarts the idle time, and keeps a break the agent chose meanwhile', () => {
    // Arrange
    const busy = holdSlot(agent, 'voice', now);
    const later = new Date(now.getTime() + 60_000);
    // Act
    const freed = releaseSlot(busy, 'voice', later);
    const onBreak = releaseSlot({ ...busy, status: 'break', breakReason: 'lunch' }, 'voice', later);
    // Assert
    expect(freed).toMatchObject({ status: 'available', load: { voice: 0, chat: 0 }, idleSince: later.toISOString() });
    expect(onBreak).toMatchObject({ status: 'break', breakReason: 'lunch', load: { voice: 0, chat: 0 } });
  });

  it('counts a missed offer and applies the queue’s not-ready status', () => {
    // Act
    const next = releaseSlot(holdSlot(agent, 'chat', now), 'chat', now, { missed: true, notReady: { status: 'break', reason: 'technical' } });
    // Assert
    expect(next).toMatchObject({ status: 'break', breakReason: 'technical', missedOffers: 1, load: { voice: 0, chat: 0 } });
  });
});
