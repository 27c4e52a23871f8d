import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import { createApp } from '../app.ts';
import { json } from '../../../test/json.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from '../../routing/testing.ts';

let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
const token: Record<string, string> = {};
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });

beforeAll(async () => {
  ctx = await createRoutingTestDeps();
  app = createApp(ctx.deps, ctx.services);
  for (const tenantId of ['tenant-a', 'tenant-b']) {
    await ctx.deps.queues.put(makeTenantQueue(tenantId, 'sales'));
    await ctx.deps.agents.put(makeAgentRecord(tenantId, `${tenantId}-agent`, ['sales'], { capacity: { voice: 1, chat: 1 } }));
    await ctx.deps.agents.put(makeAgentRecord(tenantId, `${tenantId}-other`, ['sales'], { status: 'offline' }));
  }
  token.agentA = await ctx.issuer.issue(principal('tenant-a', 'tenant-a-agent', 'agent'));
  token.otherA = await ctx.issuer.issue(principal('tenant-a', 'tenant-a-other', 'agent'));
  token.supervisorA = await ctx.issuer.issue(principal('tenant-a', 'sup-a', 'supervisor'));
  token.supervisorB = await ctx.issuer.issue(principal('tenant-b', 'sup-b', 'supervisor'));
});
afterAll(() => ctx.table.drop());

const call = (path: string, init: { method?: string; token?: string; body?: unknown } = {}) =>
  app.request(path, { method: init.method ?? 'GET', body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body), headers: { ...(init.token && { authorization: `Bearer ${init.token}` }), 'content-type': 'application/json' } });

/** A contact of tenant A offered to its agent (the stream is not running here, so routing is called directly). */
async function offeredContact(): Promise<string> {
  const res = await call('/api/contacts', { method: 'POST', token: token.supervisorA, body: { queueId: 'sales', channel: 'telegram' } });
  expect(res.status).toBe(201);
  const { contactId } = await json(res);
  expect(await ctx.services.routing.engine.routeContact('tenant-a', contactId)).toBe('offered');
  return contactId;
}

