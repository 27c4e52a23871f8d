import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair } from 'jose';
import type { Principal, Role } from '@cc/shared/auth/model';
import { channelSecretContext } from '@cc/shared/tenancy/ports';
import { createApp } from './app.ts';
import { createTestDeps } from '../../test/deps.ts';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../auth/local-issuer.ts';
import { json } from '../../test/json.ts';

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let app: ReturnType<typeof createApp>;
const token: Record<string, string> = {};

const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });

beforeAll(async () => {
  ctx = await createTestDeps();
  app = createApp(ctx.deps, ctx.services);
  for (const tenantId of ['tenant-a', 'tenant-b']) {
    await ctx.deps.agents.put({ tenantId, agentId: `${tenantId}-agent`, name: 'Агент', status: 'offline', statusSince: '2026-11-25T08:00:00.000Z', skills: [], queueIds: ['sales'], version: 1 });
    await ctx.deps.queues.put({ tenantId, queueId: `${tenantId}-sales`, name: 'Продажи', priority: 1, serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, timeZone: 'Europe/Moscow', offerTimeoutSeconds: 20, afterContactWorkSeconds: 0, requiredSkills: { byChannel: {}, byMenuChoice: {} }, ageingPerMinute: 1 });
    await ctx.deps.directory.putChannel({ tenantId, channelId: `${tenantId}-tg`, kind: 'telegram', name: 'Bot', settings: {}, encryptedSecrets: await ctx.deps.cipher.encrypt('{"secretToken":"s"}', channelSecretContext(tenantId, `${tenantId}-tg`)), createdAt: '2026-11-25T08:00:00.000Z' });
  }
  token.agentA = await ctx.issuer.issue(principal('tenant-a', 'tenant-a-agent', 'agent'));
  token.supervisorA = await ctx.issuer.issue(principal('tenant-a', 'sup-a', 'supervisor'));
  token.adminA = await ctx.issuer.issue(principal('tenant-a', 'admin-a', 'admin'));
  token.supervisorB = await ctx.issuer.issue(principal('tenant-b', 'sup-b', 'supervisor'));
});
afterAll(() => ctx.table.drop());

const call = (path: string, init: { method?: string; token?: string; body?: string } = {}) =>
  app.request(path, { method: init.method ?? 'GET', body: init.body, headers: { ...(init.token && { authorization: `Bearer ${init.token}` }), 'content-type': 'application/json' } });

describe('authentication', () => {
  it('answers 401 without a token', async () => {
    // Act
    const res = await call('/api/me');
    // Assert
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 401 for a tampered token', async () => {
    // Arrange: flip the payload's tenant while keeping the signature
    const [header, payload, signature] = token.agentA!.split('.');
    const forged = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    forged['custom:tenantId'] = 'tenant-b';
    // Act
    const res = await call('/api/me', { token: [header, Buffer.from(JSON.stringify(forged)).toString('base64url'), signature].join('.') });
    // Assert
    expect(res.status).toBe(401);
  });

  it('answers 401 for an expired token', async () => {
    // Arrange
    const expired = await ctx.issuer.issue(principal('tenant-a', 'tenant-a-agent', 'agent'), -60);
    // Act
    const res = await call('/api/me', { token: expired });
    // Assert
    expect(res.status).toBe(401);
    expect((await json(res)).detail).toBe('Token expired');
  });

  it('answers 401 for a token signed by another key with the right claims', async () => {
    // Arrange
    const { privateKey } = await generateKeyPair('ES256');
    const foreign = await new SignJWT({ 'cognito:groups': ['admin'], 'custom:tenantId': 'tenant-a', token_use: 'id' })
      .setProtectedHeader({ alg: 'ES256' }).setSubject('admin-a').setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE).setExpirationTime('1h').sign(privateKey);
    // Act
    const res = await call('/api/me', { token: foreign });
    // Assert
    expect(res.status).toBe(401);
  });

  it('lets a valid token through to the caller profile', async () => {
    // Act
    const res = await call('/api/me', { token: token.agentA });
    // Assert
    expect(res.status).toBe(200);
    expect((await json(res)).agent).toMatchObject({ agentId: 'tenant-a-agent', tenantId: 'tenant-a' });
  });
});

