import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import { createApp } from '../app.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from '../../routing/testing.ts';
import { json } from '../../../test/json.ts';

// The chat supervision routes, each checked for its role, for tenant isolation and for bad input (a review of
// issue #11's administration routes; the live behaviour is in functions/messaging/chat-supervision.int.test.ts).
const T = 'tenant-a';
let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
const token: Record<string, string> = {};
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });
const ROUTES = ['whisper', 'barge', 'supervision/leave', 'take-over'] as const;
const post = (path: string, as: string, body: unknown = {}) =>
  app.request(`/api/contacts/${path}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' } });
let chatId: string;
let callId: string;

beforeAll(async () => {
  ctx = await createRoutingTestDeps();
  app = createApp(ctx.deps, ctx.services);
  await ctx.deps.queues.put(makeTenantQueue(T, 'support'));
  await ctx.deps.agents.put(makeAgentRecord(T, 'anna', ['support']));
  await ctx.deps.agents.put(makeAgentRecord(T, 'boris', ['support']));
  token.anna = await ctx.issuer.issue(principal(T, 'anna', 'agent'));
  token.supervisor = await ctx.issuer.issue(principal(T, 'oleg', 'supervisor'));
  token.otherTenant = await ctx.issuer.issue(principal('tenant-b', 'vera', 'supervisor'));
  // A chat connected to Анна, and a call connected to Борис.
  const connect = async (channel: 'telegram' | 'voice', agentId: string) => {
    const { contactId } = await ctx.services.routing.commands.createContact(T, { queueId: 'support', channel, conversationId: channel === 'telegram' ? 'conv-1' : undefined, priority: 0, requiredSkills: [] });
    await ctx.services.routing.engine.routeContact(T, contactId);
    const offered = (await ctx.deps.routing.readContact(T, contactId))!;
    await ctx.services.routing.commands.acceptOffer(principal(T, offered.agentId!, 'agent'), contactId);
    expect(offered.agentId).toBe(agentId);
    return contactId;
  };
  chatId = await connect('telegram', 'anna');
  callId = await connect('voice', 'boris');
});
afterAll(() => ctx?.table.drop());

describe('chat supervision routes', () => {
  it.each(ROUTES)('refuse an agent %s (403), even on the chat they hold', async (route) => {
    // Act
    const res = await post(`${chatId}/${route}`, token.anna!, { text: 'hi' });
    // Assert
    expect(res.status).toBe(403);
  });

  it.each(ROUTES)('answer another tenant’s supervisor %s with 404 and change nothing', async (route) => {
    // Arrange
    const before = await ctx.deps.routing.readContact(T, chatId);
    // Act
    const res = await post(`${chatId}/${route}`, token.otherTenant!, { text: 'hi' });
    // Assert
    expect(res.status).toBe(404);
    expect(await ctx.deps.routing.readContact(T, chatId)).toEqual(before);
  });

  it.each([
    ['malformed JSON', '{"text": ', /Malformed JSON/],
    ['no text', {}, /text/],
    ['text that is not a string', { text: 42 }, /text/],
    ['an overlong client message id', { text: 'hi', clientMessageId: 'x'.repeat(200) }, /clientMessageId/],
  ])('refuse a whisper with %s (400, naming what is wrong)', async (_name, body, reason) => {
    // Act
    const res = await post(`${chatId}/whisper`, token.supervisor!, body);
    // Assert
    expect(res.status).toBe(400);
    expect((await json(res)).detail).toMatch(reason);
  });

  it('refuse to barge into, whisper in or take over a call: its audio has its own supervision (409 with the reason)', async () => {
    // Act
    const answers = await Promise.all([post(`${callId}/barge`, token.supervisor!), post(`${callId}/whisper`, token.supervisor!, { text: 'hi' }), post(`${callId}/take-over`, token.supervisor!)]);
    // Assert
    expect(answers.map((res) => res.status)).toEqual([409, 409, 409]);
    for (const res of answers) expect((await json(res)).detail).toContain('not a chat');
    expect(await ctx.deps.routing.readContact(T, callId)).toMatchObject({ status: 'connected', agentId: 'boris' });
  });
});
