import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { Contact } from '@cc/shared/contacts/model';
import { createApp } from '../app.ts';
import { json } from '../../../test/json.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from '../../routing/testing.ts';

// POST /api/contacts/:contactId/hold: the connected agent holds and resumes a call; the contact keeps the periods.
let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
const token = {} as Record<'anna' | 'boris' | 'otherTenant', string>;
const principal = (userId: string, roles: Role[], tenantId = 'tenant-a'): Principal => ({ tenantId, userId, roles, name: userId, login: `${userId}@${tenantId}` });
let call: string;
let waiting: string;

beforeAll(async () => {
  ctx = await createRoutingTestDeps();
  app = createApp(ctx.deps, ctx.services);
  await ctx.deps.queues.put(makeTenantQueue('tenant-a', 'support', { afterContactWorkSeconds: 30 }));
  await ctx.deps.agents.put(makeAgentRecord('tenant-a', 'anna', ['support'], { capacity: { voice: 1, chat: 1 } }));
  token.anna = await ctx.issuer.issue(principal('anna', ['agent']));
  token.boris = await ctx.issuer.issue(principal('boris', ['agent', 'supervisor']));
  token.otherTenant = await ctx.issuer.issue(principal('anna', ['agent'], 'tenant-b'));
  const { commands, engine } = ctx.services.routing;
  call = (await commands.createContact('tenant-a', { queueId: 'support', channel: 'voice', priority: 0, requiredSkills: [] })).contactId;
  expect(await engine.routeContact('tenant-a', call)).toBe('offered');
  await commands.acceptOffer(principal('anna', ['agent']), call);
  waiting = (await commands.createContact('tenant-a', { queueId: 'support', channel: 'voice', priority: 0, requiredSkills: [] })).contactId;
});
afterAll(() => ctx.table.drop());

const hold = (as: string, contactId: string, body: unknown) =>
  app.request(`/api/contacts/${contactId}/hold`, { method: 'POST', body: JSON.stringify(body), headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' } });
const stored = async (contactId: string) => (await ctx.deps.routing.readContact('tenant-a', contactId))!;

describe('POST /api/contacts/:contactId/hold', () => {
  it('puts the call on hold and resumes it, adding the period to the hold time', async () => {
    // Act
    const held = await hold(token.anna, call, { onHold: true });
    ctx.clock.advance(42);
    const resumed = await hold(token.anna, call, { onHold: false });
    // Assert
    expect(held.status).toBe(200);
    expect(((await json(held)) as Contact).hold).toEqual({ since: '2026-11-25T09:00:00.000Z', totalSeconds: 0, count: 1 });
    expect(resumed.status).toBe(200);
    expect((await stored(call)).hold).toEqual({ totalSeconds: 42, count: 1 });
  });

  it('changes nothing on a repeated request (no new version, no second period)', async () => {
    // Arrange
    await hold(token.anna, call, { onHold: true });
    const before = await stored(call);
    ctx.clock.advance(5);
    // Act
    const again = await hold(token.anna, call, { onHold: true });
    // Assert
    expect(again.status).toBe(200);
    expect(await stored(call)).toEqual(before);
    expect(before.hold).toMatchObject({ count: 2, since: expect.any(String) });
  });

  it('refuses anyone but the connected agent, a call not connected and a bad body', async () => {
    expect((await hold(token.boris, call, { onHold: false })).status).toBe(403);
    expect((await hold(token.otherTenant, call, { onHold: false })).status).toBe(404);
    expect((await hold(token.anna, call, { onHold: 'yes' })).status).toBe(400);
    const notConnected = await hold(token.anna, waiting, { onHold: true });
    expect(notConnected.status).toBe(403);
    expect((await app.request(`/api/contacts/${call}/hold`, { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it('closes the open period when the call ends on hold, refuses a hold after that, and counts the hold time on close', async () => {
    // Arrange: on hold since the previous test, for 5 s so far
    ctx.clock.advance(10);
    // Act
    await ctx.services.routing.commands.endContact(principal('anna', ['agent']), call);
    // Assert
    expect((await stored(call)).hold).toEqual({ totalSeconds: 57, count: 2 });
    const late = await hold(token.anna, call, { onHold: true });
    expect(late.status).toBe(409);
    await ctx.services.routing.commands.completeWrapUp(principal('anna', ['agent']), call);
    const day = await ctx.deps.routing.readDayCounters('tenant-a', 'support', '2026-11-25');
    expect(day).toMatchObject({ closed: 1, holdSeconds: 57, holds: 2 });
  });
});