describe('contacts API', () => {
  it('creates a contact in the caller’s tenant and answers its queue position', async () => {
    // Act
    const created = await call('/api/contacts', { method: 'POST', token: token.agentA, body: { queueId: 'sales', channel: 'whatsapp', customerId: 'c1', positionUpdates: true } });
    const body = await json(created);
    const position = await json(await call(`/api/contacts/${body.contactId}/position`, { token: token.agentA }));
    // Assert
    expect(created.status).toBe(201);
    expect(body).toMatchObject({ tenantId: 'tenant-a', status: 'queued', history: [{ from: 'new', to: 'queued' }] });
    expect(position).toMatchObject({ position: 1, status: 'queued', message: { key: expect.stringMatching(/^queue\.position/) }, text: { ru: 'Вы первый в очереди', en: 'You are 1st in the queue' } });
  });

  it('creates a callback with a preferred window', async () => {
    // Act
    const res = await call('/api/contacts', { method: 'POST', token: token.supervisorA, body: { queueId: 'sales', channel: 'callback', callback: { phone: '+74951234567', notBefore: '2026-11-25T12:00:00+03:00', notAfter: '2026-11-25T14:00:00+03:00' } } });
    // Assert
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({ channel: 'callback', callback: { phone: '+74951234567' } });
  });

  it.each([
    ['an unknown channel', { queueId: 'sales', channel: 'fax' }],
    ['a callback without a phone', { queueId: 'sales', channel: 'callback' }],
    ['a window that ends before it starts', { queueId: 'sales', channel: 'callback', callback: { phone: '+74951234567', notBefore: '2026-11-25T14:00:00Z', notAfter: '2026-11-25T12:00:00Z' } }],
    ['a phone that is not E.164', { queueId: 'sales', channel: 'callback', callback: { phone: '8 495 123' } }],
    ['malformed JSON', '{"queueId":'],
  ])('answers 400 for %s', async (_what, body) => {
    // Act
    const res = await call('/api/contacts', { method: 'POST', token: token.agentA, body });
    // Assert
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 404 for a queue of another tenant and 401 without a token', async () => {
    // Act
    const unknownQueue = await call('/api/contacts', { method: 'POST', token: token.supervisorB, body: { queueId: 'nope', channel: 'telegram' } });
    const anonymous = await call('/api/contacts', { method: 'POST', body: { queueId: 'sales', channel: 'telegram' } });
    // Assert
    expect(unknownQueue.status).toBe(404);
    expect(anonymous.status).toBe(401);
  });

  it('lets only the offered agent accept or reject, and forbids other agents to read the contact', async () => {
    // Arrange
    const contactId = await offeredContact();
    const salesWaiting = async () => (await json(await call('/api/wallboard', { token: token.supervisorA }))).queues.find((q: { queueId: string }) => q.queueId === 'sales').waiting as number;
    const waitingWhileOffered = await salesWaiting();
    // Act
    const byOther = await call(`/api/contacts/${contactId}/accept`, { method: 'POST', token: token.otherA });
    const bySupervisor = await call(`/api/contacts/${contactId}/accept`, { method: 'POST', token: token.supervisorA });
    const readByOther = await call(`/api/contacts/${contactId}`, { token: token.otherA });
    const accepted = await call(`/api/contacts/${contactId}/accept`, { method: 'POST', token: token.agentA });
    const again = await call(`/api/contacts/${contactId}/accept`, { method: 'POST', token: token.agentA });
    // Assert
    expect(byOther.status).toBe(403);
    expect(bySupervisor.status).toBe(403);
    expect(readByOther.status).toBe(403);
    expect(accepted.status).toBe(200);
    expect(again.status).toBe(409);
    // The offer in flight counted as waiting on the wallboard until it was answered.
    expect(waitingWhileOffered - (await salesWaiting())).toBe(1);
  });

  it('ends, transfers and rejects through the API', async () => {
    // Arrange: the agent holds the contact accepted above; end it (no wrap-up time in this queue → closed)
    const held = await json(await call('/api/wallboard', { token: token.supervisorA }));
    expect(held.agents.find((a: { agentId: string }) => a.agentId === 'tenant-a-agent').load).toEqual({ voice: 0, chat: 1 });
    // Act
    const contactId = await offeredContactAfterFreeing();
    const rejected = await call(`/api/contacts/${contactId}/reject`, { method: 'POST', token: token.agentA });
    const badTransfer = await call(`/api/contacts/${contactId}/transfer`, { method: 'POST', token: token.supervisorA, body: { queueId: 'sales', extra: 1 } });
    const transfer = await call(`/api/contacts/${contactId}/transfer`, { method: 'POST', token: token.supervisorA, body: { agentId: 'tenant-a-other' } });
    // Assert
    expect(await json(rejected)).toMatchObject({ status: 'queued', excludedAgentIds: ['tenant-a-agent'] });
    expect(badTransfer.status).toBe(400);
    expect(await json(transfer)).toMatchObject({ status: 'queued', targetAgentId: 'tenant-a-other' });
  });

  // Every contact route, asked by tenant B's supervisor for tenant A's contact.
  it.each([
    ['GET', ''],
    ['GET', '/position'],
    ['POST', '/accept'],
    ['POST', '/reject'],
    ['POST', '/end'],
    ['POST', '/complete'],
    ['POST', '/abandon'],
    ['POST', '/position/notify'],
  ])('answers 404 to another tenant for %s /api/contacts/:id%s', async (method, suffix) => {
    // Arrange
    const created = await json(await call('/api/contacts', { method: 'POST', token: token.supervisorA, body: { queueId: 'sales', channel: 'vk' } }));
    // Act
    const res = await call(`/api/contacts/${created.contactId}${suffix}`, { method, token: token.supervisorB });
    // Assert
    expect(res.status).toBe(404);
  });

  it('shows the wallboard to supervisors only, with the tenant’s own queues and agents', async () => {
    // Act
    const forAgent = await call('/api/wallboard', { token: token.agentA });
    const board = await json(await call('/api/wallboard', { token: token.supervisorB }));
    // Assert
    expect(forAgent.status).toBe(403);
    expect(board.queues.map((q: { queueId: string }) => q.queueId)).toEqual(['sales']);
    expect(board.agents.map((a: { agentId: string }) => a.agentId).sort()).toEqual(['tenant-b-agent', 'tenant-b-other']);
    expect(board.queues[0]).toMatchObject({ waiting: 0, handledToday: 0, agentsByStatus: { available: 1, offline: 1 }, serviceLevelToday: null, open: true });
  });

  it('lets a supervisor abandon a waiting contact, and not an agent', async () => {
    // Arrange
    const created = await json(await call('/api/contacts', { method: 'POST', token: token.supervisorA, body: { queueId: 'sales', channel: 'viber' } }));
    // Act
    const byAgent = await call(`/api/contacts/${created.contactId}/abandon`, { method: 'POST', token: token.agentA });
    const bySupervisor = await call(`/api/contacts/${created.contactId}/abandon`, { method: 'POST', token: token.supervisorA });
    // Assert
    expect(byAgent.status).toBe(403);
    expect(await json(bySupervisor)).toMatchObject({ status: 'abandoned' });
  });
});

