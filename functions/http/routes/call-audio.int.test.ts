import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import type { LocalMeetingRooms } from '../../local/voice/local-meetings.ts';
import { createApp } from '../app.ts';
import { json } from '../../../test/json.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from '../../routing/testing.ts';

// POST /api/contacts/:contactId/audio: who may join a call's audio, with which role, and what the ticket admits.
let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
const token = {} as Record<'anna' | 'boris' | 'supervisor' | 'otherTenant', string>;
const principal = (userId: string, roles: Role[], tenantId = 'tenant-a'): Principal => ({ tenantId, userId, roles, name: userId, login: `${userId}@${tenantId}` });
let call: string;
let waiting: string;
let chat: string;

beforeAll(async () => {
  ctx = await createRoutingTestDeps();
  app = createApp(ctx.deps, ctx.services);
  await ctx.deps.queues.put(makeTenantQueue('tenant-a', 'support'));
  await ctx.deps.agents.put(makeAgentRecord('tenant-a', 'anna', ['support'], { capacity: { voice: 1, chat: 1 } }));
  token.anna = await ctx.issuer.issue(principal('anna', ['agent']));
  token.boris = await ctx.issuer.issue(principal('boris', ['agent']));
  token.supervisor = await ctx.issuer.issue(principal('sup', ['agent', 'supervisor']));
  token.otherTenant = await ctx.issuer.issue(principal('sup', ['supervisor'], 'tenant-b'));
  const { commands, engine } = ctx.services.routing;
  // Анна answers one call; a second caller and a chat wait (the stream is not running, so routing is called directly).
  call = (await commands.createContact('tenant-a', { queueId: 'support', channel: 'voice', priority: 0, requiredSkills: [] })).contactId;
  expect(await engine.routeContact('tenant-a', call)).toBe('offered');
  await commands.acceptOffer(principal('anna', ['agent']), call);
  waiting = (await commands.createContact('tenant-a', { queueId: 'support', channel: 'voice', priority: 0, requiredSkills: [] })).contactId;
  chat = (await commands.createContact('tenant-a', { queueId: 'support', channel: 'telegram', conversationId: 'telegram:bot:1', priority: 0, requiredSkills: [] })).contactId;
});
afterAll(() => ctx.table.drop());

const ask = (as: string, contactId: string, body: unknown = {}) =>
  app.request(`/api/contacts/${contactId}/audio`, { method: 'POST', body: JSON.stringify(body), headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' } });
const rooms = () => ctx.deps.meetings as LocalMeetingRooms;

describe('POST /api/contacts/:contactId/audio', () => {
  it('gives the connected agent a ticket the local signalling admits, to the contact’s meeting', async () => {
    // Act
    const res = await ask(token.anna, call);
    // Assert
    expect(res.status).toBe(201);
    const ticket = (await json(res)) as AudioTicket;
    expect(ticket).toMatchObject({ contactId: call, role: 'agent', provider: 'local', signallingPath: '/local/rtc' });
    expect(rooms().admit(ticket.meetingId, ticket.joinToken)).toMatchObject({ userId: 'anna', role: 'agent' });
    expect((await ctx.deps.meetings.open('tenant-a', call)).meetingId).toBe(ticket.meetingId);
  });

  it('answers the same attendee to a repeated request (a reload rejoins, it does not add a seat)', async () => {
    const first = (await json(await ask(token.anna, call))) as AudioTicket;
    const second = (await json(await ask(token.anna, call))) as AudioTicket;
    expect(second.attendeeId).toBe(first.attendeeId);
  });

  it('lets a supervisor listen, whisper or barge, each with its own seat', async () => {
    const seats = await Promise.all((['listen', 'whisper', 'barge'] as const).map(async (role) => ({ role, res: await ask(token.supervisor, call, { role }) })));
    for (const { role, res } of seats) {
      expect(res.status).toBe(201);
      const ticket = (await json(res)) as AudioTicket;
      expect(rooms().admit(ticket.meetingId, ticket.joinToken)).toMatchObject({ userId: 'sup', role });
    }
  });

  it('refuses another agent and an agent asking to supervise', async () => {
    expect((await ask(token.boris, call)).status).toBe(403);
    expect((await ask(token.anna, call, { role: 'listen' })).status).toBe(403);
  });

  it('refuses a call not connected yet, a chat and an unknown role with reasons', async () => {
    const notConnected = await ask(token.supervisor, waiting, { role: 'listen' });
    expect(notConnected.status).toBe(409);
    expect(await json(notConnected)).toMatchObject({ detail: expect.stringContaining('queued') });
    expect((await ask(token.supervisor, chat, { role: 'listen' })).status).toBe(409);
    const badRole = await ask(token.supervisor, call, { role: 'caller' });
    expect(badRole.status).toBe(400);
    expect((await ask(token.anna, call, { role: 'agent', extra: 1 })).status).toBe(400);
  });

  it('hides another tenant’s call and refuses without a token', async () => {
    expect((await ask(token.otherTenant, call, { role: 'listen' })).status).toBe(404);
    expect((await app.request(`/api/contacts/${call}/audio`, { method: 'POST', body: '{}' })).status).toBe(401);
  });
});
