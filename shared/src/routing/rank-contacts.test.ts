import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Queue } from './model.ts';
import { effectivePriority, rankContactsForAgent } from './rank-contacts.ts';
import {
  NOW,
  ago,
  agentsArb,
  contactArb,
  contactsArb,
  makeAgent,
  makeContact,
  makeQueue,
  oracleEligible,
  queuesArb,
  withShuffle,
} from './test-fixtures.ts';

const byId = (queues: Queue[]) => new Map(queues.map((q) => [q.queueId, q]));
const ids = (contacts: { contactId: string }[]) => contacts.map((c) => c.contactId);

/** Serves every queue with every skill at 10, so only priority decides. */
const allRounder = makeAgent({
  agentId: 'all',
  skills: ['billing', 'tech', 'ru', 'en'].map((skill) => ({ skill, level: 10 })),
  voiceBlocksChats: false,
  profile: [{ queueId: 'q1' }, { queueId: 'q2' }, { queueId: 'q3' }],
});

describe('rankContactsForAgent', () => {
  it('serves the higher-priority queue first', () => {
    // Arrange
    const queues = [makeQueue({ queueId: 'low', priority: 1 }), makeQueue({ queueId: 'high', priority: 5 })];
    const agent = makeAgent({ profile: [{ queueId: 'low' }, { queueId: 'high' }] });
    const contacts = [
      makeContact({ contactId: 'old-low', queueId: 'low', enqueuedAt: ago(60) }),
      makeContact({ contactId: 'new-high', queueId: 'high', enqueuedAt: ago(1) }),
    ];
    // Act
    const ranked = rankContactsForAgent(agent, contacts, byId(queues), NOW);
    // Assert
    expect(ids(ranked)).toEqual(['new-high', 'old-low']);
  });

  it("adds the agent's per-queue profile priority", () => {
    // Arrange
    const queues = [makeQueue({ queueId: 'q1', priority: 3 }), makeQueue({ queueId: 'q2', priority: 1 })];
    const agent = makeAgent({ profile: [{ queueId: 'q1' }, { queueId: 'q2', priority: 5 }] });
    const contacts = [makeContact({ contactId: 'c1', queueId: 'q1' }), makeContact({ contactId: 'c2', queueId: 'q2' })];
    // Act
    const ranked = rankContactsForAgent(agent, contacts, byId(queues), NOW);
    // Assert
    expect(ids(ranked)).toEqual(['c2', 'c1']);
  });

  it('lets a long wait overtake a higher queue priority through ageing', () => {
    // Arrange
    const queues = [makeQueue({ queueId: 'low', priority: 0, ageingPerMinute: 1 }), makeQueue({ queueId: 'high', priority: 5 })];
    const agent = makeAgent({ profile: [{ queueId: 'low' }, { queueId: 'high' }] });
    const contacts = [
      makeContact({ contactId: 'aged-low', queueId: 'low', enqueuedAt: ago(6 * 60) }),
      makeContact({ contactId: 'new-high', queueId: 'high', enqueuedAt: ago(0) }),
    ];
    // Act
    const ranked = rankContactsForAgent(agent, contacts, byId(queues), NOW);
    // Assert
    expect(ids(ranked)).toEqual(['aged-low', 'new-high']);
  });

  it('orders equal priorities by enqueue time, then contactId', () => {
    // Arrange: one minute of ageing in 'slow' equals the extra point of 'fast'
    const queues = [makeQueue({ queueId: 'slow', priority: 0 }), makeQueue({ queueId: 'fast', priority: 1 })];
    const agent = makeAgent({ profile: [{ queueId: 'slow' }, { queueId: 'fast' }] });
    const contacts = [
      makeContact({ contactId: 'b', queueId: 'fast', enqueuedAt: ago(0) }),
      makeContact({ contactId: 'a', queueId: 'fast', enqueuedAt: ago(0) }),
      makeContact({ contactId: 'earlier', queueId: 'slow', enqueuedAt: ago(60) }),
    ];
    // Act
    const ranked = rankContactsForAgent(agent, contacts, byId(queues), NOW);
    // Assert
    expect(ids(ranked)).toEqual(['earlier', 'a', 'b']);
  });

  it('skips contacts that are not queued, of unknown queues, or that the agent cannot take', () => {
    // Arrange
    const contacts = [
      makeContact({ contactId: 'offered', status: 'offered', agentId: 'x' }),
      makeContact({ contactId: 'unknown-queue', queueId: 'q9' }),
      makeContact({ contactId: 'voice', channel: 'voice' }),
      makeContact({ contactId: 'ok' }),
    ];
    const agent = makeAgent({ status: 'busy', load: { voice: 0, chat: 1 }, profile: [{ queueId: 'q1' }, { queueId: 'q9' }] });
    // Act
    const ranked = rankContactsForAgent(agent, contacts, byId([makeQueue()]), NOW);
    // Assert
    expect(ids(ranked)).toEqual(['ok']);
  });

  it('returns only and all queued contacts the agent is eligible for, in non-increasing priority', () => {
    fc.assert(
      fc.property(queuesArb, agentsArb, contactsArb, (queues, agents, contacts) => {
        for (const agent of agents) {
          // Arrange
          const queues_ = byId(queues);
          // Act
          const ranked = rankContactsForAgent(agent, contacts, queues_, NOW);
          // Assert
          const expected = contacts.filter((c) => oracleEligible(agent, c, queues_.get(c.queueId)!));
          expect(ids(ranked).sort()).toEqual(ids(expected).sort());
          const priorities = ranked.map((c) => {
            const bonus = agent.profile.find((p) => p.queueId === c.queueId)!.priority;
            return effectivePriority(c, queues_.get(c.queueId)!, NOW, bonus);
          });
          expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
        }
      }),
    );
  });

  it('ranks the same contacts in the same order whatever the input order', () => {
    fc.assert(
      fc.property(queuesArb, agentsArb, contactsArb.chain(withShuffle), (queues, agents, [contacts, shuffled]) => {
        for (const agent of agents) {
          // Act
          const a = rankContactsForAgent(agent, contacts, byId(queues), NOW);
          const b = rankContactsForAgent(agent, shuffled, byId(queues), NOW);
          // Assert
          expect(ids(b)).toEqual(ids(a));
        }
      }),
    );
  });

  it('never starves a low-priority contact: after long enough it ranks first', () => {
    // Generated priorities are at most 5 (queue) + 3 (profile) + 2 (contact) + 5/min × 10 min of ageing = 60,
    // and ageing is at least 1 point a minute, so 61 minutes of waiting beats any of them.
    fc.assert(
      fc.property(
        queuesArb,
        contactsArb,
        contactArb('starving'),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
        (queues, others, starving, bonuses) => {
          // Arrange
          const profile = allRounder.profile.map((p, i) => ({
            ...p,
            priority: p.queueId === starving.queueId ? 0 : bonuses[i]!,
          }));
          const agent = { ...allRounder, profile };
          const low = { ...starving, priority: 0, excludedAgentIds: [], enqueuedAt: ago(61 * 60) };
          // Act
          const ranked = rankContactsForAgent(agent, [...others, low], byId(queues), NOW);
          // Assert
          expect(ranked[0]?.contactId).toBe('starving');
        },
      ),
    );
  });
});
