import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import { verifyTelegramSecretToken } from '@cc/shared/messaging/telegram/verify';
import { channelSecretContext } from '@cc/shared/tenancy/ports';
import { createApp } from '../app.ts';
import { createTestDeps } from '../../../test/deps.ts';
import { json } from '../../../test/json.ts';
import { directoryChannelSource } from '../../local/simulator/channels.ts';
import { createTestSimulator, recordingReceiver } from '../../local/simulator/testing.ts';

const PUBLIC = 'https://cc.example';
const BOT_TOKEN = '7012345678:AAF-admin-test-token-0123456789abc';
let bots = 0;
/** A distinct bot token per channel: one bot is one token, and the provider finds the bot by it. */
const botToken = () => `70123456${String(++bots).padStart(2, '0')}:AAF-admin-test-token-0123456789abc`;
const SECRETS = {
  whatsapp: { accessToken: 'EAAG-admin-test-access-token', appSecret: 'wa-admin-app-secret', verifyToken: 'wa-admin-verify-token', phoneNumberId: '106540352242922' },
  vk: { accessToken: 'vk1.a.admin-test-access-token', secret: 'vkAdminSecret2026', confirmation: 'c0nf1rm8', groupId: '218765432' },
  viber: { token: '4f1a7c2e9b3d5a60-admin-0a1b2c3d4e5f6a7b' },
};

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let app: ReturnType<typeof createApp>;
let simulator: ReturnType<typeof createTestSimulator>;
const receiver = recordingReceiver();
const token: Record<string, string> = {};
/** Every response body this file saw, to prove no secret ever left the API. */
const bodies: string[] = [];

const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });

async function call(method: string, path: string, init: { token?: string; body?: unknown } = {}) {
  const res = await app.request(path, {
    method,
    ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
    headers: { ...(init.token && { authorization: `Bearer ${init.token}` }), 'content-type': 'application/json' },
  });
  bodies.push(await res.clone().text());
  return res;
}

const telegramChannel = (extra: Record<string, unknown> = {}) => ({ kind: 'telegram', name: 'Telegram @romashka_bot', defaultQueueId: 'sales', secrets: { botToken: botToken() }, ...extra });

async function createChannel(body: unknown, as = token.adminA) {
  const res = await call('POST', '/api/channels', { token: as, body });
  expect(res.status).toBe(201);
  return json(res);
}

beforeAll(async () => {
  ctx = await createTestDeps();
  ctx.deps.config = { ...ctx.deps.config, PUBLIC_BASE_URL: PUBLIC };
  // The providers are the simulator, which learns tenant A's channels (and their secrets) from the directory.
  simulator = createTestSimulator({ channels: directoryChannelSource(ctx.deps, () => ['tenant-a'], PUBLIC), webhookFetch: receiver.fetch });
  ctx.deps.senders = simulator.senders;
  app = createApp(ctx.deps, ctx.services);
  for (const tenantId of ['tenant-a', 'tenant-b']) {
    await ctx.deps.queues.put({ tenantId, queueId: 'sales', name: 'Продажи', priority: 1, serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, timeZone: 'Europe/Moscow', offerTimeoutSeconds: 20, afterContactWorkSeconds: 0, requiredSkills: { byChannel: {}, byMenuChoice: {} }, ageingPerMinute: 1 });
  }
  token.agentA = await ctx.issuer.issue(principal('tenant-a', 'agent-a', 'agent'));
  token.supervisorA = await ctx.issuer.issue(principal('tenant-a', 'sup-a', 'supervisor'));
  token.adminA = await ctx.issuer.issue(principal('tenant-a', 'admin-a', 'admin'));
  token.adminB = await ctx.issuer.issue(principal('tenant-b', 'admin-b', 'admin'));
});
afterAll(async () => {
  // Assert (whole file): no response ever carried a secret or a ciphertext.
  const secrets = [BOT_TOKEN, 'AAF-admin-test-token', 'rotated', ...Object.values(SECRETS).flatMap((s) => Object.entries(s).filter(([k]) => k !== 'phoneNumberId' && k !== 'groupId').map(([, v]) => v))];
  for (const body of bodies) {
    for (const secret of secrets) expect(body).not.toContain(secret);
    expect(body).not.toContain('encryptedSecrets');
    expect(body).not.toContain('local:v1:');
  }
  await ctx.table.drop();
});

