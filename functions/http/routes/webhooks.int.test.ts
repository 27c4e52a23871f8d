import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WIRE_DIR, readWireSample, readWireText } from '@cc/shared/messaging/testing/wire';
import { parseViberJson } from '@cc/shared/messaging/viber/schema';
import { normalizeTelegramUpdate } from '@cc/shared/messaging/telegram/normalize';
import { normalizeWhatsAppWebhook } from '@cc/shared/messaging/whatsapp/normalize';
import { normalizeVkCallback } from '@cc/shared/messaging/vk/normalize';
import { normalizeViberCallback } from '@cc/shared/messaging/viber/normalize';
import { splitWebhookResult } from '@cc/shared/messaging/webhook-result';
import type { WebhookResult } from '@cc/shared/messaging/model';
import { createTestDeps } from '../../../test/deps.ts';
import { json } from '../../../test/json.ts';
import { createApp } from '../app.ts';
import { TEST_SECRETS, createTestChannel, providerHeaders, scanEntity } from '../../messaging/testing/harness.ts';

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let app: ReturnType<typeof createApp>;
const TENANT = 'acme';

beforeAll(async () => {
  ctx = await createTestDeps(() => new Date('2024-06-20T08:15:00.000Z'));
  app = createApp(ctx.deps, ctx.services);
  for (const kind of ['telegram', 'whatsapp', 'vk', 'viber', 'yandex'] as const) await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: `${kind}-1`, kind });
  await ctx.deps.queues.put({ tenantId: TENANT, queueId: 'support', name: 'Поддержка', priority: 1, serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, timeZone: 'Europe/Moscow', offerTimeoutSeconds: 20, afterContactWorkSeconds: 0, requiredSkills: { byChannel: {}, byMenuChoice: {} }, ageingPerMinute: 1 });
  // Channels named as in the signed envelopes of the wire samples, with the secrets they were signed with.
  await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: 'tg-acme', kind: 'telegram', secrets: { ...TEST_SECRETS.telegram, secretToken: readWireSample<{ configuredSecretToken: string }>('telegram/webhook-request-secret-token.json').configuredSecretToken } });
  await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: 'wa-acme', kind: 'whatsapp', secrets: { ...TEST_SECRETS.whatsapp, appSecret: 'wa-test-app-secret-5d1c9e', verifyToken: 'acme-verify-7Qx' } });
  await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: 'vb-acme', kind: 'viber', secrets: { token: readWireSample<{ authToken: string }>('viber/signed-request-valid.json').authToken } });
});
afterAll(() => ctx.table.drop());

