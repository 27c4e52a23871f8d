import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { AgentTimeline } from '@cc/shared/timeline/values';
import { createApp } from '../http/app.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from '../routing/testing.ts';
import type { ItemChange } from '../streams/app.ts';
import { json } from '../../test/json.ts';
import { timelineReactions } from './reactions.ts';

// An agent's day on DynamoDB Local: real routing writes the agent and the contact, their stream changes (in order,
// redelivered, reordered) feed the day log, and the API answers the strip and the contact.
const T = 'tenant-t';
const msk = (hhmmss: string) => new Date(`2026-03-15T${hhmmss}+03:00`);
let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
const token: Record<string, string> = {};
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });
const changes: ItemChange[] = [];
let contactId: string;

/** Every change of anna's agent record and of the contact since the last look, as the stream would carry them. */
const seen = new Map<string, Record<string, unknown>>();
async function journal() {
  const items: [string, 'agent' | 'contact', Record<string, unknown> | undefined][] = [['agent', 'agent', (await ctx.deps.routing.readAgent(T, 'anna')) as never]];
  if (contactId) items.push(['contact', 'contact', (await ctx.deps.routing.readContact(T, contactId)) as never]);
  for (const [key, entity, image] of items) {
    const before = seen.get(key);
    if (!image || before?.['version'] === image['version']) continue;
    changes.push({ eventName: before ? 'MODIFY' : 'INSERT', entity, newImage: image, ...(before && { oldImage: before }), sequenceNumber: String(changes.length) });
    seen.set(key, image);
  }
}
const feed = async (list: ItemChange[]) => {
  const reactions = timelineReactions(ctx.deps);
  for (const change of list) for (const reaction of reactions) if (reaction.entity === change.entity) await reaction.react(change);
};
const get = (path: string, as: string) => app.request(path, { headers: { authorization: `Bearer ${as}` } });
const annaAs: Principal = principal(T, 'anna', 'agent');
const setStatus = async (at: string, body: unknown) => {
  ctx.clock.set(msk(at));
  expect((await app.request('/api/agents/me/status', { method: 'PUT', body: JSON.stringify(body), headers: { authorization: `Bearer ${token.anna}`, 'content-type': 'application/json' } })).status).toBe(200);
  await journal();
};

beforeAll(async () => {
  ctx = await createRoutingTestDeps(msk('08:00:00'));
  app = createApp(ctx.deps, ctx.services);
  await ctx.deps.directory.putTenant({ tenantId: T, name: 'Ромашка', timeZone: 'Europe/Moscow', locale: 'ru', createdAt: '2026-01-01T00:00:00.000Z' });
  await ctx.deps.queues.put(makeTenantQueue(T, 'support', { afterContactWorkSeconds: 30 }));
  await ctx.deps.agents.put(makeAgentRecord(T, 'anna', ['support'], { status: 'offline', statusSince: '2026-03-14T17:00:00.000Z', idleSince: '2026-03-14T17:00:00.000Z' }));
  await ctx.deps.agents.put(makeAgentRecord(T, 'boris', ['support']));
  await ctx.deps.agents.put(makeAgentRecord('tenant-other', 'vera', ['support']));
  await ctx.deps.customers.recordSighting({ tenantId: T, customerId: 'cus-1', channel: 'telegram', channelId: 'tg', externalId: '42', profile: { name: 'Иван Петров' }, at: msk('08:00:00').toISOString() });
  token.anna = await ctx.issuer.issue(annaAs);
  token.boris = await ctx.issuer.issue(principal(T, 'boris', 'agent'));
  token.supervisor = await ctx.issuer.issue(principal(T, 'oleg', 'supervisor'));
  token.otherSupervisor = await ctx.issuer.issue(principal('tenant-other', 'sup', 'supervisor'));
  await journal();

  // The day: available at 09:00, a chat offered 09:01, answered 09:02, ended 09:10, wrapped up by 09:10:30, lunch at 09:20.
  await setStatus('09:00:00', { status: 'available' });
  ctx.clock.set(msk('09:01:00'));
  contactId = (await ctx.services.routing.commands.createContact(T, { queueId: 'support', channel: 'telegram', customerId: 'cus-1', priority: 0, requiredSkills: [] })).contactId;
  await journal();
  await ctx.services.routing.engine.routeContact(T, contactId);
  await journal();
  ctx.clock.set(msk('09:02:00'));
  await ctx.services.routing.commands.acceptOffer(annaAs, contactId);
  await journal();
  ctx.clock.set(msk('09:10:00'));
  const wrapping = await ctx.services.routing.commands.endContact(annaAs, contactId);
  await journal();
  ctx.clock.set(msk('09:10:30'));
  await ctx.services.routing.timers.fireTimer({ id: 'wrap', kind: 'wrap-up-end', tenantId: T, contactId, queueId: 'support', version: wrapping.version, dueAt: msk('09:10:30').toISOString() });
  await journal();
  await setStatus('09:20:00', { status: 'break', reason: 'lunch' });
  ctx.clock.set(msk('09:30:00'));
});
afterAll(() => ctx?.table.drop());