describe('POST /api/channels', () => {
  it('connects a Telegram channel: 201 with the view and webhook URL, secrets encrypted and never returned', async () => {
    // Act
    const res = await call('POST', '/api/channels', { token: token.adminA, body: telegramChannel({ settings: { botUsername: 'romashka_bot' }, secrets: { botToken: BOT_TOKEN } }) });
    // Assert
    expect(res.status).toBe(201);
    const view = await json(res);
    expect(view).toMatchObject({ tenantId: 'tenant-a', kind: 'telegram', name: 'Telegram @romashka_bot', defaultQueueId: 'sales', settings: { botUsername: 'romashka_bot' } });
    expect(view.channelId).toMatch(/^telegram-[0-9a-f]{12}$/);
    expect(view.webhookUrl).toBe(`${PUBLIC}/webhooks/telegram/${view.channelId}`);
    expect(res.headers.get('location')).toBe(`/api/channels/${view.channelId}`);
    expect(view).not.toHaveProperty('secrets');
    const stored = await ctx.deps.directory.getChannel('tenant-a', view.channelId);
    const secrets = JSON.parse(await ctx.deps.cipher.decrypt(stored!.encryptedSecrets, channelSecretContext('tenant-a', stored!.channelId)));
    expect(secrets.botToken).toBe(BOT_TOKEN);
    expect(secrets.secretToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(stored!.encryptedSecrets).not.toContain(BOT_TOKEN);
  });

  it('keeps identifiers that are not secret visible in settings (WhatsApp phone number id, VK community id)', async () => {
    // Act
    const wa = await createChannel({ kind: 'whatsapp', name: 'WhatsApp', secrets: SECRETS.whatsapp });
    const vk = await createChannel({ kind: 'vk', name: 'ВКонтакте', secrets: SECRETS.vk, settings: { apiVersion: '5.199' } });
    // Assert
    expect(wa.settings).toEqual({ phoneNumberId: '106540352242922' });
    expect(vk.settings).toEqual({ apiVersion: '5.199', groupId: '218765432' });
  });

  it('answers 400 listing each invalid field', async () => {
    // Act
    const res = await call('POST', '/api/channels', { token: token.adminA, body: { kind: 'telegram', name: '', settings: { colour: 'red' }, secrets: { botToken: 'not-a-token' } } });
    // Assert
    expect(res.status).toBe(400);
    const problem = await json(res);
    expect(problem.type).toBe('urn:problem:validation');
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual(['name', 'secrets.botToken', 'settings']);
  });

  it('answers 400 for an unknown kind, missing secrets and malformed JSON', async () => {
    // Act
    const unknownKind = await call('POST', '/api/channels', { token: token.adminA, body: { kind: 'icq', name: 'x', secrets: {} } });
    const missing = await call('POST', '/api/channels', { token: token.adminA, body: { kind: 'vk', name: 'x', secrets: { accessToken: 'vk1.a.0123456789' } } });
    const malformed = await call('POST', '/api/channels', { token: token.adminA, body: '{"kind":' });
    // Assert
    expect(unknownKind.status).toBe(400);
    expect((await json(unknownKind)).errors[0].path).toBe('kind');
    expect((await json(missing)).errors.map((e: { path: string }) => e.path).sort()).toEqual(['secrets.confirmation', 'secrets.groupId', 'secrets.secret']);
    expect(malformed.status).toBe(400);
  });

  it('answers 400 naming defaultQueueId when the tenant has no such queue', async () => {
    // Act
    const res = await call('POST', '/api/channels', { token: token.adminA, body: telegramChannel({ defaultQueueId: 'nope' }) });
    // Assert
    expect(res.status).toBe(400);
    expect((await json(res)).errors).toEqual([{ path: 'defaultQueueId', message: 'No queue nope in this tenant' }]);
  });
});

describe('roles and tenancy', () => {
  it.each([
    ['agent', 'agentA'],
    ['supervisor', 'supervisorA'],
  ])('refuses a%s with 403 on every channel administration route', async (_role, who) => {
    // Arrange
    const channel = await createChannel(telegramChannel());
    // Act
    const statuses = [
      (await call('POST', '/api/channels', { token: token[who], body: telegramChannel() })).status,
      (await call('PATCH', `/api/channels/${channel.channelId}`, { token: token[who], body: { name: 'x' } })).status,
      (await call('POST', `/api/channels/${channel.channelId}/register-webhook`, { token: token[who] })).status,
    ];
    // Assert
    expect(statuses).toEqual([403, 403, 403]);
  });

  it('answers 401 without a token', async () => {
    // Act
    const res = await call('POST', '/api/channels', { body: telegramChannel() });
    // Assert
    expect(res.status).toBe(401);
  });

  it("answers 404 for another tenant's channel, as for a missing one", async () => {
    // Arrange
    const channel = await createChannel(telegramChannel());
    // Act
    const patch = await call('PATCH', `/api/channels/${channel.channelId}`, { token: token.adminB, body: { name: 'Чужой' } });
    const register = await call('POST', `/api/channels/${channel.channelId}/register-webhook`, { token: token.adminB });
    const missing = await call('PATCH', '/api/channels/telegram-000000000000', { token: token.adminA, body: { name: 'x' } });
    // Assert
    expect([patch.status, register.status, missing.status]).toEqual([404, 404, 404]);
    expect((await ctx.deps.directory.getChannel('tenant-a', channel.channelId))?.name).toBe('Telegram @romashka_bot');
  });

  it('lists the new channel to a supervisor through the read routes, without secrets', async () => {
    // Arrange
    const channel = await createChannel(telegramChannel({ name: 'Видимый канал' }));
    // Act
    const res = await call('GET', '/api/channels', { token: token.supervisorA });
    // Assert
    const listed = (await json(res)).channels.find((c: { channelId: string }) => c.channelId === channel.channelId);
    expect(listed).toMatchObject({ name: 'Видимый канал', kind: 'telegram' });
    expect(listed).not.toHaveProperty('encryptedSecrets');
  });
});

describe('PATCH /api/channels/:channelId', () => {
  it('renames, clears the queue and rotates one secret while keeping the others', async () => {
    // Arrange
    const channel = await createChannel(telegramChannel());
    const before = JSON.parse(await ctx.deps.cipher.decrypt((await ctx.deps.directory.getChannel('tenant-a', channel.channelId))!.encryptedSecrets, channelSecretContext('tenant-a', channel.channelId)));
    // Act
    const res = await call('PATCH', `/api/channels/${channel.channelId}`, { token: token.adminA, body: { name: 'Новое имя', defaultQueueId: null, secrets: { secretToken: 'rotated_secret-2026' } } });
    // Assert
    expect(res.status).toBe(200);
    const view = await json(res);
    expect(view).toMatchObject({ channelId: channel.channelId, name: 'Новое имя', createdAt: channel.createdAt });
    expect(view).not.toHaveProperty('defaultQueueId');
    const after = JSON.parse(await ctx.deps.cipher.decrypt((await ctx.deps.directory.getChannel('tenant-a', channel.channelId))!.encryptedSecrets, channelSecretContext('tenant-a', channel.channelId)));
    expect(after).toEqual({ botToken: before.botToken, secretToken: 'rotated_secret-2026' });
  });

  it('refuses a Telegram secret token or VK secret shorter than 16 characters with 400 and the reason', async () => {
    // Arrange
    const channel = await createChannel(telegramChannel());
    // Act
    const shortTelegram = await call('POST', '/api/channels', { token: token.adminA, body: telegramChannel({ secrets: { botToken: botToken(), secretToken: 'short_token_15c' } }) });
    const shortVk = await call('POST', '/api/channels', { token: token.adminA, body: { kind: 'vk', name: 'VK', secrets: { ...SECRETS.vk, secret: 'vkSecret2026' } } });
    const shortRotation = await call('PATCH', `/api/channels/${channel.channelId}`, { token: token.adminA, body: { secrets: { secretToken: 'abc' } } });
    // Assert
    for (const [res, path] of [[shortTelegram, 'secrets.secretToken'], [shortVk, 'secrets.secret'], [shortRotation, 'secrets.secretToken']] as const) {
      expect(res.status).toBe(400);
      const problem = await json(res);
      expect(problem.errors).toEqual([expect.objectContaining({ path, message: expect.stringContaining('at least 16 characters') })]);
    }
    expect((await ctx.deps.directory.listChannels('tenant-a')).filter((c) => c.name === 'VK')).toEqual([]);
  });

  it('answers 400 with the secret path when a rotated secret is invalid, and changes nothing', async () => {
    // Arrange
    const channel = await createChannel(telegramChannel());
    // Act
    const res = await call('PATCH', `/api/channels/${channel.channelId}`, { token: token.adminA, body: { name: 'x', secrets: { secretToken: 'has spaces!' } } });
    const empty = await call('PATCH', `/api/channels/${channel.channelId}`, { token: token.adminA, body: {} });
    // Assert
    expect(res.status).toBe(400);
    expect((await json(res)).errors.map((e: { path: string }) => e.path)).toEqual(['secrets.secretToken']);
    expect(empty.status).toBe(400);
    expect((await ctx.deps.directory.getChannel('tenant-a', channel.channelId))?.name).toBe('Telegram @romashka_bot');
  });

  it('sets a pre-chat menu of departments and refuses one without options', async () => {
    // Arrange
    const channel = await createChannel(telegramChannel());
    const preChatMenu = { prompt: 'Выберите отдел', options: [{ title: 'Продажи', queueId: 'sales' }, { title: 'Поддержка', queueId: 'support' }] };
    // Act
    const res = await call('PATCH', `/api/channels/${channel.channelId}`, { token: token.adminA, body: { settings: { preChatMenu } } });
    const empty = await call('PATCH', `/api/channels/${channel.channelId}`, { token: token.adminA, body: { settings: { preChatMenu: { options: [] } } } });
    // Assert
    expect(res.status).toBe(200);
    expect((await ctx.deps.directory.getChannel('tenant-a', channel.channelId))?.settings.preChatMenu).toEqual(preChatMenu);
    expect(empty.status).toBe(400);
  });
});

describe('POST /api/channels/:channelId/register-webhook', () => {
  it('calls Telegram setWebhook with our URL and the channel secret token, in the documented shape', async () => {
    // Arrange
    const channel = await createChannel(telegramChannel());
    const secrets = JSON.parse(await ctx.deps.cipher.decrypt((await ctx.deps.directory.getChannel('tenant-a', channel.channelId))!.encryptedSecrets, channelSecretContext('tenant-a', channel.channelId)));
    // Act
    const res = await call('POST', `/api/channels/${channel.channelId}/register-webhook`, { token: token.adminA });
    // Assert
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ channelId: channel.channelId, kind: 'telegram', webhookUrl: channel.webhookUrl, registered: true, attempts: 1 });
    const setWebhook = simulator.sim.calls(channel.channelId).find((c) => c.method === 'setWebhook')!;
    expect(setWebhook.path).toBe(`/simulator/telegram/bot${secrets.botToken}/setWebhook`);
    expect(setWebhook.params).toEqual({ url: channel.webhookUrl, secret_token: secrets.secretToken, allowed_updates: ['message', 'edited_message', 'callback_query', 'my_chat_member'] });
  });

  it('makes the provider deliver to the registered URL with a secret our verifier accepts', async () => {
    // Arrange
    const channel = await createChannel(telegramChannel());
    await call('POST', `/api/channels/${channel.channelId}/register-webhook`, { token: token.adminA });
    const secrets = JSON.parse(await ctx.deps.cipher.decrypt((await ctx.deps.directory.getChannel('tenant-a', channel.channelId))!.encryptedSecrets, channelSecretContext('tenant-a', channel.channelId)));
    // Act
    const { request } = await simulator.sim.say(channel.channelId, 'anna', 'Здравствуйте');
    // Assert
    expect(request.url).toBe(channel.webhookUrl);
    expect(verifyTelegramSecretToken(request.headers['x-telegram-bot-api-secret-token'], secrets.secretToken)).toBe(true);
  });

  it('calls Viber set_webhook with our URL and the callbacks we read', async () => {
    // Arrange
    const channel = await createChannel({ kind: 'viber', name: 'Viber Ромашка', secrets: SECRETS.viber, settings: { senderName: 'Ромашка' } });
    // Act
    const res = await call('POST', `/api/channels/${channel.channelId}/register-webhook`, { token: token.adminA });
    // Assert
    expect(res.status).toBe(200);
    expect((await json(res)).registered).toBe(true);
    const setWebhook = simulator.sim.calls(channel.channelId).find((c) => c.method === 'set_webhook')!;
    expect(setWebhook.params).toEqual({ url: channel.webhookUrl, event_types: ['delivered', 'seen', 'failed', 'subscribed', 'unsubscribed', 'conversation_started'], send_name: true, send_photo: true });
    expect(setWebhook.headers['x-viber-auth-token']).toBe(SECRETS.viber.token);
  });

  it('answers the manual steps and the values to paste for WhatsApp and VK, which have no API for it', async () => {
    // Arrange
    const wa = await createChannel({ kind: 'whatsapp', name: 'WhatsApp', secrets: SECRETS.whatsapp });
    const vk = await createChannel({ kind: 'vk', name: 'ВКонтакте', secrets: SECRETS.vk });
    // Act
    const waRes = await json(await call('POST', `/api/channels/${wa.channelId}/register-webhook`, { token: token.adminA }));
    const vkRes = await json(await call('POST', `/api/channels/${vk.channelId}/register-webhook`, { token: token.adminA }));
    // Assert
    expect(waRes).toMatchObject({ registered: false, webhookUrl: wa.webhookUrl, manual: { values: { callbackUrl: wa.webhookUrl, webhookField: 'messages' } } });
    expect(waRes.manual.steps.ru.length).toBeGreaterThan(2);
    expect(waRes.manual.steps.en.length).toBe(waRes.manual.steps.ru.length);
    expect(vkRes).toMatchObject({ registered: false, manual: { values: { callbackUrl: vk.webhookUrl, groupId: '218765432', apiVersion: '5.199' } } });
    expect(simulator.sim.calls(wa.channelId)).toEqual([]);
  });

  it('answers 502 with the provider\'s reason when the provider refuses, without the token', async () => {
    // Arrange: a provider that knows no bot at all
    const channel = await createChannel(telegramChannel());
    const stranger = createTestSimulator({ channels: [] });
    ctx.deps.senders = stranger.senders;
    onTestFinished(() => void (ctx.deps.senders = simulator.senders));
    // Act
    const res = await call('POST', `/api/channels/${channel.channelId}/register-webhook`, { token: token.adminA });
    // Assert
    expect(res.status).toBe(502);
    const problem = await json(res);
    expect(problem).toMatchObject({ type: 'urn:problem:provider-refused', status: 502 });
    expect(problem.detail).toContain('Unauthorized');
    expect(stranger.sim.calls()[0]).toMatchObject({ method: 'setWebhook', status: 401 });
  });

  it('answers 400 for a web chat, which has no webhook', async () => {
    // Arrange
    const channel = await createChannel({ kind: 'webchat', name: 'Чат на сайте', settings: { allowedOrigins: ['https://romashka.example'] } });
    // Act
    const res = await call('POST', `/api/channels/${channel.channelId}/register-webhook`, { token: token.adminA });
    // Assert
    expect(res.status).toBe(400);
  });
});
