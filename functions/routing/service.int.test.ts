import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@cc/shared/auth/model';
import type { RoutingServices } from '../composition/services.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from './testing.ts';

let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let routing: RoutingServices;
const T = 'tenant-r';
const agent = (userId: string): Principal => ({ tenantId: T, userId, roles: ['agent'], name: userId, login: userId });
const supervisor: Principal = { tenantId: T, userId: 'sup', roles: ['supervisor'], name: 'sup', login: 'sup' };

beforeAll(async () => {
  ctx = await createRoutingTestDeps();
  routing = ctx.services.routing;
  const { queues, agents } = ctx.deps;
  await queues.put(makeTenantQueue(T, 'sales', { afterContactWorkSeconds: 30, maxWaitSeconds: 60, overflowQueueId: 'overflow', requiredSkills: { byChannel: { voice: [{ skill: 'sales', level: 5 }] }, byMenuChoice: {} } }));
  await queues.put(makeTenantQueue(T, 'overflow'));
  await queues.put(makeTenantQueue(T, 'strict', { onMissedOffer: { status: 'break', reason: 'technical' } }));
  await agents.put(makeAgentRecord(T, 'expert', ['sales'], { skills: [{ skill: 'sales', level: 9 }] }));
  await agents.put(makeAgentRecord(T, 'junior', ['sales'], { skills: [{ skill: 'sales', level: 5 }], idleSince: '2026-11-25T08:30:00.000Z' }));
  await agents.put(makeAgentRecord(T, 'chatter', ['strict'], { capacity: { voice: 0, chat: 2 } }));
});
afterAll(() => ctx.table.drop());

const readAgent = (id: string) => ctx.deps.routing.readAgent(T, id);