const expectedSegments = [
  { status: 'offline', from: msk('00:00:00').toISOString(), to: msk('09:00:00').toISOString() },
  { status: 'available', from: msk('09:00:00').toISOString(), to: msk('09:01:00').toISOString() },
  { status: 'busy', from: msk('09:01:00').toISOString(), to: msk('09:10:00').toISOString() },
  { status: 'after-contact-work', from: msk('09:10:00').toISOString(), to: msk('09:10:30').toISOString() },
  { status: 'available', from: msk('09:10:30').toISOString(), to: msk('09:20:00').toISOString() },
  { status: 'break', breakReason: 'lunch', from: msk('09:20:00').toISOString(), to: msk('09:30:00').toISOString() },
];

describe('an agent’s timeline from the stream', () => {
  it('draws the day’s statuses and the chat handled, in the tenant’s time zone', async () => {
    // Act
    await feed(changes);
    const res = await get('/api/agents/anna/timeline', token.supervisor!);
    // Assert
    expect(res.status, await res.clone().text()).toBe(200);
    const day = (await json(res)) as AgentTimeline;
    expect(day).toMatchObject({ agentId: 'anna', date: '2026-03-15', timeZone: 'Europe/Moscow', until: msk('09:30:00').toISOString() });
    expect(day.segments).toEqual(expectedSegments);
    expect(day.contacts).toEqual([{ contactId, channel: 'telegram', queueId: 'support', customerName: 'Иван Петров', offeredAt: msk('09:01:00').toISOString(), connectedAt: msk('09:02:00').toISOString(), wrapUpAt: msk('09:10:00').toISOString(), closedAt: msk('09:10:30').toISOString(), outcome: 'completed' }]);
    expect(day.totals.secondsByStatus).toEqual({ offline: 9 * 3600, available: 60 + 570, busy: 540, 'after-contact-work': 30, break: 600 });
  });

  it('stores nothing twice and nothing stale when records come again or out of order', async () => {
    // Arrange
    const first = await json(await get('/api/agents/anna/timeline', token.supervisor!));
    // Act: every record again, then the whole stream backwards (each older image after a newer one)
    await feed(changes);
    await feed([...changes].reverse());
    // Assert
    expect(await json(await get('/api/agents/anna/timeline', token.supervisor!))).toEqual(first);
    const log = await ctx.deps.timeline.contactsBetween(T, 'anna', msk('00:00:00'), msk('23:59:59'));
    expect(log.map((entry) => [entry.outcome, entry.contactVersion])).toEqual([['completed', changes.filter((c) => c.entity === 'contact').at(-1)!.newImage!['version']]]);
  });

  it('shows an agent their own day, by any date the log keeps', async () => {
    // Act
    const own = await get('/api/agents/anna/timeline?date=2026-03-15', token.anna!);
    const yesterday = await get('/api/agents/anna/timeline?date=2026-03-14', token.anna!);
    // Assert
    expect(own.status).toBe(200);
    expect(((await json(yesterday)) as AgentTimeline).segments).toEqual([{ status: 'offline', from: '2026-03-13T21:00:00.000Z', to: '2026-03-14T21:00:00.000Z' }]);
  });

  it('refuses an agent another agent’s day (403) and hides other tenants’ and unknown agents (404)', async () => {
    // Act / Assert
    expect((await get('/api/agents/anna/timeline', token.boris!)).status).toBe(403);
    expect((await get('/api/agents/anna/timeline', token.otherSupervisor!)).status).toBe(404);
    expect((await get('/api/agents/vera/timeline', token.supervisor!)).status).toBe(404);
    expect((await get('/api/agents/nobody/timeline', token.supervisor!)).status).toBe(404);
    expect((await app.request('/api/agents/anna/timeline')).status).toBe(401);
  });

  it.each([
    ['a date that is no day', '2026-02-30', 'YYYY-MM-DD'],
    ['a date in another form', '15.03.2026', 'YYYY-MM-DD'],
    ['a day to come', '2026-03-16', 'has not begun'],
    ['a day older than the log keeps', '2026-01-01', 'older than the 40 days'],
  ])('answers 400 with the reason for %s', async (_name, date, reason) => {
    // Act
    const res = await get(`/api/agents/anna/timeline?date=${encodeURIComponent(date)}`, token.supervisor!);
    // Assert
    expect(res.status).toBe(400);
    expect((await json(res)).detail).toContain(reason);
  });
});
