import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mediaOf } from '../channels/catalog.ts';
import type { Queue, RoutableContact, RoutingAgent } from './model.ts';
import { planAssignments, type Assignment } from './plan-assignments.ts';
import {
  NOW,
  ago,
  agentsArb,
  contactsArb,
  makeAgent,
  makeContact,
  makeQueue,
  oracleEligible,
  queuesArb,
  withShuffle,
} from './test-fixtures.ts';

/** Each agent's load after the plan is carried out. */
function loadsAfter(plan: Assignment[], agents: RoutingAgent[], contacts: RoutableContact[]): Map<string, RoutingAgent> {
  const byId = new Map(agents.map((a) => [a.agentId, { ...a, load: { ...a.load } }]));
  for (const { agentId, contactId } of plan) {
    const contact = contacts.find((c) => c.contactId === contactId)!;
    const agent = byId.get(agentId)!;
    agent.load[mediaOf(contact.channel)] += 1;
    agent.status = 'busy';
  }
  return byId;
}

const scenario = fc.tuple(queuesArb, agentsArb, contactsArb);

describe('planAssignments', () => {
  it('fills an agent up to its chat capacity and no further', () => {
    // Arrange
    const agent = makeAgent({ capacity: { voice: 1, chat: 2 } });
    const contacts = ['c1', 'c2', 'c3'].map((contactId, i) => makeContact({ contactId, enqueuedAt: ago(30 - i) }));
    // Act
    const plan = planAssignments(contacts, [agent], [makeQueue()], NOW);
    // Assert
    expect(plan).toEqual([
      { contactId: 'c1', queueId: 'q1', agentId: 'a1', agentVersion: 1 },
      { contactId: 'c2', queueId: 'q1', agentId: 'a1', agentVersion: 1 },
    ]);
  });

  it('spreads contacts over idle agents before doubling up', () => {
    // Arrange
    const agents = [makeAgent({ agentId: 'a1', idleSince: ago(100) }), makeAgent({ agentId: 'a2', idleSince: ago(50) })];
    const contacts = [makeContact({ contactId: 'c1', enqueuedAt: ago(20) }), makeContact({ contactId: 'c2', enqueuedAt: ago(10) })];
    // Act
    const plan = planAssignments(contacts, agents, [makeQueue()], NOW);
    // Assert
    expect(plan.map((a) => `${a.contactId}→${a.agentId}`)).toEqual(['c1→a1', 'c2→a2']);
  });

  it('gives the only voice-capable agent no chat once it takes a call', () => {
    // Arrange
    const agent = makeAgent();
    const contacts = [
      makeContact({ contactId: 'call', channel: 'voice', enqueuedAt: ago(30) }),
      makeContact({ contactId: 'chat', enqueuedAt: ago(10) }),
    ];
    // Act
    const plan = planAssignments(contacts, [agent], [makeQueue()], NOW);
    // Assert
    expect(plan.map((a) => a.contactId)).toEqual(['call']);
  });

  it('never exceeds capacity, assigns each contact once, and only to eligible agents', () => {
    fc.assert(
      fc.property(scenario, ([queues, agents, contacts]) => {
        // Arrange
        const queueOf = (c: RoutableContact): Queue => queues.find((q) => q.queueId === c.queueId)!;
        // Act
        const plan = planAssignments(contacts, agents, queues, NOW);
        // Assert
        expect(new Set(plan.map((a) => a.contactId)).size).toBe(plan.length);
        for (const a of plan) {
          const contact = contacts.find((c) => c.contactId === a.contactId)!;
          const agent = agents.find((g) => g.agentId === a.agentId)!;
          expect(oracleEligible(agent, contact, queueOf(contact))).toBe(true);
          expect(a.agentVersion).toBe(agent.version);
        }
        for (const [agentId, after] of loadsAfter(plan, agents, contacts)) {
          const before = agents.find((g) => g.agentId === agentId)!;
          const gained = { voice: after.load.voice - before.load.voice, chat: after.load.chat - before.load.chat };
          for (const kind of ['voice', 'chat'] as const) {
            if (gained[kind] > 0) expect(after.load[kind]).toBeLessThanOrEqual(after.capacity[kind]);
          }
          if (after.voiceBlocksChats && gained.voice + gained.chat > 0) {
            expect(after.load.voice === 0 || after.load.chat === 0).toBe(true);
          }
        }
      }),
    );
  });

  it('leaves no contact waiting while an eligible agent still has room', () => {
    fc.assert(
      fc.property(scenario, ([queues, agents, contacts]) => {
        // Act
        const plan = planAssignments(contacts, agents, queues, NOW);
        // Assert
        const after = [...loadsAfter(plan, agents, contacts).values()];
        const assigned = new Set(plan.map((a) => a.contactId));
        for (const contact of contacts.filter((c) => !assigned.has(c.contactId))) {
          const queue = queues.find((q) => q.queueId === contact.queueId)!;
          expect(after.filter((a) => oracleEligible(a, contact, queue))).toEqual([]);
        }
      }),
    );
  });

  it('plans the same assignments whatever the input order', () => {
    fc.assert(
      fc.property(
        queuesArb,
        agentsArb.chain(withShuffle),
        contactsArb.chain(withShuffle),
        (queues, [agents, shuffledAgents], [contacts, shuffledContacts]) => {
          // Act
          const a = planAssignments(contacts, agents, queues, NOW);
          const b = planAssignments(shuffledContacts, shuffledAgents, [...queues].reverse(), NOW);
          // Assert
          expect(b).toEqual(a);
        },
      ),
    );
  });
});
