/**
 * Routing decision time on a large tenant: 1,000 agents, 50 queues, 500 waiting contacts.
 * Measures `rankAgentsForContact` (a contact arrives) and `rankContactsForAgent` (an agent frees up),
 * one call at a time, plus a worst case where every agent is eligible and one batch `planAssignments`.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { CHANNEL_KINDS } from '@cc/shared/channels/catalog';
import {
  QueueSchema,
  RoutableContactSchema,
  RoutingAgentSchema,
  planAssignments,
  rankAgentsForContact,
  rankContactsForAgent,
  type Queue,
  type RoutableContact,
  type RoutingAgent,
} from '../shared/src/routing/index.ts';
import { percentile, type BenchResult } from './types.ts';
import { rng } from './random.ts';

const AGENTS = 1_000;
const QUEUES = 50;
const CONTACTS = 500;
const DECISIONS = 2_000;
const WARM_UP = 200;
const NOW = new Date('2026-03-02T10:00:00.000Z');


function tenant(): { queues: Queue[]; agents: RoutingAgent[]; contacts: RoutableContact[] } {
  const random = rng(42);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const skills = Array.from({ length: 20 }, (_, i) => `skill-${i}`);
  const ago = (s: number) => new Date(NOW.getTime() - s * 1000).toISOString();
  const queues = Array.from({ length: QUEUES }, (_, i) =>
    QueueSchema.parse({
      queueId: `q${i}`,
      name: `Queue ${i}`,
      priority: int(5),
      serviceLevel: { targetPercent: 80, thresholdSeconds: 20 },
      requiredSkills: {
        byChannel: Object.fromEntries(
          CHANNEL_KINDS.map((c) => [c, [{ skill: pick(skills), level: 1 + int(5) }]]),
        ),
        byMenuChoice: { '1': [{ skill: pick(skills), level: 1 + int(5) }] },
      },
    }),
  );
  const agents = Array.from({ length: AGENTS }, (_, i) => {
    const serves = new Set(Array.from({ length: 5 }, () => int(QUEUES)));
    return RoutingAgentSchema.parse({
      agentId: `agent-${String(i).padStart(4, '0')}`,
      status: pick(['available', 'available', 'busy', 'busy', 'after-contact-work', 'break', 'offline'] as const),
      skills: [...new Set(Array.from({ length: 8 }, () => pick(skills)))].map((skill) => ({
        skill,
        level: 1 + int(10),
      })),
      load: { voice: int(4) === 0 ? 1 : 0, chat: int(3) },
      voiceBlocksChats: random() < 0.8,
      profile: [...serves].map((q) => ({ queueId: `q${q}`, priority: int(3), delaySeconds: pick([0, 0, 0, 30]) })),
      idleSince: ago(int(3600)),
      version: int(100),
    });
  });
  const contacts = Array.from({ length: CONTACTS }, (_, i) => {
    const waited = int(600);
    return RoutableContactSchema.parse({
      contactId: `contact-${String(i).padStart(4, '0')}`,
      queueId: `q${int(QUEUES)}`,
      channel: pick(CHANNEL_KINDS),
      status: 'queued',
      enqueuedAt: ago(waited),
      statusSince: ago(waited),
      menuChoice: random() < 0.3 ? '1' : undefined,
      excludedAgentIds: random() < 0.1 ? [`agent-${String(int(AGENTS)).padStart(4, '0')}`] : [],
    });
  });
  return { queues, agents, contacts };
}

/** Times `decide(i)` for WARM_UP + DECISIONS calls and returns the measured milliseconds. */
function time(decide: (i: number) => number): { samples: number[]; found: number } {
  let found = 0;
  for (let i = 0; i < WARM_UP; i++) decide(i);
  const samples: number[] = [];
  for (let i = 0; i < DECISIONS; i++) {
    const started = performance.now();
    found += decide(i) > 0 ? 1 : 0;
    samples.push(performance.now() - started);
  }
  return { samples, found };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

export default async (): Promise<BenchResult[]> => {
  const { queues, agents, contacts } = tenant();
  const queuesById = new Map(queues.map((q) => [q.queueId, q]));
  const setup =
    `${AGENTS} agents, ${QUEUES} queues, ${CONTACTS} waiting contacts; ` +
    `${DECISIONS} decisions after ${WARM_UP} warm-up; 1-min load average ${loadavg()[0]!.toFixed(1)}`;

  const byContact = time((i) => {
    const contact = contacts[i % contacts.length]!;
    return rankAgentsForContact(contact, agents, queuesById.get(contact.queueId)!, NOW).length;
  });
  const byAgent = time((i) => rankContactsForAgent(agents[(i * 7) % agents.length]!, contacts, queuesById, NOW).length);

  // Worst case: every agent available, serving one open queue with no skills, so all 1,000 are ranked and sorted.
  const openQueue = QueueSchema.parse({
    queueId: 'open',
    name: 'Open',
    serviceLevel: { targetPercent: 80, thresholdSeconds: 20 },
  });
  const everyone = agents.map((a) => ({
    ...a,
    status: 'available' as const,
    load: { voice: 0, chat: 0 },
    profile: [{ queueId: 'open', priority: 0, delaySeconds: 0 }],
  }));
  const openContacts = contacts.map((c) => ({ ...c, queueId: 'open', menuChoice: undefined, excludedAgentIds: [] }));
  const allEligible = time(
    (i) => rankAgentsForContact(openContacts[i % openContacts.length]!, everyone, openQueue, NOW).length,
  );

  const batches: number[] = [];
  let planned = 0;
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    planned = planAssignments(contacts, agents, queues, NOW).length;
    batches.push(performance.now() - started);
  }

  type Timed = { samples: number[]; found: number };
  const figures = (name: string, { samples, found }: Timed, what: string): BenchResult[] =>
    [50, 99].map((p) => ({
      name: `routing.${name}.p${p}`,
      value: round(percentile(samples, p)),
      unit: 'ms',
      notes: `${what}: p${p} of one decision; ${setup}; ${found}/${DECISIONS} found a match. Goal: p99 ≤ 2 ms.`,
    }));
  return [
    ...figures('rankAgentsForContact', byContact, 'rank 1,000 agents for one contact'),
    ...figures('rankContactsForAgent', byAgent, 'rank 500 waiting contacts for one agent'),
    ...figures('rankAgentsForContact.allEligible', allEligible, 'worst case, all 1,000 agents eligible and sorted'),
    {
      name: 'routing.planAssignments.p50',
      value: round(percentile(batches, 50)),
      unit: 'ms',
      notes:
        `one batch plan of all ${CONTACTS} contacts over ${AGENTS} agents (${planned} assignments), ` +
        'median of 10 runs; no goal, for reference.',
    },
  ];
};
