import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import { createApp } from '../app.ts';
import { json } from '../../../test/json.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from '../../routing/testing.ts';

// The agent console's two reads besides the contact routes: the contacts an agent holds (after a reload)
// and the colleagues they may transfer to.
let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
const token = {} as Record<'anna' | 'boris' | 'supervisor', string>;
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });

beforeAll(async () => {
  ctx = await createRoutingTestDeps();
  app = createApp(ctx.deps, ctx.services);
  await ctx.deps.queues.put(makeTenantQueue('tenant-a', 'support', { afterContactWorkSeconds: 30 }));
  await ctx.deps.agents.put(makeAgentRecord('tenant-a', 'anna', ['support'], { name: 'Анна Петрова', skills: [{ skill: 'support', level: 7 }] }));
  await ctx.deps.agents.put(makeAgentRecord('tenant-a', 'boris', ['support'], { name: 'Борис', status: 'break', breakReason: 'lunch' }));
  await ctx.deps.agents.put(makeAgentRecord('tenant-b', 'carl', ['support']));
  token.anna = await ctx.issuer.issue(principal('tenant-a', 'anna', 'agent'));
  token.boris = await ctx.issuer.issue(principal('tenant-a', 'boris', 'agent'));
  token.supervisor = await ctx.issuer.issue(principal('tenant-a', 'sup', 'supervisor'));
});
afterAll(() => ctx.table.drop());

const call = (path: string, init: { method?: string; token?: string } = {}) =>
  app.request(path, { method: init.method ?? 'GET', headers: { ...(init.token && { authorization: `Bearer ${init.token}` }), 'content-type': 'application/json' } });
const heldIds = async (path: string, as: string) => ((await json(await call(path, { token: as }))).contacts as { contactId: string; status: string }[]).map((c) => `${c.contactId}:${c.status}`);

describe('GET /api/contacts?assigned=me', () => {
  it('lists what the agent holds through offer, conversation and wrap-up, and drops it once closed', async () => {
    // Arrange: a contact offered to Анна (the stream is not running here, so routing is called directly)
    const contact = await ctx.services.routing.commands.createContact('tenant-a', { queueId: 'support', channel: 'telegram', priority: 0, requiredSkills: [] });
    expect(await ctx.services.routing.engine.routeContact('tenant-a', contact.contactId)).toBe('offered');
    const id = contact.contactId;

    // Act
    const offered = await heldIds('/api/contacts?assigned=me', token.anna);
    const forBoris = await heldIds('/api/contacts?assigned=me', token.boris);
    await call(`/api/contacts/${id}/accept`, { method: 'POST', token: token.anna });
    const connected = await heldIds('/api/contacts?assigned=me', token.anna);
    await call(`/api/contacts/${id}/end`, { method: 'POST', token: token.anna });
    const wrapping = await heldIds('/api/contacts?assigned=anna', token.supervisor);
    await call(`/api/contacts/${id}/complete`, { method: 'POST', token: token.anna });
    const closed = await heldIds('/api/contacts?assigned=me', token.anna);

    // Assert
    expect(offered).toEqual([`${id}:offered`]);
    expect(forBoris).toEqual([]);
    expect(connected).toEqual([`${id}:connected`]);
    expect(wrapping).toEqual([`${id}:after-contact-work`]);
    expect(closed).toEqual([]);
  });

  it('lets only supervisors list another agent’s contacts, and needs the query', async () => {
    // Act
    const byAgent = await call('/api/contacts?assigned=anna', { token: token.boris });
    const noQuery = await call('/api/contacts', { token: token.anna });
    const anonymous = await call('/api/contacts?assigned=me');
    // Assert
    expect(byAgent.status).toBe(403);
    expect(noQuery.status).toBe(400);
    expect(anonymous.status).toBe(401);
  });
});

describe('GET /api/agents/directory', () => {
  it('gives any agent the names and presence of their own tenant’s agents, without skills or load', async () => {
    // Act
    const res = await call('/api/agents/directory', { token: token.boris });
    const { agents } = await json(res);
    // Assert
    expect(res.status).toBe(200);
    expect(agents).toHaveLength(2);
    expect(agents).toContainEqual({ agentId: 'anna', name: 'Анна Петрова', status: 'available', queueIds: ['support'] });
    expect(agents).toContainEqual({ agentId: 'boris', name: 'Борис', status: 'break', breakReason: 'lunch', queueIds: ['support'] });
  });
});