/** Ends what the agent holds, then offers a fresh contact to them. */
async function offeredContactAfterFreeing(): Promise<string> {
  const routing = ctx.services.routing;
  const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  const page = await ctx.table.documents.send(new ScanCommand({ TableName: ctx.table.tableName, FilterExpression: 'entity = :c AND agentId = :a AND #s = :x', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':c': 'contact', ':a': 'tenant-a-agent', ':x': 'connected' } }));
  for (const item of page.Items ?? []) {
    const res = await call(`/api/contacts/${item.contactId}/end`, { method: 'POST', token: token.agentA });
    expect(await json(res)).toMatchObject({ status: 'closed' });
  }
  // Drain earlier waiting contacts of tenant A so the next one is offered to the agent.
  for (const waiting of await ctx.deps.contacts.listWaiting('tenant-a', 'sales')) await routing.commands.abandonContact('tenant-a', waiting.contactId);
  return offeredContact();
}

describe('tenancy of every contact route that takes an id (customers: functions/messaging/inbound.int.test.ts)', () => {
  // Tenant B's supervisor names a contact of tenant A: it must look absent, and stay unchanged.
  it.each([
    ['GET', '/api/contacts/{id}', undefined],
    ['GET', '/api/contacts/{id}/position', undefined],
    ['POST', '/api/contacts/{id}/position/notify', {}],
    ['POST', '/api/contacts/{id}/accept', undefined],
    ['POST', '/api/contacts/{id}/reject', undefined],
    ['POST', '/api/contacts/{id}/end', undefined],
    ['POST', '/api/contacts/{id}/complete', undefined],
    ['POST', '/api/contacts/{id}/transfer', { queueId: 'sales' }],
    ['POST', '/api/contacts/{id}/abandon', undefined],
    ['POST', '/api/contacts/{id}/typing', undefined],
    ['GET', '/api/contacts/{id}/messages', undefined],
    ['POST', '/api/contacts/{id}/messages', { text: 'Чужое', clientMessageId: 'x-tenant-1' }],
  ])('answers 404 to %s %s from another tenant', async (method, template, body) => {
    // Arrange
    const created = await json(await call('/api/contacts', { method: 'POST', token: token.supervisorA, body: { queueId: 'sales', channel: 'whatsapp', customerId: 'cust-a' } }));
    const path = template.replace('{id}', created.contactId);
    // Act
    const res = await call(path, { method, token: token.supervisorB, body });
    // Assert
    expect(res.status).toBe(404);
    expect((await ctx.deps.contacts.get('tenant-a', created.contactId))?.status).toBe('queued');
  });
});
