/**
 * The concurrency check on DynamoDB Local: 200 contacts across 4 queues and 20 agents, the table's real
 * stream fed to 4 concurrent consumers running the routing reactions (in any order, unlike Lambda's one consumer
 * per shard), agents accepting, rejecting and going on breaks meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { changeAgentStatus } from '@cc/shared/agents/change-status';
import { AgentSchema, type Agent } from '@cc/shared/agents/model';
import type { Principal } from '@cc/shared/auth/model';
import { ConflictError, DomainError } from '@cc/shared/errors';
import { ContactSchema, type Contact } from '@cc/shared/contacts/model';
import type { ChannelKind } from '@cc/shared/channels/catalog';
import { createTestDeps } from '../../test/deps.ts';
import { LocalTimers } from '../adapters/timers/local-timers.ts';
import { toLambdaRecord } from '../local/stream-poller.ts';
import { createLambdaContext } from '../local/lambda-context.ts';
import { createStreamHandler, decodeRecord } from '../streams/app.ts';
import { routingReactions } from './reactions.ts';
import type { Deps } from '../composition/deps.ts';
import type { RoutingServices } from '../composition/services.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from './testing.ts';

const T = 'tenant-load';
const QUEUES = ['q-sales', 'q-support', 'q-billing', 'q-vip'];
const CONTACTS = 200;
const AGENTS = 20;
const CONSUMERS = 4;

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let deps: Deps;
let timers: LocalTimers;
let routing: RoutingServices;

/** Deterministic PRNG, so a failure reproduces. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  timers = new LocalTimers({ deliver: (timer) => routing.timers.fireTimer(timer) });
  ctx = await createTestDeps(undefined, { timers });
  deps = ctx.deps;
  routing = ctx.services.routing;
  for (const queueId of QUEUES) await deps.queues.put(makeTenantQueue(T, queueId, { afterContactWorkSeconds: 0 }));
  // Voice-only, chat-only and mixed agents (half of them never hold a call and chats together), two queues each.
  for (let i = 0; i < AGENTS; i++) {
    const capacity = [{ voice: 1, chat: 0 }, { voice: 0, chat: 3 }, { voice: 1, chat: 2 }, { voice: 1, chat: 1 }][i % 4]!;
    const queueIds = [QUEUES[i % 4]!, QUEUES[(i + 1) % 4]!];
    await deps.agents.put(makeAgentRecord(T, `agent-${String(i).padStart(2, '0')}`, queueIds, { capacity, voiceBlocksChats: i % 8 < 4, status: i % 5 === 0 ? 'offline' : 'available' }));
  }
});
afterAll(async () => {
  await timers?.stop();
  await ctx?.table.drop();
});

/** Reads the table's stream from the start into `sink` until `stop()` is true. */
async function readStream(sink: DynamoDBRecord[], stop: () => boolean) {
  const { streams, streamArn } = ctx.table;
  const iterators = new Map<string, string | undefined>();
  while (!stop()) {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    let got = 0;
    for (const shard of StreamDescription?.Shards ?? []) {
      const id = shard.ShardId!;
      if (!iterators.has(id)) iterators.set(id, (await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: id, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator);
      const iterator = iterators.get(id);
      if (!iterator) continue;
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      iterators.set(id, page.NextShardIterator);
      for (const record of page.Records ?? []) sink.push(toLambdaRecord(record, streamArn, 'local'));
      got += page.Records?.length ?? 0;
    }
    if (got === 0) await new Promise((r) => setTimeout(r, 20));
  }
}

const principal = (agentId: string): Principal => ({ tenantId: T, userId: agentId, roles: ['agent'], name: agentId, login: agentId });

async function setStatus(agentId: string, request: Parameters<typeof changeAgentStatus>[1]) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const agent = (await deps.agents.get(T, agentId))!;
    const next = changeAgentStatus(agent, request, new Date());
    if (next === agent) return;
    try {
      return await deps.agents.save(next, agent.version);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
}

describe('routing under concurrency on DynamoDB Local', () => {
  it('offers every contact, never to two agents, never past capacity, with every transition recorded', { timeout: 180_000 }, async () => {
    // Arrange
    const random = rng(7);
    const incoming: DynamoDBRecord[] = [];
    const seenAgents: Agent[] = [];
    const seenContacts = new Map<string, Contact[]>();
    const acted = new Set<string>();
    const actions: Promise<unknown>[] = [];
    let failures = 0;
    let done = false;
    const closed = () => [...seenContacts.values()].filter((images) => images.some((c) => c.status === 'closed')).length;

    /** The agents' consoles: accept (then end at once) nine offers in ten, reject the rest. */
    const actOn = (contact: Contact) => {
      const key = `${contact.contactId}:${contact.version}`;
      if (contact.status !== 'offered' || acted.has(key)) return;
      acted.add(key);
      const reject = random() < 0.1;
      actions.push(
        (async () => {
          await new Promise((r) => setTimeout(r, random() * 30));
          if (reject) return routing.commands.rejectOffer(principal(contact.agentId!), contact.contactId);
          await routing.commands.acceptOffer(principal(contact.agentId!), contact.contactId);
          await routing.commands.endContact(principal(contact.agentId!), contact.contactId);
        })().catch((error) => {
          // The offer moved on meanwhile (timed out and went to someone else): a console would just drop it.
          if (!(error instanceof DomainError) || (error.status !== 403 && error.status !== 409)) throw error;
        }),
      );
    };

    // Each consumer is its own Lambda instance: its own handler (a batch processor serves one invocation at a time).
    const consumer = async () => {
      const handle = createStreamHandler(routingReactions(deps, ctx.services));
      while (!done) {
        const record = incoming.shift();
        if (!record) {
          await new Promise((r) => setTimeout(r, 5));
          continue;
        }
        const image = record.dynamodb?.NewImage;
        const result = await handle({ Records: [record] }, createLambdaContext('stream-processor'));
        if (result.batchItemFailures.length > 0) {
          failures += 1;
          incoming.push(record); // retried later, as Lambda would
          continue;
        }
        if (!image) continue;
        const change = decodeRecord(record);
        if (change.entity === 'agent') seenAgents.push(AgentSchema.parse(change.newImage));
        if (change.entity === 'contact') {
          const contact = ContactSchema.parse(change.newImage);
          seenContacts.set(contact.contactId, [...(seenContacts.get(contact.contactId) ?? []), contact]);
          actOn(contact);
        }
      }
    };

    // Agents take breaks and come back while contacts flow.
    const toggler = async () => {
      while (!done) {
        const agentId = `agent-${String(Math.floor(random() * AGENTS)).padStart(2, '0')}`;
        await setStatus(agentId, random() < 0.4 ? { status: 'break', reason: 'lunch' } : { status: 'available' });
        await new Promise((r) => setTimeout(r, 40));
      }
    };

    // Act
    const reader = readStream(incoming, () => done);
    const workers = Array.from({ length: CONSUMERS }, consumer);
    const toggling = toggler();
    const channels: ChannelKind[] = ['voice', 'telegram', 'webchat', 'whatsapp', 'callback'];
    for (let i = 0; i < CONTACTS; i++) {
      const channel = channels[i % channels.length]!;
      await routing.commands.createContact(T, { contactId: `c-${String(i).padStart(3, '0')}`, queueId: QUEUES[i % QUEUES.length]!, channel, priority: 0, requiredSkills: [], ...(channel === 'callback' && { callback: { phone: '+74950000000' } }) });
    }
    const deadline = Date.now() + 150_000;
    while (closed() < CONTACTS && Date.now() < deadline) {
      // Once every contact has been created, bring everyone back so the queue drains.
      if (closed() > CONTACTS * 0.8) for (let i = 0; i < AGENTS; i++) await setStatus(`agent-${String(i).padStart(2, '0')}`, { status: 'available' });
      await new Promise((r) => setTimeout(r, 200));
    }
    done = true;
    await Promise.all([reader, ...workers, toggling]);
    await Promise.all(actions);

    // Assert: every contact was offered and closed, with a contiguous, time-ordered history
    const finals = await Promise.all(Array.from({ length: CONTACTS }, (_, i) => deps.routing.readContact(T, `c-${String(i).padStart(3, '0')}`)));
    expect(finals.filter((c) => c?.status !== 'closed').map((c) => `${c?.contactId}:${c?.status}`)).toEqual([]);
    for (const contact of finals as Contact[]) {
      const steps = contact.history;
      expect(steps[0]).toMatchObject({ from: 'new', to: 'queued' });
      steps.slice(1).forEach((step, i) => {
        expect(step.from, `${contact.contactId} step ${i + 1}`).toBe(steps[i]!.to);
        expect(Date.parse(step.at)).toBeGreaterThanOrEqual(Date.parse(steps[i]!.at));
      });
      // Never assigned twice: each offer ends (connected or missed) with the same agent before the next one.
      const offers = steps.filter((s) => s.to === 'offered');
      expect(offers.length).toBeGreaterThanOrEqual(1);
      expect(offers.length).toBe(steps.filter((s) => s.to === 'missed').length + 1);
      steps.forEach((s, i) => {
        if (s.to === 'offered') expect(steps[i + 1]?.agentId, contact.contactId).toBe(s.agentId);
      });
      // Every transition recorded: each image the stream carried is a prefix of the final history.
      for (const image of seenContacts.get(contact.contactId) ?? []) expect(steps.slice(0, image.history.length)).toEqual(image.history);
    }
    // Never over capacity, in any agent image the stream carried; everyone free again at the end.
    for (const agent of seenAgents) {
      const { load = { voice: 0, chat: 0 }, capacity = { voice: 1, chat: 3 } } = agent;
      expect(load.voice, agent.agentId).toBeLessThanOrEqual(capacity.voice);
      expect(load.chat, agent.agentId).toBeLessThanOrEqual(capacity.chat);
      if (agent.voiceBlocksChats) expect(load.voice > 0 && load.chat > 0, agent.agentId).toBe(false);
    }
    const agents = await deps.routing.readAgents(T);
    expect(agents.map((a) => `${a.agentId}:${a.load?.voice ?? 0}/${a.load?.chat ?? 0}`)).toEqual(agents.map((a) => `${a.agentId}:0/0`));
    expect(seenAgents.length).toBeGreaterThan(CONTACTS);
    console.info(`concurrency: ${failures} retried records, ${acted.size} offers, ${seenAgents.length} agent images`);
  });
});

describe('routing reactions on a poison stream record', () => {
  it('reports a poison stream record and every later one in batchItemFailures, and routes the later one on retry', async () => {
    // Arrange: its own table and recorded timers, so no timer left over from the load test (or armed here) routes
    // p-3 behind the test's back; two new queued contacts around a contact image with an unknown status
    const own = await createRoutingTestDeps(new Date());
    const deps = own.deps;
    await deps.queues.put(makeTenantQueue(T, 'q-sales'));
    await deps.agents.put(makeAgentRecord(T, 'agent-poison', ['q-sales'], { capacity: { voice: 1, chat: 3 } }));
    const handle = createStreamHandler(routingReactions(deps, own.services));
    const record = (sequence: string, image: Record<string, unknown>): DynamoDBRecord => ({
      eventID: sequence, eventName: 'INSERT', eventSource: 'aws:dynamodb', awsRegion: 'local',
      dynamodb: { SequenceNumber: sequence, Keys: marshall({ pk: image.pk, sk: 'CONTACT' }) as never, NewImage: marshall(image, { removeUndefinedValues: true }) as never },
    });
    const now = new Date().toISOString();
    const contact = (contactId: string, status: string) => ({ pk: `T#${T}#CONTACT#${contactId}`, sk: 'CONTACT', entity: 'contact', tenantId: T, contactId, queueId: 'q-sales', channel: 'telegram', status, enqueuedAt: now, statusSince: now, createdAt: now, priority: 0, requiredSkills: [], excludedAgentIds: [], history: [], version: 1 });
    for (const id of ['p-1', 'p-3']) {
      const { pk: _pk, sk: _sk, entity: _e, ...stored } = contact(id, 'queued');
      await deps.contacts.create(ContactSchema.parse(stored));
    }
    // Act
    const result = await handle({ Records: [record('901', contact('p-1', 'queued')), record('902', contact('p-2', 'sleeping')), record('903', contact('p-3', 'queued'))] }, createLambdaContext('stream-processor'));
    // Assert
    // Records after the poison one are held back (per-key order, docs/stream-redrive.md) until it is retried or dead-lettered.
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '902' }, { itemIdentifier: '903' }]);
    expect((await deps.routing.readContact(T, 'p-1'))?.status).toBe('offered');
    expect((await deps.routing.readContact(T, 'p-3'))?.status).toBe('queued');
    // Act: the poison record has gone to the dead-letter queue; the stream resumes from the next one
    const retry = await handle({ Records: [record('903', contact('p-3', 'queued'))] }, createLambdaContext('stream-processor'));
    // Assert
    expect(retry.batchItemFailures).toEqual([]);
    expect((await deps.routing.readContact(T, 'p-3'))?.status).toBe('offered');
    await own.table.drop();
  });
});
