import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import { createApp } from '../app.ts';
import { json } from '../../../test/json.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from '../../routing/testing.ts';

// Who may read and merge customers (issue #8, item 7): an agent the customers of the contacts they hold,
// merging only what the profile suggests; supervisors everything. Every merge is recorded.
let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
const token = {} as Record<'anna' | 'boris' | 'supervisor', string>;
const principal = (userId: string, role: Role): Principal => ({ tenantId: 'tenant-a', userId, roles: [role], name: userId === 'anna' ? 'Анна' : userId, login: `${userId}@tenant-a` });

const sighting = (customerId: string, channel: 'telegram' | 'whatsapp' | 'vk', phone: string) =>
  ctx.deps.customers.recordSighting({ tenantId: 'tenant-a', customerId, channel, channelId: `${channel}-1`, externalId: customerId, profile: { name: customerId, phone }, at: '2026-11-25T08:00:00.000Z' });

beforeAll(async () => {
  ctx = await createRoutingTestDeps();
  app = createApp(ctx.deps, ctx.services);
  await ctx.deps.queues.put(makeTenantQueue('tenant-a', 'support'));
  await ctx.deps.agents.put(makeAgentRecord('tenant-a', 'anna', ['support'], { capacity: { voice: 1, chat: 2 } }));
  token.anna = await ctx.issuer.issue(principal('anna', 'agent'));
  token.boris = await ctx.issuer.issue(principal('boris', 'agent'));
  token.supervisor = await ctx.issuer.issue(principal('sup', 'supervisor'));
  await sighting('held-tg', 'telegram', '+79160000001');
  await sighting('same-wa', 'whatsapp', '+79160000001');
  await sighting('stranger-vk', 'vk', '+79160000002');
  await sighting('other-tg', 'telegram', '+79160000003');
  await sighting('other-wa', 'whatsapp', '+79160000003');
  // Анна holds a contact of held-tg (the stream is not running, so routing is called directly).
  const routing = ctx.services.routing;
  const contact = await routing.commands.createContact('tenant-a', { queueId: 'support', channel: 'telegram', customerId: 'held-tg', conversationId: 'telegram:1:held', priority: 0, requiredSkills: [] });
  expect(await routing.engine.routeContact('tenant-a', contact.contactId)).toBe('offered');
  await routing.commands.acceptOffer(principal('anna', 'agent'), contact.contactId);
});
afterAll(() => ctx.table.drop());

const call = (path: string, as: string, body?: unknown) =>
  app.request(path, { method: body === undefined ? 'GET' : 'POST', ...(body !== undefined && { body: JSON.stringify(body) }), headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' } });

describe('reading customers by role', () => {
  it('lets an agent read the customer of a contact they hold, and no other', async () => {
    // Act
    const profile = await call('/api/customers/held-tg', token.anna);
    const history = await call('/api/customers/held-tg/history', token.anna);
    const stranger = await call('/api/customers/stranger-vk', token.anna);
    const strangerHistory = await call('/api/customers/stranger-vk/history', token.anna);
    const notHolding = await call('/api/customers/held-tg', token.boris);
    // Assert
    expect(profile.status).toBe(200);
    expect((await json(profile)).mergeSuggestions).toEqual([expect.objectContaining({ customerId: 'same-wa' })]);
    expect(history.status).toBe(200);
    expect([stranger.status, strangerHistory.status, notHolding.status]).toEqual([403, 403, 403]);
    expect(stranger.headers.get('content-type')).toContain('application/problem+json');
  });

  it('lets a supervisor read any customer', async () => {
    // Act
    const res = await call('/api/customers/stranger-vk', token.supervisor);
    // Assert
    expect(res.status).toBe(200);
  });
});

describe('merging customers by role', () => {
  it('forbids an agent to merge what is not suggested for the customer they hold, or customers they do not hold', async () => {
    // Act
    const unsuggested = await call('/api/customers/held-tg/merge', token.anna, { customerId: 'stranger-vk' });
    const notHeld = await call('/api/customers/other-tg/merge', token.anna, { customerId: 'other-wa' });
    // Assert
    expect(unsuggested.status).toBe(403);
    expect(notHeld.status).toBe(403);
    expect((await ctx.deps.customers.get('tenant-a', 'held-tg'))?.linkedCustomerIds).toEqual([]);
  });

  it('lets an agent merge a suggested customer into the one they hold, and records who and when', async () => {
    // Act
    const merged = await call('/api/customers/held-tg/merge', token.anna, { customerId: 'same-wa' });
    const merges = await call('/api/customers/held-tg/merges', token.anna);
    const fromOther = await call('/api/customers/same-wa/merges', token.supervisor);
    // Assert
    expect(merged.status).toBe(200);
    expect((await json(merged)).linked).toEqual([expect.objectContaining({ customerId: 'same-wa' })]);
    const [record] = (await json(merges)).merges;
    expect(record).toMatchObject({ customerId: 'held-tg', otherCustomerId: 'same-wa', by: { userId: 'anna', name: 'Анна' }, at: expect.any(String) });
    // Enough to undo: every member's links before the merge.
    expect(record.before).toEqual(expect.arrayContaining([{ customerId: 'held-tg', linkedCustomerIds: [] }, { customerId: 'same-wa', linkedCustomerIds: [] }]));
    expect((await json(fromOther)).merges).toEqual([record]);
  });

  it('lets a supervisor merge any two customers, recorded too', async () => {
    // Act
    const res = await call('/api/customers/other-tg/merge', token.supervisor, { customerId: 'stranger-vk' });
    const merges = await json(await call('/api/customers/stranger-vk/merges', token.supervisor));
    // Assert
    expect(res.status).toBe(200);
    expect(merges.merges).toEqual([expect.objectContaining({ customerId: 'other-tg', otherCustomerId: 'stranger-vk', by: expect.objectContaining({ userId: 'sup' }) })]);
  });
});
