import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import { createApp } from '../app.ts';
import { json } from '../../../test/json.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from '../../routing/testing.ts';

// Who may create what through POST /api/contacts (issue #8, item 6): an agent only plain contacts and
// contacts of a conversation they hold; taking a waiting contact's place is a supervisor's call.
let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
const token = {} as Record<'anna' | 'boris' | 'supervisor', string>;
const principal = (userId: string, role: Role): Principal => ({ tenantId: 'tenant-a', userId, roles: [role], name: userId, login: `${userId}@tenant-a` });
let heldConversation: string;

beforeAll(async () => {
  ctx = await createRoutingTestDeps();
  app = createApp(ctx.deps, ctx.services);
  await ctx.deps.queues.put(makeTenantQueue('tenant-a', 'support'));
  await ctx.deps.agents.put(makeAgentRecord('tenant-a', 'anna', ['support'], { capacity: { voice: 1, chat: 1 } }));
  await ctx.deps.agents.put(makeAgentRecord('tenant-a', 'boris', ['support'], { status: 'offline' }));
  token.anna = await ctx.issuer.issue(principal('anna', 'agent'));
  token.boris = await ctx.issuer.issue(principal('boris', 'agent'));
  token.supervisor = await ctx.issuer.issue(principal('sup', 'supervisor'));
  // Анна holds a Telegram contact of conversation conv-held (the stream is not running, so routing is called directly).
  const routing = ctx.services.routing;
  heldConversation = 'telegram:bot:42';
  const contact = await routing.commands.createContact('tenant-a', { queueId: 'support', channel: 'telegram', conversationId: heldConversation, customerId: 'cust-1', priority: 0, requiredSkills: [] });
  expect(await routing.engine.routeContact('tenant-a', contact.contactId)).toBe('offered');
  await routing.commands.acceptOffer(principal('anna', 'agent'), contact.contactId);
});
afterAll(() => ctx.table.drop());

const post = (as: string, body: unknown) =>
  app.request('/api/contacts', { method: 'POST', body: JSON.stringify(body), headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' } });
const callback = { queueId: 'support', channel: 'callback', callback: { phone: '+74951234567' } };
const waitingCaller = async () => (await ctx.services.routing.commands.createContact('tenant-a', { queueId: 'support', channel: 'voice', priority: 0, requiredSkills: [] })).contactId;

describe('POST /api/contacts by role', () => {
  it('lets an agent create a callback for the conversation they hold', async () => {
    // Act
    const res = await post(token.anna, { ...callback, conversationId: heldConversation, customerId: 'cust-1' });
    // Assert
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({ channel: 'callback', conversationId: heldConversation, status: 'queued' });
  });

  it('forbids an agent to attach a contact to a conversation they do not hold', async () => {
    // Act
    const res = await post(token.boris, { ...callback, conversationId: heldConversation });
    const unknown = await post(token.anna, { queueId: 'support', channel: 'telegram', conversationId: 'telegram:bot:99' });
    // Assert
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await json(res)).detail).toMatch(/conversation/);
    expect(unknown.status).toBe(403);
  });

  it('forbids an agent to take a waiting contact’s place, and leaves that contact waiting', async () => {
    // Arrange
    const waiting = await waitingCaller();
    // Act
    const res = await post(token.anna, { ...callback, replacesContactId: waiting });
    const after = await ctx.deps.contacts.get('tenant-a', waiting);
    // Assert
    expect(res.status).toBe(403);
    expect((await json(res)).detail).toMatch(/supervisor/);
    expect(after?.status).toBe('queued');
  });

  it('lets a supervisor replace a waiting contact and attach any conversation', async () => {
    // Arrange
    const waiting = await waitingCaller();
    // Act
    const replaced = await post(token.supervisor, { ...callback, replacesContactId: waiting });
    const attached = await post(token.supervisor, { queueId: 'support', channel: 'telegram', conversationId: 'telegram:bot:99' });
    // Assert
    expect(replaced.status).toBe(201);
    expect(await json(replaced)).toMatchObject({ previousContactId: waiting });
    expect((await ctx.deps.contacts.get('tenant-a', waiting))?.status).toBe('closed');
    expect(attached.status).toBe(201);
  });

  it('still lets an agent create a plain contact or callback', async () => {
    // Act
    const res = await post(token.boris, callback);
    // Assert
    expect(res.status).toBe(201);
  });
});
