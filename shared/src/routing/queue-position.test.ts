import { describe, expect, it } from 'vitest';
import { estimateQueuePositions } from './queue-position.ts';
import { NOW, ago, makeAgent, makeContact, makeQueue } from './test-fixtures.ts';

const queue = makeQueue();
const calls = [30, 20, 10].map((waited, i) => makeContact({ contactId: `c${i + 1}`, channel: 'voice', enqueuedAt: ago(waited) }));

describe('estimateQueuePositions', () => {
  it('numbers queued contacts from 1 and spreads the backlog over the staffed capacity', () => {
    // Arrange: one agent on a call, one free; average handle time 150 s over 2 voice slots
    const agents = [makeAgent({ agentId: 'on-call', status: 'busy', load: { voice: 1, chat: 0 } }), makeAgent({ agentId: 'free' })];
    // Act
    const positions = estimateQueuePositions(calls, queue, agents, [120, 180], NOW);
    // Assert
    expect(positions).toEqual([
      { contactId: 'c1', position: 1, estimatedWaitSeconds: 0 },
      { contactId: 'c2', position: 2, estimatedWaitSeconds: 75 },
      { contactId: 'c3', position: 3, estimatedWaitSeconds: 150 },
    ]);
  });

  it('ignores agents on break, offline or serving other queues, and contacts of other queues or not queued', () => {
    // Arrange
    const agents = [
      makeAgent({ agentId: 'break', status: 'break', breakReason: 'lunch' }),
      makeAgent({ agentId: 'offline', status: 'offline' }),
      makeAgent({ agentId: 'elsewhere', profile: [{ queueId: 'q2' }] }),
      makeAgent({ agentId: 'wrapping', status: 'after-contact-work' }),
    ];
    const contacts = [...calls, makeContact({ contactId: 'other', queueId: 'q2' }), makeContact({ contactId: 'offered', status: 'offered' })];
    // Act
    const positions = estimateQueuePositions(contacts, queue, agents, [60], NOW);
    // Assert: only the agent in after-contact work counts, with one voice slot and none free
    expect(positions.map((p) => [p.contactId, p.estimatedWaitSeconds])).toEqual([
      ['c1', 60],
      ['c2', 120],
      ['c3', 180],
    ]);
  });

  it('reports an unknown wait when nobody is staffed or no handle times are known', () => {
    // Act
    const unstaffed = estimateQueuePositions(calls, queue, [], [60], NOW);
    const noHistory = estimateQueuePositions(calls, queue, [makeAgent({ status: 'busy', load: { voice: 1, chat: 0 } })], [], NOW);
    // Assert
    expect(unstaffed.map((p) => p.estimatedWaitSeconds)).toEqual([null, null, null]);
    expect(noHistory.map((p) => p.estimatedWaitSeconds)).toEqual([null, null, null]);
  });

  it('counts chats against chat capacity, apart from calls', () => {
    // Arrange: a voice-blocking agent with a chat has chat room for two but takes no call
    const agent = makeAgent({ status: 'busy', load: { voice: 0, chat: 1 } });
    const contacts = [
      makeContact({ contactId: 'call', channel: 'voice', enqueuedAt: ago(50) }),
      makeContact({ contactId: 'chat1', channel: 'whatsapp', enqueuedAt: ago(40) }),
      makeContact({ contactId: 'chat2', channel: 'vk', enqueuedAt: ago(30) }),
      makeContact({ contactId: 'chat3', channel: 'webchat', enqueuedAt: ago(20) }),
    ];
    // Act
    const positions = estimateQueuePositions(contacts, queue, [agent], [300], NOW);
    // Assert
    expect(positions).toEqual([
      { contactId: 'call', position: 1, estimatedWaitSeconds: 300 },
      { contactId: 'chat1', position: 2, estimatedWaitSeconds: 0 },
      { contactId: 'chat2', position: 3, estimatedWaitSeconds: 0 },
      { contactId: 'chat3', position: 4, estimatedWaitSeconds: 100 },
    ]);
  });
});
