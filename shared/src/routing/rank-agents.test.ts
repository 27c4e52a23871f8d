import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueueMismatchError } from './errors.ts';
import { hasFreeCapacity, rankAgentsForContact, requiredSkillsFor, skillGap } from './rank-agents.ts';
import { NOW, ago, agentsArb, withShuffle, contactArb, makeAgent, makeContact, makeQueue, oracleEligible, queuesArb } from './test-fixtures.ts';

const ids = (agents: { agentId: string }[]) => agents.map((a) => a.agentId);

describe('rankAgentsForContact', () => {
  it('offers the contact to the longest-idle agent when skills are equal', () => {
    // Arrange
    const queue = makeQueue();
    const agents = [makeAgent({ agentId: 'recent', idleSince: ago(10) }), makeAgent({ agentId: 'oldest', idleSince: ago(300) })];
    // Act
    const ranked = rankAgentsForContact(makeContact(), agents, queue, NOW);
    // Assert
    expect(ids(ranked)).toEqual(['oldest', 'recent']);
  });

  it('prefers the closest skill fit over a longer-idle expert', () => {
    // Arrange
    const queue = makeQueue({ requiredSkills: { byChannel: { telegram: [{ skill: 'billing', level: 5 }] } } });
    const agents = [
      makeAgent({ agentId: 'expert', skills: [{ skill: 'billing', level: 10 }], idleSince: ago(900) }),
      makeAgent({ agentId: 'fit', skills: [{ skill: 'billing', level: 6 }], idleSince: ago(5) }),
    ];
    // Act
    const ranked = rankAgentsForContact(makeContact(), agents, queue, NOW);
    // Assert
    expect(ids(ranked)).toEqual(['fit', 'expert']);
  });

  it('puts an idle agent before one already handling chats', () => {
    // Arrange
    const agents = [
      makeAgent({ agentId: 'busy', status: 'busy', load: { voice: 0, chat: 1 }, idleSince: ago(900) }),
      makeAgent({ agentId: 'idle', idleSince: ago(5) }),
    ];
    // Act
    const ranked = rankAgentsForContact(makeContact(), agents, makeQueue(), NOW);
    // Assert
    expect(ids(ranked)).toEqual(['idle', 'busy']);
  });

  it('breaks full ties by agentId', () => {
    // Arrange
    const agents = [makeAgent({ agentId: 'b', idleSince: ago(5) }), makeAgent({ agentId: 'a', idleSince: ago(5) })];
    // Act
    const ranked = rankAgentsForContact(makeContact(), agents, makeQueue(), NOW);
    // Assert
    expect(ids(ranked)).toEqual(['a', 'b']);
  });

  it('keeps routing chats to an agent with one of three chats', () => {
    // Arrange
    const agent = makeAgent({ status: 'busy', load: { voice: 0, chat: 1 } });
    // Act
    const ranked = rankAgentsForContact(makeContact(), [agent], makeQueue(), NOW);
    // Assert
    expect(ids(ranked)).toEqual(['a1']);
  });

  it('skips agents on break, offline, in after-contact work, excluded, or outside the queue', () => {
    // Arrange
    const agents = [
      makeAgent({ agentId: 'break', status: 'break', breakReason: 'lunch' }),
      makeAgent({ agentId: 'offline', status: 'offline' }),
      makeAgent({ agentId: 'acw', status: 'after-contact-work' }),
      makeAgent({ agentId: 'missed-it' }),
      makeAgent({ agentId: 'other-queue', profile: [{ queueId: 'q2' }] }),
    ];
    // Act
    const ranked = rankAgentsForContact(makeContact({ excludedAgentIds: ['missed-it'] }), agents, makeQueue(), NOW);
    // Assert
    expect(ranked).toEqual([]);
  });

  it('waits for the profile delay before an agent joins in', () => {
    // Arrange
    const agent = makeAgent({ profile: [{ queueId: 'q1', delaySeconds: 30 }] });
    // Act
    const early = rankAgentsForContact(makeContact({ enqueuedAt: ago(29) }), [agent], makeQueue(), NOW);
    const late = rankAgentsForContact(makeContact({ enqueuedAt: ago(30) }), [agent], makeQueue(), NOW);
    // Assert
    expect(early).toEqual([]);
    expect(ids(late)).toEqual(['a1']);
  });

  it('requires every skill at or above its level, merging channel, menu choice and contact skills', () => {
    // Arrange
    const queue = makeQueue({
      requiredSkills: { byChannel: { voice: [{ skill: 'ru', level: 3 }] }, byMenuChoice: { '2': [{ skill: 'billing', level: 4 }] } },
    });
    const contact = makeContact({ channel: 'voice', menuChoice: '2', requiredSkills: [{ skill: 'ru', level: 5 }] });
    const agents = [
      makeAgent({ agentId: 'ok', skills: [{ skill: 'ru', level: 5 }, { skill: 'billing', level: 4 }] }),
      makeAgent({ agentId: 'weak-ru', skills: [{ skill: 'ru', level: 4 }, { skill: 'billing', level: 9 }] }),
      makeAgent({ agentId: 'no-billing', skills: [{ skill: 'ru', level: 9 }] }),
    ];
    // Act
    const ranked = rankAgentsForContact(contact, agents, queue, NOW);
    // Assert
    expect(requiredSkillsFor(contact, queue)).toEqual([{ skill: 'ru', level: 5 }, { skill: 'billing', level: 4 }]);
    expect(ids(ranked)).toEqual(['ok']);
  });

  it('throws QueueMismatchError when given another queue', () => {
    // Arrange
    const contact = makeContact({ queueId: 'q2' });
    // Act
    const act = () => rankAgentsForContact(contact, [], makeQueue(), NOW);
    // Assert
    expect(act).toThrow(QueueMismatchError);
  });

  it('returns only and all eligible agents', () => {
    fc.assert(
      fc.property(queuesArb, agentsArb, contactArb('c'), (queues, agents, contact) => {
        // Arrange
        const queue = queues.find((q) => q.queueId === contact.queueId)!;
        // Act
        const ranked = rankAgentsForContact(contact, agents, queue, NOW);
        // Assert
        expect(ids(ranked).sort()).toEqual(ids(agents.filter((a) => oracleEligible(a, contact, queue))).sort());
      }),
    );
  });

  it('ranks the same agents in the same order whatever the input order', () => {
    fc.assert(
      fc.property(queuesArb, agentsArb.chain(withShuffle), contactArb('c'), (queues, [agents, shuffled], contact) => {
        // Arrange
        const queue = queues.find((q) => q.queueId === contact.queueId)!;
        // Act
        const a = rankAgentsForContact(contact, agents, queue, NOW);
        const b = rankAgentsForContact(contact, shuffled, queue, NOW);
        // Assert
        expect(ids(b)).toEqual(ids(a));
      }),
    );
  });
});