const post = (path: string, raw: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => app.request(path, { method: 'POST', body: raw, headers });
const inbox = async (channelId: string) => (await scanEntity(ctx.deps, 'idempotency')).filter((item) => item['channelId'] === channelId);

/** Webhook payloads of a provider folder, as the acceptance check picks them (envelopes and API samples excluded). */
function webhookSamples(dir: string, isWebhook: (body: Record<string, unknown>) => boolean): string[] {
  return readdirSync(join(WIRE_DIR, dir))
    .filter((file) => file.endsWith('.json'))
    .map((file) => `${dir}/${file}`)
    .filter((path) => {
      const body = readWireSample<Record<string, unknown>>(path);
      return !(body['request'] as { method?: string } | undefined)?.method && isWebhook(body);
    });
}

/** How many inbox records a normalised delivery should produce. */
const itemsOf = (result: WebhookResult) => Object.values(splitWebhookResult(result)).flat();
const context = (channelId: string) => ({ channelId, receivedAt: '2024-06-20T08:15:00.000Z' });

describe('telegram webhook', () => {
  const samples = webhookSamples('telegram', (j) => typeof j['update_id'] === 'number');

  it('finds the documented samples', () => expect(samples.length).toBeGreaterThanOrEqual(5));

  it.each(samples)('accepts %s and stores what it normalises to, once per item', async (path) => {
    // Arrange
    const raw = readWireText(path);
    const expected = itemsOf(normalizeTelegramUpdate(JSON.parse(raw), context('telegram-1')));
    const before = (await inbox('telegram-1')).length;
    // Act
    const res = await post('/webhooks/telegram/telegram-1', raw, providerHeaders('telegram', raw));
    // Assert
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const stored = await inbox('telegram-1');
    expect(stored.length - before).toBe(expected.length);
    for (const item of expected) expect(stored.map((s) => s['dedupKey'])).toContain(item.dedupKey);
  });

  it.each([
    ['a forged secret token', { 'x-telegram-bot-api-secret-token': 'forged-secret' }],
    ['no secret token', {}],
  ])('answers 401 to %s and stores nothing', async (_name, headers) => {
    // Arrange
    const raw = JSON.stringify({ ...readWireSample<object>('telegram/update-message-text-private.json'), update_id: 1 });
    const before = (await inbox('telegram-1')).length;
    // Act
    const res = await post('/webhooks/telegram/telegram-1', raw, { 'content-type': 'application/json', ...headers });
    // Assert
    expect(res.status).toBe(401);
    expect((await inbox('telegram-1')).length).toBe(before);
  });

  it('answers a malformed body with 400 and the reason', async () => {
    // Act
    const res = await post('/webhooks/telegram/telegram-1', '{"update_id": 1, "message": ', providerHeaders('telegram', ''));
    // Assert
    expect(res.status).toBe(400);
    expect((await json(res)).detail).toMatch(/telegram webhook: body is not JSON/);
  });

  it('answers a body of the wrong shape with 400 naming the field', async () => {
    // Act
    const res = await post('/webhooks/telegram/telegram-1', '{"update_id":"x"}', providerHeaders('telegram', ''));
    // Assert
    expect(res.status).toBe(400);
    expect((await json(res)).errors).toEqual([expect.objectContaining({ path: 'update_id' })]);
  });

  it('acknowledges an update type it does not handle and stores nothing', async () => {
    // Arrange
    const raw = JSON.stringify({ update_id: 7001, poll_answer: { poll_id: '1', option_ids: [0], user: { id: 1, is_bot: false, first_name: 'A' } } });
    const before = (await inbox('telegram-1')).length;
    // Act
    const res = await post('/webhooks/telegram/telegram-1', raw, providerHeaders('telegram', raw));
    // Assert
    expect(res.status).toBe(200);
    expect((await inbox('telegram-1')).length).toBe(before);
  });

  it('stores a delivery replayed 5 times once and answers 200 each time', async () => {
    // Arrange
    const raw = JSON.stringify({ ...readWireSample<{ message: object }>('telegram/update-message-text-private.json'), update_id: 8001, message: { ...readWireSample<{ message: object }>('telegram/update-message-text-private.json').message, message_id: 8001 } });
    const before = (await inbox('telegram-1')).length;
    // Act
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post('/webhooks/telegram/telegram-1', raw, providerHeaders('telegram', raw))).status);
    // Assert
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect((await inbox('telegram-1')).length - before).toBe(1);
  });

  it('accepts the documented signed envelope verbatim', async () => {
    // Arrange
    const envelope = readWireSample<{ request: { path: string; headers: Record<string, string>; rawBody: string }; expected: { status: number } }>('telegram/webhook-request-secret-token.json');
    // Act
    const res = await post(envelope.request.path, envelope.request.rawBody, envelope.request.headers);
    // Assert
    expect(res.status).toBe(envelope.expected.status);
  });

  it('answers 404 for an unknown channel, and for a channel of another kind', async () => {
    // Act
    const unknown = await post('/webhooks/telegram/nope', '{}', providerHeaders('telegram', '{}'));
    const wrongKind = await post('/webhooks/telegram/viber-1', '{}', providerHeaders('telegram', '{}'));
    // Assert
    expect(unknown.status).toBe(404);
    expect(wrongKind.status).toBe(404);
  });
});