describe('roles', () => {
  it.each([
    ['GET', '/api/agents'],
    ['GET', '/api/channels'],
    ['GET', '/api/channels/tenant-a-tg'],
    ['GET', '/api/users'],
    ['GET', '/api/agents/someone-else'],
  ])('forbids an agent %s %s with 403', async (method, path) => {
    // Act
    const res = await call(path, { method, token: token.agentA });
    // Assert
    expect(res.status).toBe(403);
  });

  it('lets a supervisor list the agents of the own tenant only', async () => {
    // Act
    const res = await call('/api/agents', { token: token.supervisorA });
    // Assert
    expect(res.status).toBe(200);
    expect((await json(res)).agents.map((a: { agentId: string }) => a.agentId)).toEqual(['tenant-a-agent']);
  });

  it('never returns channel secrets', async () => {
    // Act
    const res = await call('/api/channels', { token: token.supervisorA });
    // Assert
    const body = await json(res);
    expect(body.channels).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain('encryptedSecrets');
  });
});

describe('tenancy', () => {
  // Every route that takes an id, asked by tenant B's supervisor for tenant A's record.
  it.each([
    ['GET', '/api/agents/tenant-a-agent', undefined],
    ['PUT', '/api/agents/tenant-a-agent/status', '{"status":"available","comment":"Смена началась"}'],
    ['GET', '/api/queues/tenant-a-sales', undefined],
    ['GET', '/api/channels/tenant-a-tg', undefined],
  ])('answers 404 to %s %s from another tenant', async (method, path, body) => {
    // Act
    const res = await call(path, { method, body, token: token.supervisorB });
    // Assert
    expect(res.status).toBe(404);
  });

  it('leaves the other tenant record unchanged', async () => {
    // Act
    await call('/api/agents/tenant-a-agent/status', { method: 'PUT', body: '{"status":"available","comment":"Смена началась"}', token: token.supervisorB });
    // Assert
    expect((await ctx.deps.agents.get('tenant-a', 'tenant-a-agent'))?.status).toBe('offline');
  });
});

describe('agent status', () => {
  it('saves the status the agent sets and bumps the version', async () => {
    // Act
    const res = await call('/api/agents/me/status', { method: 'PUT', body: '{"status":"break","reason":"lunch"}', token: token.agentA });
    // Assert
    expect(res.status).toBe(200);
    const saved = await ctx.deps.agents.get('tenant-a', 'tenant-a-agent');
    expect(saved).toMatchObject({ status: 'break', breakReason: 'lunch', version: 2 });
  });

  it('lets a supervisor put an agent of the own tenant offline', async () => {
    // Act
    const res = await call('/api/agents/tenant-a-agent/status', { method: 'PUT', body: '{"status":"offline","comment":"Конец смены"}', token: token.supervisorA });
    // Assert
    expect(res.status).toBe(200);
    expect((await json(res)).status).toBe('offline');
  });
});

describe('bad input', () => {
  it('answers malformed JSON with 400 and the reason', async () => {
    // Act
    const res = await call('/api/agents/me/status', { method: 'PUT', body: '{"status":', token: token.agentA });
    // Assert
    expect(res.status).toBe(400);
    expect((await json(res)).detail).toMatch(/^Malformed JSON body: /);
  });

  it('answers invalid fields with 400 listing each field', async () => {
    // Act
    const res = await call('/api/agents/me/status', { method: 'PUT', body: '{"status":"break","reason":"nap"}', token: token.agentA });
    // Assert
    expect(res.status).toBe(400);
    const problem = await json(res);
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
  });

  it('answers unknown routes with a 404 problem, authenticated or not', async () => {
    // Act
    const anonymous = await call('/api/nothing-here');
    const signedIn = await call('/api/nothing-here', { token: token.agentA });
    // Assert
    expect(anonymous.status).toBe(404);
    expect(signedIn.status).toBe(404);
    expect((await json(signedIn)).title).toBe('Not Found');
  });

  it('answers an internal failure with 500 and a correlation id, never a stack trace', async () => {
    // Arrange: an app whose repository fails
    const broken = createApp({ ...ctx.deps, agents: { ...ctx.deps.agents, list: () => Promise.reject(new Error('secret internals at line 42')) } }, ctx.services);
    // Act
    const res = await broken.request('/api/agents', { headers: { authorization: `Bearer ${token.supervisorA}` } });
    // Assert
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret internals');
    expect(JSON.parse(text).correlationId).toEqual(expect.any(String));
  });
});

describe('health', () => {
  it('reports ok when DynamoDB answers', async () => {
    // Act
    const res = await app.request('/health');
    // Assert
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ status: 'ok', dynamodb: 'ok' });
  });

  it('answers 503 naming the failing part', async () => {
    // Arrange
    const failing = createApp(ctx.deps, ctx.services, { healthChecks: { streamPoller: async () => false } });
    // Act
    const res = await failing.request('/health');
    // Assert
    expect(res.status).toBe(503);
    expect(await json(res)).toEqual({ status: 'unavailable', dynamodb: 'ok', streamPoller: 'failing' });
  });
});
