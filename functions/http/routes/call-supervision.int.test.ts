import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { Contact } from '@cc/shared/contacts/model';
import { createApp } from '../app.ts';
import { json } from '../../../test/json.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from '../../routing/testing.ts';

// Supervision recorded on the call's contact: POST …/audio for listen / whisper / barge, POST …/audio/leave, GET /api/wallboard/calls.
let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
const token = {} as Record<'anna' | 'irina' | 'oleg' | 'otherTenant', string>;
const principal = (userId: string, name: string, roles: Role[], tenantId = 'tenant-a'): Principal => ({ tenantId, userId, roles, name, login: `${userId}@${tenantId}` });
const anna = principal('anna', 'Анна', ['agent']);
let call: string;
let waiting: string;

beforeAll(async () => {
  ctx = await createRoutingTestDeps();
  app = createApp(ctx.deps, ctx.services);
  await ctx.deps.queues.put(makeTenantQueue('tenant-a', 'support'));
  await ctx.deps.agents.put(makeAgentRecord('tenant-a', 'anna', ['support'], { capacity: { voice: 1, chat: 1 } }));
  token.anna = await ctx.issuer.issue(anna);
  token.irina = await ctx.issuer.issue(principal('irina', 'Ирина', ['agent', 'supervisor']));
  token.oleg = await ctx.issuer.issue(principal('oleg', 'Олег', ['supervisor']));
  token.otherTenant = await ctx.issuer.issue(principal('irina', 'Ирина', ['supervisor'], 'tenant-b'));
  const { commands, engine } = ctx.services.routing;
  call = (await commands.createContact('tenant-a', { queueId: 'support', channel: 'voice', priority: 0, requiredSkills: [] })).contactId;
  expect(await engine.routeContact('tenant-a', call)).toBe('offered');
  await commands.acceptOffer(anna, call);
  waiting = (await commands.createContact('tenant-a', { queueId: 'support', channel: 'voice', priority: 0, requiredSkills: [] })).contactId;
});
afterAll(() => ctx.table.drop());

const post = (as: string, path: string, body: unknown = {}) => app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' } });
const ask = (as: string, contactId: string, role: string) => post(as, `/api/contacts/${contactId}/audio`, { role });
const leave = (as: string, contactId: string) => post(as, `/api/contacts/${contactId}/audio/leave`);
const stored = async (contactId = call) => (await ctx.deps.routing.readContact('tenant-a', contactId))!;

describe('call supervision on the contact', () => {
  it('records who listens, in which role and since when; the agent’s own ticket records nothing', async () => {
    // Arrange
    expect((await ask(token.anna, call, 'agent')).status).toBe(201);
    expect((await stored()).supervision).toBeUndefined();
    // Act
    const res = await ask(token.irina, call, 'listen');
    // Assert
    expect(res.status).toBe(201);
    expect((await stored()).supervision).toEqual([{ userId: 'irina', name: 'Ирина', role: 'listen', since: ctx.clock.now().toISOString() }]);
  });

  it('closes the listen when the supervisor switches to barge, and a repeated request writes nothing', async () => {
    // Arrange
    ctx.clock.advance(30);
    // Act
    expect((await ask(token.irina, call, 'barge')).status).toBe(201);
    const { version } = await stored();
    expect((await ask(token.irina, call, 'barge')).status).toBe(201);
    // Assert
    const after = await stored();
    expect(after.version).toBe(version);
    expect(after.supervision).toEqual([
      { userId: 'irina', name: 'Ирина', role: 'listen', since: expect.any(String), until: ctx.clock.now().toISOString() },
      { userId: 'irina', name: 'Ирина', role: 'barge', since: ctx.clock.now().toISOString() },
    ]);
  });

  it('keeps both entries when two supervisors step in at the same moment (conditional writes, retried)', async () => {
    // Act
    const [whisper, again] = await Promise.all([ask(token.oleg, call, 'whisper'), ask(token.irina, call, 'listen')]);
    // Assert
    expect([whisper.status, again.status]).toEqual([201, 201]);
    const open = (await stored()).supervision!.filter((e) => e.until === undefined);
    expect(open.map((e) => [e.userId, e.role]).sort()).toEqual([['irina', 'listen'], ['oleg', 'whisper']]);
  });

  it('ends the supervisor’s entry on leave, and a second leave is harmless', async () => {
    // Arrange
    ctx.clock.advance(10);
    // Act
    const res = await leave(token.oleg, call);
    // Assert
    expect(res.status).toBe(204);
    const oleg = (await stored()).supervision!.filter((e) => e.userId === 'oleg');
    expect(oleg).toEqual([{ userId: 'oleg', name: 'Олег', role: 'whisper', since: expect.any(String), until: ctx.clock.now().toISOString() }]);
    const { version } = await stored();
    expect((await leave(token.oleg, call)).status).toBe(204);
    expect((await stored()).version).toBe(version);
  });

  it('lists the connected call for supervisors, with its supervision, and not for agents', async () => {
    // Act
    const res = await app.request('/api/wallboard/calls', { headers: { authorization: `Bearer ${token.oleg}` } });
    // Assert
    expect(res.status).toBe(200);
    const { calls } = (await json(res)) as { calls: Contact[] };
    expect(calls.map((c) => [c.contactId, c.agentId])).toEqual([[call, 'anna']]);
    expect(calls[0]!.supervision?.some((e) => e.userId === 'irina' && e.until === undefined)).toBe(true);
    expect((await app.request('/api/wallboard/calls', { headers: { authorization: `Bearer ${token.anna}` } })).status).toBe(403);
  });

  it('answers 409 for a call that is not connected and records nothing', async () => {
    // Act
    const res = await ask(token.irina, waiting, 'whisper');
    // Assert
    expect(res.status).toBe(409);
    expect((await stored(waiting)).supervision).toBeUndefined();
  });

  it('hides another tenant’s call from both routes', async () => {
    expect((await ask(token.otherTenant, call, 'listen')).status).toBe(404);
    expect((await leave(token.otherTenant, call)).status).toBe(404);
  });

  it('refuses supervision once the call has ended, while leaving still closes the entry', async () => {
    // Arrange
    await ctx.services.routing.commands.endContact(anna, call);
    // Act
    const res = await ask(token.oleg, call, 'listen');
    // Assert
    expect(res.status).toBe(409);
    expect((await leave(token.irina, call)).status).toBe(204);
    expect((await stored()).supervision!.every((e) => e.until !== undefined)).toBe(true);
  });
});
