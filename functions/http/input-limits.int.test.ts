import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { createApp } from './app.ts';
import { VISITOR_TOKEN_TYPE } from '../widget/visitor-tokens.ts';
import { json } from '../../test/json.ts';
import { createRoutingTestDeps } from '../routing/testing.ts';
import { createTestChannel } from '../messaging/testing/harness.ts';

// Every route that takes an id in its path, with `ID` where the id goes.
const ROUTES = [
  'GET /api/agents/ID', 'PUT /api/agents/ID/status',
  'PATCH /api/channels/ID', 'POST /api/channels/ID/register-webhook', 'GET /api/channels/ID', 'GET /api/queues/ID',
  'GET /api/contacts/ID', 'GET /api/contacts/ID/position', 'POST /api/contacts/ID/position/notify',
  'POST /api/contacts/ID/accept', 'POST /api/contacts/ID/reject', 'POST /api/contacts/ID/end', 'POST /api/contacts/ID/complete',
  'POST /api/contacts/ID/transfer', 'POST /api/contacts/ID/abandon', 'POST /api/contacts/ID/typing',
  'POST /api/contacts/ID/whisper', 'POST /api/contacts/ID/barge', 'POST /api/contacts/ID/supervision/leave', 'POST /api/contacts/ID/take-over',
  'GET /api/contacts/ID/messages', 'POST /api/contacts/ID/messages', 'POST /api/messages/ID/resend',
  'GET /api/customers/ID', 'GET /api/customers/ID/history', 'POST /api/customers/ID/merge',
  'POST /webhooks/telegram/ID', 'GET /webhooks/whatsapp/ID', 'POST /webhooks/whatsapp/ID', 'POST /webhooks/vk/ID', 'POST /webhooks/viber/ID', 'POST /webhooks/yandex/ID',
  'GET /widget/ID/config', 'POST /widget/ID/conversations', 'GET /widget/ID/conversations/ID', 'GET /widget/ID/conversations/ID/messages',
  'POST /widget/ID/conversations/ID/messages', 'POST /widget/ID/conversations/ID/typing', 'POST /widget/ID/conversations/ID/receipts',
];

let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
let token: string;

beforeAll(async () => {
  ctx = await createRoutingTestDeps();
  app = createApp(ctx.deps, ctx.services);
  await createTestChannel(ctx.deps, { tenantId: 'tenant-a', channelId: 'web-1', kind: 'webchat', settings: { allowedOrigins: ['https://shop.example'] } });
  token = await ctx.issuer.issue({ tenantId: 'tenant-a', userId: 'root', roles: ['admin', 'supervisor', 'agent'], name: 'Root', login: 'root@tenant-a' });
});
afterAll(() => ctx.table.drop());

const call = (route: string, id: string, body = '{}') => {
  const [method, path] = route.split(' ') as [string, string];
  return app.request(path.replaceAll('ID', id), { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(method === 'GET' ? {} : { body }) });
};

describe('input limits', () => {
  it.each([
    ['a 3,000-character id', 'x'.repeat(3000)],
    ['an id with odd characters', encodeURIComponent('a#b\u0000c')],
    ['an id with a slash inside', encodeURIComponent('a/b')],
  ])('answers every route with a path id 400 problem for %s, never a 5xx', async (_name, id) => {
    // Act
    const answers = await Promise.all(ROUTES.map(async (route) => [route, (await call(route, id)).status] as const));
    // Assert
    expect(answers.filter(([, status]) => status !== 400)).toEqual([]);
    const res = await call('GET /api/contacts/ID', id);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await json(res)).toMatchObject({ status: 400, detail: expect.stringContaining('path') });
  });

  it('answers a body over 256 KiB with 413, on the API, webhooks and the widget', async () => {
    // Arrange
    const huge = JSON.stringify({ text: 'x'.repeat(300 * 1024) });
    // Act
    const answers = await Promise.all(['POST /api/contacts/ct_1/messages', 'POST /webhooks/telegram/ch_1', 'POST /widget/ch_1/conversations'].map(async (route) => (await call(route, 'unused', huge)).status));
    // Assert
    expect(answers).toEqual([413, 413, 413]);
  });

  it.each([
    ['POST /api/contacts', { queueId: 'q'.repeat(3000), channel: 'telegram' }, 'queueId'],
    ['POST /api/contacts', { queueId: 'support', channel: 'telegram', customerId: 'c'.repeat(3000) }, 'customerId'],
    ['POST /api/contacts/ct_1/transfer', { agentId: 'a'.repeat(3000) }, 'agentId'],
    ['POST /api/customers/cus_1/merge', { customerId: 'c'.repeat(3000) }, 'customerId'],
    ['POST /api/contacts/ct_1/messages', { text: 'hi', replyToMessageId: 'm'.repeat(3000) }, 'replyToMessageId'],
    ['POST /api/contacts/ct_1/messages', { text: 'x'.repeat(5000) }, 'text'],
    ['POST /api/channels', { kind: 'webchat', name: 'n'.repeat(3000) }, 'name'],
  ])('answers %s with an oversized field 400 naming it', async (route, body, field) => {
    // Act
    const res = await call(route, 'unused', JSON.stringify(body));
    // Assert
    expect(res.status).toBe(400);
    expect((await json(res)).errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
  });

  it('answers the console’s cross-origin call with a bad id 400 that the browser may read (CORS headers)', async () => {
    // Act
    const res = await app.request(`/api/contacts/${'c'.repeat(3_000)}`, { headers: { authorization: `Bearer ${token}`, origin: 'https://console.example' } });
    // Assert
    expect(res.status).toBe(400);
    expect(res.headers.get('access-control-allow-origin')).toBeTruthy();
  });

  it('answers an oversized agent id in the query 400', async () => {
    // Act
    const res = await app.request(`/api/contacts?assigned=${'a'.repeat(3000)}`, { headers: { authorization: `Bearer ${token}` } });
    // Assert
    expect(res.status).toBe(400);
    expect((await json(res)).errors).toEqual([expect.objectContaining({ path: 'assigned' })]);
  });

  it('answers a visitor token whose unverified tenant claim is not the channel’s tenant 401, before reading its key', async () => {
    // Arrange: a forged token (any key) naming a 3,000-character tenant, which as a key read would be a 500
    const forged = await new SignJWT({ tid: 't'.repeat(3000), chn: 'web-1', cnv: 'conv_1' })
      .setProtectedHeader({ alg: 'HS256', typ: VISITOR_TOKEN_TYPE })
      .setSubject('v_1')
      .sign(new Uint8Array(32));
    // Act
    const res = await app.request('/widget/web-1/conversations/conv_1', { headers: { authorization: `Bearer ${forged}`, origin: 'https://shop.example' } });
    // Assert
    expect(res.status).toBe(401);
  });
});