describe('routing service on DynamoDB Local', () => {
  it('offers a queued call to the closest-fit skilled agent and records every step', async () => {
    // Arrange
    const contact = await routing.commands.createContact(T, { queueId: 'sales', channel: 'voice', priority: 0, requiredSkills: [] });
    // Act
    const outcome = await routing.engine.routeContact(T, contact.contactId);
    // Assert
    const stored = await ctx.deps.routing.readContact(T, contact.contactId);
    expect(outcome).toBe('offered');
    expect(stored).toMatchObject({ status: 'offered', agentId: 'junior', version: 2 });
    expect(stored!.history.map((r) => `${r.from}→${r.to}`)).toEqual(['new→queued', 'queued→offered']);
    expect(await readAgent('junior')).toMatchObject({ status: 'busy', load: { voice: 1, chat: 0 }, version: 2 });
  });

  it('lets only the offered agent accept, counts it handled, then ends into after-contact work and closes', async () => {
    // Arrange
    const [offered] = (await ctx.deps.routing.readAgents(T)).filter((a) => a.agentId === 'junior');
    const contactId = (await heldBy('junior'))[0]!;
    // Act / Assert
    await expect(routing.commands.acceptOffer(agent('expert'), contactId)).rejects.toMatchObject({ status: 403 });
    const connected = await routing.commands.acceptOffer(agent('junior'), contactId);
    expect(connected).toMatchObject({ status: 'connected', connectedAt: expect.any(String) });
    ctx.clock.advance(90);
    const wrapping = await routing.commands.endContact(agent('junior'), contactId);
    expect(wrapping.status).toBe('after-contact-work');
    expect(await readAgent('junior')).toMatchObject({ status: 'after-contact-work', load: { voice: 1, chat: 0 }, wrapping: 1 });
    // The wrap-up timer closes it; a stale copy of the same timer does nothing.
    ctx.clock.advance(30);
    const timer = { id: 'wrap', kind: 'wrap-up-end' as const, tenantId: T, contactId, queueId: 'sales', version: wrapping.version, dueAt: ctx.clock.now().toISOString() };
    await routing.timers.fireTimer(timer);
    await routing.timers.fireTimer(timer);
    const closed = await ctx.deps.routing.readContact(T, contactId);
    expect(closed!.status).toBe('closed');
    expect(closed!.history.map((r) => r.to)).toEqual(['queued', 'offered', 'connected', 'after-contact-work', 'closed']);
    expect(await readAgent('junior')).toMatchObject({ status: 'available', load: { voice: 0, chat: 0 }, wrapping: 0, version: (offered?.version ?? 0) + 2 });
    const stats = await routing.queries.statsOfQueues(T, ['sales']);
    expect(stats[0]).toMatchObject({ handledToday: 1, abandonedToday: 0, serviceLevelToday: 100 });
  });

  it('returns a rejected offer to the queue without that agent, counts the miss and applies the not-ready rule', async () => {
    // Arrange
    const contact = await routing.commands.createContact(T, { queueId: 'strict', channel: 'telegram', priority: 0, requiredSkills: [] });
    await routing.engine.routeContact(T, contact.contactId);
    // Act
    const back = await routing.commands.rejectOffer(agent('chatter'), contact.contactId);
    // Assert
    expect(back).toMatchObject({ status: 'queued', excludedAgentIds: ['chatter'] });
    expect(back.history.slice(-2).map((r) => r.to)).toEqual(['missed', 'queued']);
    expect(await readAgent('chatter')).toMatchObject({ status: 'break', breakReason: 'technical', missedOffers: 1, load: { voice: 0, chat: 0 } });
    expect(await routing.engine.routeContact(T, contact.contactId)).toBe('waiting');
    expect(ctx.timers.last('queue-sweep')).toMatchObject({ queueId: 'strict' });
  });

  it('times an offer out only for the version it was armed for', async () => {
    // Arrange: the chatter is back; a new contact is offered to them
    await ctx.deps.agents.save({ ...(await readAgent('chatter'))!, status: 'available', breakReason: undefined, version: (await readAgent('chatter'))!.version + 1 }, (await readAgent('chatter'))!.version);
    const contact = await routing.commands.createContact(T, { queueId: 'strict', channel: 'telegram', priority: 0, requiredSkills: [] });
    await routing.engine.routeContact(T, contact.contactId);
    const offered = (await ctx.deps.routing.readContact(T, contact.contactId))!;
    const timer = { id: 'offer', kind: 'offer-timeout' as const, tenantId: T, contactId: contact.contactId, queueId: 'strict', version: offered.version - 1, dueAt: ctx.clock.now().toISOString() };
    // Act
    await routing.timers.fireTimer(timer);
    const untouched = await ctx.deps.routing.readContact(T, contact.contactId);
    await routing.timers.fireTimer({ ...timer, version: offered.version });
    // Assert
    expect(untouched!.status).toBe('offered');
    expect(await ctx.deps.routing.readContact(T, contact.contactId)).toMatchObject({ status: 'queued', excludedAgentIds: ['chatter'] });
    expect((await ctx.deps.routing.readContact(T, contact.contactId))!.history.find((r) => r.to === 'missed')?.reason).toBe('offer timed out');
  });

  it('fills chat capacity one transaction at a time and never past it', async () => {
    // Arrange: the chatter (capacity 2) is available again, three chats wait
    const chatter = (await readAgent('chatter'))!;
    await ctx.deps.agents.save({ ...chatter, status: 'available', breakReason: undefined, version: chatter.version + 1 }, chatter.version);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await routing.commands.createContact(T, { queueId: 'strict', channel: 'vk', priority: 0, requiredSkills: [] })).contactId);
    // Act
    const offered = await routing.engine.routeAgent(T, 'chatter');
    // Assert
    expect(offered).toBe(2);
    expect(await readAgent('chatter')).toMatchObject({ load: { voice: 0, chat: 2 }, status: 'busy' });
  });

  it('moves a contact that waited too long to the overflow queue', async () => {
    // Arrange: nobody free for a call in sales
    const expert = (await readAgent('expert'))!;
    await ctx.deps.agents.save({ ...expert, status: 'offline', version: expert.version + 1 }, expert.version);
    const junior = (await readAgent('junior'))!;
    await ctx.deps.agents.save({ ...junior, status: 'offline', version: junior.version + 1 }, junior.version);
    const contact = await routing.commands.createContact(T, { queueId: 'sales', channel: 'voice', priority: 0, requiredSkills: [] });
    expect(await routing.engine.routeContact(T, contact.contactId)).toBe('waiting');
    // Act
    ctx.clock.advance(60);
    await routing.timers.fireTimer({ id: 'o', kind: 'overflow', tenantId: T, contactId: contact.contactId, queueId: 'sales', version: contact.version, dueAt: ctx.clock.now().toISOString() });
    // Assert
    const moved = await ctx.deps.routing.readContact(T, contact.contactId);
    expect(moved).toMatchObject({ status: 'queued', queueId: 'overflow' });
    expect(moved!.history.slice(-2).map((r) => r.to)).toEqual(['transferred', 'queued']);
  });

  it('keeps a caller’s place when the caller asks for a callback and dials when it is accepted', async () => {
    // Arrange
    const caller = await routing.commands.createContact(T, { queueId: 'sales', channel: 'voice', priority: 3, requiredSkills: [] });
    ctx.clock.advance(45);
    // Act
    const callback = await routing.commands.createContact(T, { queueId: 'sales', channel: 'callback', priority: 0, requiredSkills: [], callback: { phone: '+74951234567' }, replacesContactId: caller.contactId });
    // Assert
    expect(callback).toMatchObject({ enqueuedAt: caller.enqueuedAt, priority: 3, previousContactId: caller.contactId });
    expect(await ctx.deps.routing.readContact(T, caller.contactId)).toMatchObject({ status: 'closed' });
    const position = await routing.queries.describePosition(T, callback.contactId);
    expect(position).toMatchObject({ status: 'queued', position: expect.any(Number), text: { ru: expect.stringMatching(/^Вы .* в очереди/), en: expect.stringMatching(/^You are /) } });
    // The holding call's way, with the queue as stored and every read at once, tells the same.
    expect(await routing.queries.describePositionIn((await ctx.deps.queues.get(T, 'sales'))!, callback.contactId)).toEqual(position);
  });

  it('does not route a callback before its preferred window opens', async () => {
    // Arrange: someone is free in the overflow queue
    await ctx.deps.agents.put(makeAgentRecord(T, 'night', ['overflow']));
    const notBefore = new Date(ctx.clock.now().getTime() + 3600_000).toISOString();
    const callback = await routing.commands.createContact(T, { queueId: 'overflow', channel: 'callback', priority: 0, requiredSkills: [], callback: { phone: '+74951234567', notBefore } });
    // Act
    const early = await routing.engine.routeContact(T, callback.contactId);
    ctx.clock.advance(3600);
    const onTime = await routing.engine.routeContact(T, callback.contactId);
    // Assert
    expect(early).toBe('waiting');
    expect(onTime).toBe('offered');
    const accepted = await routing.commands.acceptOffer(agent('night'), callback.contactId);
    expect(accepted.status).toBe('connected');
  });

  it('transfers a connected contact to a named agent, who alone is offered it', async () => {
    // Arrange: the night agent holds the callback; a second agent exists in the same queue
    const [held] = await heldBy('night');
    await ctx.deps.agents.put(makeAgentRecord(T, 'named', []));
    // Act
    const transferred = await routing.commands.transferContact(agent('night'), held!, { agentId: 'named' });
    const routed = await routing.engine.routeAgent(T, 'named');
    // Assert
    expect(transferred).toMatchObject({ status: 'queued', targetAgentId: 'named' });
    expect(routed).toBe(1);
    expect(await ctx.deps.routing.readContact(T, held!)).toMatchObject({ status: 'offered', agentId: 'named' });
    expect(await readAgent('night')).toMatchObject({ load: { voice: 0, chat: 0 }, status: 'available' });
    await expect(routing.commands.transferContact(supervisor, held!, { queueId: 'nope' })).rejects.toMatchObject({ status: 404 });
  });
});

async function heldBy(agentId: string): Promise<string[]> {
  const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  const page = await ctx.table.documents.send(new ScanCommand({ TableName: ctx.table.tableName, FilterExpression: 'entity = :c AND agentId = :a AND #s IN (:o, :x)', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':c': 'contact', ':a': agentId, ':o': 'offered', ':x': 'connected' } }));
  return (page.Items ?? []).map((i) => i.contactId as string);
}
