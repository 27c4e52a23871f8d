/** Builders and fast-check arbitraries shared by the routing tests (test-only). */
import fc from 'fast-check';
import type { z } from 'zod';
import { CHANNEL_CATALOG, CHANNEL_KINDS } from '../channels/catalog.ts';
import {
  QueueSchema,
  RoutableContactSchema,
  RoutingAgentSchema,
  type Queue,
  type RoutableContact,
  type RoutingAgent,
} from './model.ts';

export const NOW = new Date('2026-03-02T10:00:00.000Z');

/** ISO instant `seconds` before `from`. */
export function ago(seconds: number, from: Date = NOW): string {
  return new Date(from.getTime() - seconds * 1000).toISOString();
}

export function makeQueue(overrides: Partial<z.input<typeof QueueSchema>> = {}): Queue {
  return QueueSchema.parse({
    queueId: 'q1',
    name: 'Support',
    serviceLevel: { targetPercent: 80, thresholdSeconds: 20 },
    ...overrides,
  });
}

export function makeAgent(overrides: Partial<z.input<typeof RoutingAgentSchema>> = {}): RoutingAgent {
  return RoutingAgentSchema.parse({
    agentId: 'a1',
    status: 'available',
    profile: [{ queueId: 'q1' }],
    idleSince: ago(60),
    version: 1,
    ...overrides,
  });
}

export function makeContact(overrides: Partial<z.input<typeof RoutableContactSchema>> = {}): RoutableContact {
  return RoutableContactSchema.parse({
    contactId: 'c1',
    queueId: 'q1',
    channel: 'telegram',
    status: 'queued',
    enqueuedAt: ago(10),
    statusSince: ago(10),
    ...overrides,
  });
}

const SKILLS = ['billing', 'tech', 'ru', 'en'] as const;
const QUEUE_IDS = ['q1', 'q2', 'q3'] as const;
const AGENT_IDS = Array.from({ length: 10 }, (_, i) => `a${i}`);

const skillsArb = (maxLength: number, maxLevel = 10, minLength = 0) =>
  fc.uniqueArray(fc.record({ skill: fc.constantFrom(...SKILLS), level: fc.integer({ min: 1, max: maxLevel }) }), {
    selector: (s) => s.skill,
    minLength,
    maxLength,
  });

/** Random queues q1..q3 with skills by channel and menu choice. */
export const queuesArb: fc.Arbitrary<Queue[]> = fc
  .tuple(
    ...QUEUE_IDS.map((queueId) =>
      fc.record({
        priority: fc.integer({ min: 0, max: 5 }),
        ageingPerMinute: fc.integer({ min: 1, max: 5 }),
        voice: skillsArb(1, 6),
        telegram: skillsArb(1, 6),
        vip: skillsArb(1, 6),
      }).map((q) =>
        makeQueue({
          queueId,
          name: queueId,
          priority: q.priority,
          ageingPerMinute: q.ageingPerMinute,
          requiredSkills: { byChannel: { voice: q.voice, telegram: q.telegram }, byMenuChoice: { vip: q.vip } },
        }),
      ),
    ),
  )
  .map((qs) => [...qs]);

const agentArb = (agentId: string) =>
  fc
    .record({
      status: fc.constantFrom('available', 'available', 'available', 'busy', 'busy', 'after-contact-work', 'break', 'offline'),
      skills: skillsArb(4, 10, 3),
      capacity: fc.record({ voice: fc.constantFrom(0, 1, 1), chat: fc.integer({ min: 1, max: 3 }) }),
      load: fc.record({ voice: fc.constantFrom(0, 0, 1), chat: fc.integer({ min: 0, max: 3 }) }),
      voiceBlocksChats: fc.boolean(),
      profile: fc.uniqueArray(
        fc.record({
          queueId: fc.constantFrom(...QUEUE_IDS),
          priority: fc.integer({ min: 0, max: 3 }),
          delaySeconds: fc.constantFrom(0, 0, 30, 120),
        }),
        { selector: (p) => p.queueId, minLength: 1, maxLength: 3 },
      ),
      idleFor: fc.integer({ min: 0, max: 3600 }),
    })
    .map(({ idleFor, ...a }) => makeAgent({ agentId, ...a, idleSince: ago(idleFor) }));

/** 1–10 random agents with unique ids. */
export const agentsArb: fc.Arbitrary<RoutingAgent[]> = fc
  .integer({ min: 1, max: AGENT_IDS.length })
  .chain((n) => fc.tuple(...AGENT_IDS.slice(0, n).map(agentArb)))
  .map((as) => [...as]);

/** A random queued contact with the given id. */
export const contactArb = (contactId: string): fc.Arbitrary<RoutableContact> =>
  fc
    .record({
      queueId: fc.constantFrom(...QUEUE_IDS),
      channel: fc.constantFrom(...CHANNEL_KINDS),
      waited: fc.integer({ min: 0, max: 600 }),
      priority: fc.integer({ min: 0, max: 2 }),
      requiredSkills: fc.oneof(skillsArb(0), skillsArb(1, 4)),
      menuChoice: fc.option(fc.constant('vip'), { nil: undefined }),
      excludedAgentIds: fc.subarray(AGENT_IDS, { maxLength: 1 }),
    })
    .map(({ waited, ...c }) => makeContact({ contactId, ...c, enqueuedAt: ago(waited), statusSince: ago(waited) }));

/** 0–15 random queued contacts with unique ids. */
export const contactsArb: fc.Arbitrary<RoutableContact[]> = fc
  .integer({ min: 0, max: 15 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => contactArb(`c${i}`))))
  .map((cs) => [...cs]);

/** The array and a permutation of it. */
export const withShuffle = <T>(items: T[]): fc.Arbitrary<[T[], T[]]> =>
  fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length }));

/**
 * Eligibility restated from the requirements, independently of the implementation: the oracle the properties
 * check every decision against.
 */
export function oracleEligible(agent: RoutingAgent, contact: RoutableContact, queue: Queue, now: Date = NOW): boolean {
  const kind = CHANNEL_CATALOG[contact.channel].media;
  const other = kind === 'voice' ? 'chat' : 'voice';
  if (agent.status !== 'available' && agent.status !== 'busy') return false;
  if (agent.load[kind] >= agent.capacity[kind]) return false;
  if (agent.voiceBlocksChats && agent.load[other] > 0) return false;
  const entry = agent.profile.find((p) => p.queueId === queue.queueId);
  if (!entry || now.getTime() - Date.parse(contact.enqueuedAt) < entry.delaySeconds * 1000) return false;
  if (contact.excludedAgentIds.includes(agent.agentId)) return false;
  const required = [
    ...(queue.requiredSkills.byChannel[contact.channel] ?? []),
    ...(contact.menuChoice ? (queue.requiredSkills.byMenuChoice[contact.menuChoice] ?? []) : []),
    ...contact.requiredSkills,
  ];
  return required.every((r) => agent.skills.some((s) => s.skill === r.skill && s.level >= r.level));
}
