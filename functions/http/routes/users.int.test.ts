import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import type { Principal, Role } from '@cc/shared/auth/model';
import { createApp } from '../app.ts';
import { renderError } from '../problem.ts';
import { localRoutes } from '../../local/local-routes.ts';
import { createTestDeps } from '../../../test/deps.ts';
import { json, type Json } from '../../../test/json.ts';

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let app: Hono;
const token: Record<string, string> = {};
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}.test` });
const queue = (tenantId: string, queueId: string) => ({ tenantId, queueId, name: queueId, priority: 1, serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, timeZone: 'Europe/Moscow', offerTimeoutSeconds: 20, afterContactWorkSeconds: 0, requiredSkills: { byChannel: {}, byMenuChoice: {} }, ageingPerMinute: 1 });

async function call(method: string, path: string, init: { token?: string; body?: unknown } = {}) {
  return app.request(path, {
    method,
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    headers: { ...(init.token && { authorization: `Bearer ${init.token}` }), 'content-type': 'application/json' },
  });
}
const agentBody = (login: string, agent: Record<string, unknown> = {}) => ({ login, name: 'Светлана Орлова', roles: ['agent'], agent: { skills: [{ skill: 'support', level: 6 }], queueIds: ['support'], capacity: { voice: 0, chat: 2 }, ...agent } });
async function create(body: unknown, as = token.adminA): Promise<Json> {
  const res = await call('POST', '/api/users', { token: as, body });
  expect(res.status).toBe(201);
  return json(res);
}
/** Signs in through the local login and answers the challenge, as the console does. */
async function firstLogin(login: string, temporaryPassword: string, newPassword = 'Новый-пароль-2026'): Promise<string> {
  const challenge = await json(await call('POST', '/api/auth/login', { body: { login, password: temporaryPassword } }));
  const done = await json(await call('POST', '/api/auth/new-password', { body: { session: challenge.session, newPassword } }));
  return done.token as string;
}

beforeAll(async () => {
  ctx = await createTestDeps();
  app = new Hono().route('/', localRoutes({ directory: ctx.deps.directory, issuer: ctx.issuer, handlers: new Map(), rateLimiter: ctx.deps.rateLimiter, clock: ctx.deps.clock })).route('/', createApp(ctx.deps, ctx.services)).onError(renderError);
  for (const tenantId of ['tenant-a', 'tenant-b']) for (const id of ['support', 'sales']) await ctx.deps.queues.put(queue(tenantId, id));
  token.agentA = await ctx.issuer.issue(principal('tenant-a', 'agent-a', 'agent'));
  token.supervisorA = await ctx.issuer.issue(principal('tenant-a', 'sup-a', 'supervisor'));
  token.adminA = await ctx.issuer.issue(principal('tenant-a', 'admin-a', 'admin'));
  token.adminB = await ctx.issuer.issue(principal('tenant-b', 'admin-b', 'admin'));
});
afterAll(async () => {
  await ctx.table.drop();
});

describe('who may administer users', () => {
  it.each(['agentA', 'supervisorA'])('answers %s 403 on every users route, and nothing is created', async (who) => {
    // Act
    const answers = await Promise.all([
      call('GET', '/api/users', { token: token[who] }),
      call('POST', '/api/users', { token: token[who], body: agentBody(`${who}-made@a.test`) }),
      call('PATCH', '/api/users/anyone', { token: token[who], body: { name: 'X' } }),
      call('POST', '/api/users/anyone/disable', { token: token[who] }),
    ]);
    // Assert
    expect(answers.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    expect(await ctx.deps.directory.findUserByLogin(`${who}-made@a.test`)).toBeUndefined();
  });

  it('answers 401 without a token', async () => {
    expect((await call('GET', '/api/users')).status).toBe(401);
  });
});

describe('POST /api/users', () => {
  it('creates an agent from the shorthand body: 201 with a one-time password, the user invited, the agent offline on its queue', async () => {
    // Act
    const created = await create({ login: 'Sveta@A.test', name: 'Светлана Орлова', roles: ['agent'], agent: { skills: [], queueIds: ['support'], capacity: { voice: 0, chat: 2 } } });
    // Assert
    expect(created).toMatchObject({ tenantId: 'tenant-a', login: 'sveta@a.test', roles: ['agent'], status: 'invited', agent: { queueIds: ['support'], profile: [{ queueId: 'support', priority: 0, delaySeconds: 0 }], capacity: { voice: 0, chat: 2 }, status: 'offline' } });
    expect(created.temporaryPassword).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    const stored = await ctx.deps.directory.getUser('tenant-a', created.userId);
    expect(stored?.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(stored)).not.toContain(created.temporaryPassword);
    const listed = await json(await call('GET', '/api/users', { token: token.adminA }));
    expect(listed.users.find((u: Json) => u.userId === created.userId)).toMatchObject({ status: 'invited', agent: { status: 'offline' } });
    expect(JSON.stringify(listed)).not.toMatch(/passwordHash|temporaryPassword/);
    expect(await ctx.deps.agents.get('tenant-a', created.userId)).toMatchObject({ name: 'Светлана Орлова', status: 'offline', queueIds: ['support'], skills: [] });
  });

  it('takes full routing entries with priority and delay, and skills with levels', async () => {
    // Act
    const created = await create(agentBody('profile@a.test', { queueIds: ['support'], profile: [{ queueId: 'sales', priority: 5, delaySeconds: 30 }], skills: [{ skill: 'sales', level: 8 }] }));
    // Assert
    expect(created.agent.profile).toEqual([{ queueId: 'sales', priority: 5, delaySeconds: 30 }, { queueId: 'support', priority: 0, delaySeconds: 0 }]);
    expect(created.agent.skills).toEqual([{ skill: 'sales', level: 8 }]);
  });

  it('creates a supervisor without agent settings', async () => {
    const created = await create({ login: 'lead@a.test', name: 'Лидия', roles: ['supervisor'] });
    expect(created.agent).toBeUndefined();
    expect(await ctx.deps.agents.get('tenant-a', created.userId)).toBeUndefined();
  });

  it.each([
    ['a login that is not an e-mail', { ...agentBody('x'), login: 'not-an-email' }, 'login'],
    ['an agent without agent settings', { login: 'noset@a.test', name: 'N', roles: ['agent'] }, 'agent'],
    ['a role that does not exist', { ...agentBody('role@a.test'), roles: ['owner'] }, 'roles.0'],
    ['a queue the tenant does not have', agentBody('queue@a.test', { queueIds: ['nowhere'] }), 'agent.queueIds.0'],
    ['a skill listed twice', agentBody('skill@a.test', { skills: [{ skill: 'a', level: 1 }, { skill: 'a', level: 2 }] }), 'agent.skills.1.skill'],
    ['a skill level above 10', agentBody('level@a.test', { skills: [{ skill: 'a', level: 11 }] }), 'agent.skills.0.level'],
    ['no capacity at all', agentBody('cap@a.test', { capacity: { voice: 0, chat: 0 } }), 'agent.capacity'],
    ['an unknown field', { ...agentBody('extra@a.test'), password: 'x' }, ''],
  ])('answers 400 naming the field for %s', async (_case, body, path) => {
    // Act
    const res = await call('POST', '/api/users', { token: token.adminA, body });
    // Assert
    expect(res.status).toBe(400);
    const problem = await json(res);
    expect(problem.errors.map((e: Json) => e.path)).toContain(path);
    expect(problem.errors.every((e: Json) => typeof e.message === 'string' && e.message.length > 0)).toBe(true);
  });

  it('answers 409 with a reason for a login any tenant already has, a seeded user included, and changes nothing', async () => {
    // Arrange
    await create(agentBody('taken@a.test'));
    await ctx.deps.directory.putUser({ tenantId: 'tenant-b', userId: 'seeded', login: 'seeded@b.test', name: 'Seeded', roles: ['agent'] });
    // Act
    const answers = await Promise.all([
      call('POST', '/api/users', { token: token.adminA, body: agentBody('TAKEN@a.test') }),
      call('POST', '/api/users', { token: token.adminB, body: agentBody('taken@a.test') }),
      call('POST', '/api/users', { token: token.adminA, body: agentBody('seeded@b.test') }),
    ]);
    // Assert
    for (const res of answers) {
      expect(res.status).toBe(409);
      expect(await json(res)).toMatchObject({ reason: 'login_taken', detail: expect.stringContaining('already taken') });
    }
    expect((await ctx.deps.directory.listUsers('tenant-b')).map((u) => u.login)).toEqual(['seeded@b.test']);
  });
});

describe('tenant isolation', () => {
  it("answers another tenant's admin 404 for a user of this tenant and lists none of them", async () => {
    // Arrange
    const created = await create(agentBody('isolated@a.test'));
    // Act
    const answers = await Promise.all([
      call('GET', `/api/users/${created.userId}`, { token: token.adminB }),
      call('PATCH', `/api/users/${created.userId}`, { token: token.adminB, body: { name: 'Hijacked' } }),
      call('POST', `/api/users/${created.userId}/disable`, { token: token.adminB }),
    ]);
    const listB = await json(await call('GET', '/api/users', { token: token.adminB }));
    // Assert
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404]);
    expect(listB.users.map((u: Json) => u.tenantId)).not.toContain('tenant-a');
    expect(await ctx.deps.directory.getUser('tenant-a', created.userId)).toMatchObject({ name: 'Светлана Орлова', status: 'invited' });
  });
});

describe('PATCH /api/users/:userId', () => {
  it('changes name, roles and routing; tokens from before a role change stop working', async () => {
    // Arrange
    const created = await create(agentBody('patch@a.test'));
    const oldToken = await firstLogin('patch@a.test', created.temporaryPassword);
    expect((await call('GET', '/api/me', { token: oldToken })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // `iat` has whole seconds
    // Act
    const res = await call('PATCH', `/api/users/${created.userId}`, { token: token.adminA, body: { name: 'Светлана Петрова', roles: ['agent', 'supervisor'], agent: { skills: [{ skill: 'vip', level: 9 }], profile: [{ queueId: 'sales', priority: 3 }], capacity: { voice: 1, chat: 3 } } } });
    // Assert
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ name: 'Светлана Петрова', roles: ['agent', 'supervisor'], agent: { skills: [{ skill: 'vip', level: 9 }], queueIds: ['sales'], capacity: { voice: 1, chat: 3 } } });
    expect(await ctx.deps.agents.get('tenant-a', created.userId)).toMatchObject({ name: 'Светлана Петрова', profile: [{ queueId: 'sales', priority: 3, delaySeconds: 0 }] });
    expect((await call('GET', '/api/me', { token: oldToken })).status).toBe(401);
    const fresh = await json(await call('POST', '/api/auth/login', { body: { login: 'patch@a.test', password: 'Новый-пароль-2026' } }));
    expect((await call('GET', '/api/me', { token: fresh.token })).status).toBe(200);
  });

  it('answers 400 for an empty patch and 404 for an unknown user', async () => {
    expect((await call('PATCH', '/api/users/nobody', { token: token.adminA, body: { name: 'X' } })).status).toBe(404);
    const empty = await call('PATCH', '/api/users/nobody', { token: token.adminA, body: {} });
    expect(empty.status).toBe(400);
  });
});

describe('POST /api/users/:userId/disable', () => {
  it('ends the sessions, closes the consoles, takes the agent off routing and refuses the next sign-in with a reason', async () => {
    // Arrange
    const created = await create(agentBody('leaver@a.test'));
    const agentToken = await firstLogin('leaver@a.test', created.temporaryPassword);
    expect((await call('PUT', '/api/agents/me/status', { token: agentToken, body: { status: 'available' } })).status).toBe(200);
    await ctx.deps.connections.put({ tenantId: 'tenant-a', connectionId: 'leaver-console', userId: created.userId, roles: ['agent'], connectedAt: new Date().toISOString() });
    // Act
    const res = await call('POST', `/api/users/${created.userId}/disable`, { token: token.adminA });
    // Assert
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: 'disabled', agent: { status: 'offline' } });
    expect((await call('GET', '/api/me', { token: agentToken })).status).toBe(401);
    expect((await call('PUT', '/api/agents/me/status', { token: agentToken, body: { status: 'available' } })).status).toBe(401);
    expect((await ctx.deps.connections.listByTenant('tenant-a')).map((c) => c.connectionId)).not.toContain('leaver-console');
    expect((await ctx.deps.agents.get('tenant-a', created.userId))?.status).toBe('offline');
    const login = await call('POST', '/api/auth/login', { body: { login: 'leaver@a.test', password: 'Новый-пароль-2026' } });
    expect(login.status).toBe(403);
    expect(await json(login)).toMatchObject({ reason: 'user_disabled' });
    const listed = await json(await call('GET', '/api/users', { token: token.adminA }));
    expect(listed.users.find((u: Json) => u.userId === created.userId).status).toBe('disabled');
  });

  it('refuses to let an admin disable themselves', async () => {
    const res = await call('POST', '/api/users/admin-a/disable', { token: token.adminA });
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ reason: 'self_disable' });
  });
});

describe('the audit log of user changes', () => {
  it('records who created, changed and disabled a user, with before and after, and never the one-time password', async () => {
    // Arrange
    const created = await create(agentBody('audited@a.test'));
    // Act
    expect((await call('PATCH', `/api/users/${created.userId}`, { token: token.adminA, body: { name: 'Светлана Иванова' } })).status).toBe(200);
    expect((await call('POST', `/api/users/${created.userId}/disable`, { token: token.adminA })).status).toBe(200);
    expect((await call('POST', `/api/users/${created.userId}/disable`, { token: token.adminA })).status).toBe(200);
    const log = await json(await call('GET', '/api/audit?target=user', { token: token.adminA }));
    const otherTenant = await json(await call('GET', '/api/audit?target=user', { token: token.adminB }));
    // Assert: newest first; disabling twice is one change
    const mine = log.entries.filter((e: Json) => e.targetId === created.userId);
    expect(mine.map((e: Json) => e.action)).toEqual(['disabled', 'updated', 'created']);
    expect(mine.every((e: Json) => e.actor.userId === 'admin-a')).toBe(true);
    expect(mine[1]).toMatchObject({ changed: ['name'], before: { name: 'Светлана Орлова' }, after: { name: 'Светлана Иванова' } });
    expect(mine[0].changed).toContain('status');
    expect(JSON.stringify(mine)).not.toContain(created.temporaryPassword);
    expect(otherTenant.entries.some((e: Json) => e.targetId === created.userId)).toBe(false);
  });
});

describe('gaps found in review', () => {
  it.each(['agentA', 'supervisorA'])('answers %s 403 for reading one user too', async (who) => {
    // Arrange
    const created = await create(agentBody(`read-by-${who.toLowerCase()}@a.test`));
    // Act / Assert
    expect((await call('GET', `/api/users/${created.userId}`, { token: token[who] })).status).toBe(403);
  });

  it('refuses a queue only another tenant has, on creating and on changing an agent (400 naming it)', async () => {
    // Arrange
    await ctx.deps.queues.put(queue('tenant-b', 'b-only'));
    const created = await create(agentBody('cross@a.test'));
    // Act
    const made = await call('POST', '/api/users', { token: token.adminA, body: agentBody('cross-2@a.test', { queueIds: ['b-only'] }) });
    const changed = await call('PATCH', `/api/users/${created.userId}`, { token: token.adminA, body: { agent: { skills: [], profile: [{ queueId: 'b-only' }] } } });
    // Assert
    expect(made.status).toBe(400);
    expect((await json(made)).errors.map((e: Json) => e.path)).toEqual(['agent.queueIds.0']);
    expect(changed.status).toBe(400);
    expect((await json(changed)).errors.map((e: Json) => e.path)).toEqual(['agent.profile.0.queueId']);
    expect(await ctx.deps.directory.findUserByLogin('cross-2@a.test')).toBeUndefined();
    expect((await ctx.deps.agents.get('tenant-a', created.userId))?.queueIds).toEqual(['support']);
  });

  it.each([
    ['POST', '/api/users'],
    ['PATCH', '/api/users/anyone'],
  ])('answers %s %s with malformed JSON 400 with the parser’s reason', async (method, path) => {
    // Act
    const res = await app.request(path, { method, body: '{"name": ', headers: { authorization: `Bearer ${token.adminA}`, 'content-type': 'application/json' } });
    // Assert
    expect(res.status).toBe(400);
    expect((await json(res)).detail).toMatch(/^Malformed JSON body: /);
  });
});