describe('whatsapp webhook', () => {
  const samples = webhookSamples('whatsapp', (j) => j['object'] === 'whatsapp_business_account');

  it.each(samples)('accepts %s signed with the app secret and stores each item', async (path) => {
    // Arrange
    const raw = readWireText(path);
    const expected = itemsOf(normalizeWhatsAppWebhook(JSON.parse(raw), context('whatsapp-1')));
    const before = (await inbox('whatsapp-1')).length;
    // Act
    const res = await post('/webhooks/whatsapp/whatsapp-1', raw, providerHeaders('whatsapp', raw));
    const forged = await post('/webhooks/whatsapp/whatsapp-1', raw, providerHeaders('whatsapp', raw, { appSecret: 'forged' }));
    const unsigned = await post('/webhooks/whatsapp/whatsapp-1', raw);
    // Assert
    expect(res.status).toBe(200);
    expect([forged.status, unsigned.status]).toEqual([401, 401]);
    expect((await inbox('whatsapp-1')).length - before).toBe(expected.length);
  });

  it.each(['whatsapp/webhook-message-text.json', 'whatsapp/webhook-status-delivered.json'])('answers a signed %s of another number of the same app 200 and stores nothing', async (path) => {
    // Arrange: the same Meta app (same app secret) serves a second number, 106540352299999
    // and message ids not seen before, so nothing is a duplicate of the samples stored above.
    const raw = readWireText(path).replaceAll(TEST_SECRETS.whatsapp.phoneNumberId, '106540352299999').replaceAll('"wamid.', '"wamid.other-number-');
    const before = { inbox: (await inbox('whatsapp-1')).length, customers: (await scanEntity(ctx.deps, 'customer')).length };
    // Act
    const res = await post('/webhooks/whatsapp/whatsapp-1', raw, providerHeaders('whatsapp', raw));
    // Assert
    expect(res.status).toBe(200);
    expect((await inbox('whatsapp-1')).length).toBe(before.inbox);
    expect((await scanEntity(ctx.deps, 'customer')).length).toBe(before.customers);
  });

  it('keeps the changes of its own number from a delivery that batches two numbers', async () => {
    // Arrange: two changes, each with a message id not seen before; only the first is of this number
    const text = readWireText('whatsapp/webhook-message-text.json');
    const change = (id: string, phoneNumberId: string) => JSON.parse(text.replace('wamid.HBgLNzkwMDEyMzQ1NjcVAgASGBQzQUZCMUMxRjYyNkM0RjNEOTFBMAA=', id).replaceAll(TEST_SECRETS.whatsapp.phoneNumberId, phoneNumberId)).entry[0].changes[0];
    const raw = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '102290129340398', changes: [change('wamid.own-1', TEST_SECRETS.whatsapp.phoneNumberId), change('wamid.foreign-1', '106540352299999')] }] });
    const before = (await inbox('whatsapp-1')).length;
    // Act
    const res = await post('/webhooks/whatsapp/whatsapp-1', raw, providerHeaders('whatsapp', raw));
    // Assert
    expect(res.status).toBe(200);
    expect((await inbox('whatsapp-1')).length - before).toBe(1);
    expect(JSON.stringify(await inbox('whatsapp-1'))).toContain('wamid.own-1');
    expect(JSON.stringify(await inbox('whatsapp-1'))).not.toContain('wamid.foreign-1');
  });

  it.each(['whatsapp/signed-request-valid.json', 'whatsapp/signed-request-invalid.json'])('answers %s as documented (HMAC over the raw bytes)', async (path) => {
    // Arrange
    const envelope = readWireSample<{ request: { path: string; headers: Record<string, string>; rawBody: string }; expected: { status: number } }>(path);
    // Act
    const res = await post(envelope.request.path, envelope.request.rawBody, envelope.request.headers);
    // Assert
    expect(res.status).toBe(envelope.expected.status);
  });

  it('echoes hub.challenge as plain text for the right verify token, 403 otherwise', async () => {
    // Arrange
    const envelope = readWireSample<{ request: { path: string; query: Record<string, string> }; expected: { body: string } }>('whatsapp/verify-get-request.json');
    // Act
    const ok = await app.request(`${envelope.request.path}?${new URLSearchParams(envelope.request.query).toString()}`);
    const wrong = await app.request(`${envelope.request.path}?${new URLSearchParams({ ...envelope.request.query, 'hub.verify_token': 'wrong' }).toString()}`);
    // Assert
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain');
    expect(await ok.text()).toBe(envelope.expected.body);
    expect(wrong.status).toBe(403);
  });
});

describe('vk webhook', () => {
  const samples = webhookSamples('vk', (j) => typeof j['type'] === 'string' && 'group_id' in j && j['type'] !== 'confirmation');
  const withSecret = (body: object, secret = TEST_SECRETS.vk.secret) => JSON.stringify({ ...body, secret, group_id: Number(TEST_SECRETS.vk.groupId) });

  it.each(samples)('answers %s with plain ok and stores each item', async (path) => {
    // Arrange
    const body = readWireSample<object>(path);
    const expected = itemsOf(normalizeVkCallback({ ...body, secret: 'x' }, context('vk-1')));
    const before = (await inbox('vk-1')).length;
    // Act
    const res = await post('/webhooks/vk/vk-1', withSecret(body));
    const forged = await post('/webhooks/vk/vk-1', withSecret(body, 'forged'));
    // Assert
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    expect(forged.status).toBe(401);
    expect((await inbox('vk-1')).length - before).toBe(expected.length);
  });

  it('answers the confirmation event with the channel confirmation string', async () => {
    // Act
    const res = await post('/webhooks/vk/vk-1', JSON.stringify({ type: 'confirmation', group_id: Number(TEST_SECRETS.vk.groupId), secret: TEST_SECRETS.vk.secret }));
    // Assert
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(TEST_SECRETS.vk.confirmation);
  });

  it('refuses a confirmation for another community', async () => {
    // Act
    const res = await post('/webhooks/vk/vk-1', JSON.stringify({ type: 'confirmation', group_id: 1 }));
    // Assert
    expect(res.status).toBe(401);
  });

  it('acknowledges an unhandled event type with ok', async () => {
    // Act
    const res = await post('/webhooks/vk/vk-1', withSecret({ type: 'wall_post_new', event_id: 'e-wall', v: '5.199', object: {} }));
    // Assert
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });
});