describe('hasFreeCapacity', () => {
  it('blocks chats during a call and calls during chats when voiceBlocksChats is set', () => {
    // Arrange
    const onCall = makeAgent({ load: { voice: 1, chat: 0 }, capacity: { voice: 2, chat: 3 } });
    const chatting = makeAgent({ load: { voice: 0, chat: 1 } });
    // Act + Assert
    expect(hasFreeCapacity(onCall, 'chat')).toBe(false);
    expect(hasFreeCapacity(onCall, 'voice')).toBe(true);
    expect(hasFreeCapacity(chatting, 'voice')).toBe(false);
    expect(hasFreeCapacity(chatting, 'chat')).toBe(true);
  });

  it('treats voice and chat capacities independently when voiceBlocksChats is off', () => {
    // Arrange
    const agent = makeAgent({ voiceBlocksChats: false, load: { voice: 1, chat: 2 } });
    // Act + Assert
    expect(hasFreeCapacity(agent, 'chat')).toBe(true);
    expect(hasFreeCapacity(agent, 'voice')).toBe(false);
  });
});

describe('skillGap', () => {
  it('sums the levels above those required and rejects a missing skill', () => {
    // Arrange
    const agent = makeAgent({ skills: [{ skill: 'ru', level: 7 }, { skill: 'tech', level: 3 }] });
    // Act + Assert
    expect(skillGap(agent, [{ skill: 'ru', level: 5 }, { skill: 'tech', level: 2 }])).toBe(3);
    expect(skillGap(agent, [])).toBe(0);
    expect(skillGap(agent, [{ skill: 'billing', level: 1 }])).toBeUndefined();
  });
});
