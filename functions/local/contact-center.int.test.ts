import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startContactCenter, type RunningContactCenter } from './contact-center.ts';
import { json } from '../../test/json.ts';
import { openConsoleSocket, waitFor } from '../../test/live.ts';

let center: RunningContactCenter;

beforeAll(async () => {
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true });
});
afterAll(() => center?.stop());

const openSocket = (token: string) => openConsoleSocket(center.baseUrl, token);

const user = (role: string) => center.demo.users.find((u) => u.role === role)!;

async function login(role: string) {
  const { login, password } = user(role);
  const res = await fetch(`${center.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  expect(res.status).toBe(200);
  return (await json(res)) as { token: string; user: { userId: string; roles: string[]; tenantId: string } };
}

describe('local contact center', () => {
  it('reports healthy once DynamoDB and the stream poller run', async () => {
    // Act
    const res = await fetch(`${center.baseUrl}/health`);
    // Assert
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ status: 'ok', dynamodb: 'ok', streamPoller: 'ok' });
  });

  it('seeds the demo tenant: admin, supervisor, four agents, every messenger channel, a phone number', () => {
    // Assert
    const roles = center.demo.users.map((u) => u.role);
    expect(roles.filter((r) => r === 'agent')).toHaveLength(4);
    expect(roles).toEqual(expect.arrayContaining(['admin', 'supervisor']));
    expect(center.demo.channels.map((c) => c.type).sort()).toEqual(['telegram', 'viber', 'vk', 'webchat', 'whatsapp', 'yandex']);
    expect(center.demo.channels.find((c) => c.type === 'whatsapp')!.auth).toEqual(expect.objectContaining({ appSecret: expect.any(String), verifyToken: expect.any(String) }));
    expect(center.demo.phoneNumbers[0]!.e164).toMatch(/^\+7\d{10}$/);
  });

  it('logs in every demo user with the printed password and refuses a wrong one', async () => {
    // Act
    const tokens = await Promise.all(center.demo.users.map((u) => login(u.role)));
    const wrong = await fetch(`${center.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: user('agent').login, password: 'wrong' }) });
    // Assert
    expect(tokens.every((t) => t.token.split('.').length === 3)).toBe(true);
    expect(wrong.status).toBe(401);
    expect(await json(wrong)).toMatchObject({ detail: 'Invalid login or password' });
  });

  it('pushes an agent status change to the supervisor console through the stream', async () => {
    // Arrange
    const agent = await login('agent');
    const supervisor = await login('supervisor');
    const console = openSocket(supervisor.token);
    await console.opened;
    // Act
    const res = await fetch(`${center.baseUrl}/api/agents/me/status`, { method: 'PUT', headers: { authorization: `Bearer ${agent.token}` }, body: JSON.stringify({ status: 'break', reason: 'lunch' }) });
    // Assert
    expect(res.status).toBe(200);
    const pushed = await waitFor(() => console.messages.find((m) => m.type === 'agent.updated' && (m.agent as { agentId: string }).agentId === agent.user.userId && (m.agent as { status: string }).status === 'break'));
    expect(pushed.agent).toMatchObject({ breakReason: 'lunch', tenantId: agent.user.tenantId });
    console.socket.close();
  });

  it('answers a ping over the WebSocket', async () => {
    // Arrange
    const supervisor = await login('supervisor');
    const console = openSocket(supervisor.token);
    await console.opened;
    // Act
    console.socket.send(JSON.stringify({ action: 'ping' }));
    // Assert
    await waitFor(() => console.messages.find((m) => m.type === 'pong'));
    console.socket.close();
  });

  it('refuses a WebSocket without a valid token', async () => {
    // Act
    const attempt = openSocket('not-a-token');
    // Assert
    await expect(attempt.opened).rejects.toThrow('refused with 401');
  });

  it('lists the catalogued Lambda functions and invokes the real realtime handler with a documented event', async () => {
    // Arrange: the documented $connect event carries a token we never issued
    const event = JSON.parse(readFileSync(new URL('../../test/fixtures/wire/apigateway/websocket-connect.json', import.meta.url), 'utf8'));
    // Act
    const list = await json(await fetch(`${center.baseUrl}/local/lambda`));
    const res = await fetch(`${center.baseUrl}/local/lambda/realtime`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
    // Assert
    expect(list.functions.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['http-api', 'realtime', 'stream-processor']));
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ statusCode: 401 });
  });

  it('runs the HTTP Lambda handler on a payload 2.0 event, as API Gateway would call it', async () => {
    // Arrange
    const supervisor = await login('supervisor');
    const event = {
      version: '2.0', routeKey: '$default', rawPath: '/api/agents', rawQueryString: '', headers: { authorization: `Bearer ${supervisor.token}`, host: 'api.example' },
      requestContext: { accountId: '1', apiId: 'local', domainName: 'api.example', domainPrefix: 'api', http: { method: 'GET', path: '/api/agents', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' }, requestId: 'r1', routeKey: '$default', stage: '$default', time: '25/Nov/2026:10:00:00 +0000', timeEpoch: 0 },
      isBase64Encoded: false,
    };
    // Act
    const res = await fetch(`${center.baseUrl}/local/lambda/http-api`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
    // Assert
    const result = await json(res);
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body).agents).toHaveLength(4);
  });

  it('answers an unknown Lambda name and malformed event JSON with clear errors', async () => {
    // Act
    const unknown = await fetch(`${center.baseUrl}/local/lambda/nope`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const malformed = await fetch(`${center.baseUrl}/local/lambda/realtime`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    // Assert
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(400);
  });
});