describe('viber webhook', () => {
  const samples = webhookSamples('viber', (j) => typeof j['event'] === 'string' && j['event'] !== 'webhook');

  it.each(samples)('accepts %s signed with the auth token, keeping 64-bit tokens exact', async (path) => {
    // Arrange
    const raw = readWireText(path);
    const expected = itemsOf(normalizeViberCallback(raw, context('viber-1')));
    const before = (await inbox('viber-1')).length;
    // Act
    const res = await post('/webhooks/viber/viber-1', raw, providerHeaders('viber', raw));
    const forged = await post('/webhooks/viber/viber-1', raw, providerHeaders('viber', raw, { token: 'forged' }));
    const unsigned = await post('/webhooks/viber/viber-1', raw);
    // Assert
    expect(res.status).toBe(200);
    expect([forged.status, unsigned.status]).toEqual([401, 401]);
    const stored = await inbox('viber-1');
    expect(stored.length - before).toBe(expected.length);
    const token = (parseViberJson(raw) as { message_token?: string }).message_token;
    if (token && expected.length) expect(JSON.stringify(stored)).toContain(String(token));
  });

  it('answers the set_webhook check and the signed envelope with 200', async () => {
    // Arrange
    const check = readWireText('viber/callback-webhook.json');
    const envelope = readWireSample<{ request: { path: string; headers: Record<string, string>; rawBody: string } }>('viber/signed-request-valid.json');
    // Act
    const res = await post('/webhooks/viber/viber-1', check, providerHeaders('viber', check));
    const signed = await post(envelope.request.path, envelope.request.rawBody, envelope.request.headers);
    // Assert
    expect(res.status).toBe(200);
    expect(signed.status).toBe(200);
  });
});

describe('yandex dialogs skill', () => {
  it('answers the documented request with a valid protocol response', async () => {
    // Arrange
    const raw = readWireText('yandex-dialogs/request-simple-utterance.json');
    // Act
    const res = await post('/webhooks/yandex/yandex-1', raw);
    // Assert
    expect(res.status).toBe(200);
    const answer = await json(res);
    expect(answer).toMatchObject({ version: '1.0', response: { text: expect.stringContaining('телефон'), end_session: false }, session_state: { step: 'awaiting_phone' } });
  });

  it('refuses a call for another skill', async () => {
    // Arrange
    const call = readWireSample<{ session: object }>('yandex-dialogs/request-simple-utterance.json');
    // Act
    const res = await post('/webhooks/yandex/yandex-1', JSON.stringify({ ...call, session: { ...call.session, skill_id: 'someone-else' } }));
    // Assert
    expect(res.status).toBe(401);
  });

  it('books a callback contact with the phone the customer says', async () => {
    // Arrange
    const call = readWireSample<{ session: object; request: object }>('yandex-dialogs/request-simple-utterance.json');
    const body = { ...call, session: { ...call.session, session_id: 'alice-session-1' }, request: { ...call.request, command: 'мой номер 8 900 123 45 67', original_utterance: 'мой номер 8 900 123 45 67' }, state: { session: { step: 'awaiting_phone' } } };
    // Act
    const first = await post('/webhooks/yandex/yandex-1', JSON.stringify(body));
    const again = await post('/webhooks/yandex/yandex-1', JSON.stringify(body));
    // Assert
    expect(first.status).toBe(200);
    expect((await json(first)).response.text).toContain('+7 900 123-45-67');
    expect(again.status).toBe(200);
    const callbacks = (await scanEntity(ctx.deps, 'contact')).filter((c) => c['channel'] === 'callback');
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]).toMatchObject({ status: 'queued', queueId: 'support', callback: { phone: '+79001234567' }, channelId: 'yandex-1' });
  });
});
