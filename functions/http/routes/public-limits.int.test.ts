import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '@cc/shared/contacts/model';
import { ALICE_UTTERANCE_MAX_CHARS } from '@cc/shared/messaging/yandex/schema';
import { readWireSample } from '@cc/shared/messaging/testing/wire';
import { createApp } from '../app.ts';
import { json } from '../../../test/json.ts';
import { createRoutingTestDeps, makeTenantQueue } from '../../routing/testing.ts';
import { createTestChannel, scanEntity } from '../../messaging/testing/harness.ts';

// The public routes anyone can call: the Alice skill (Yandex does not sign its calls) and the web
// chat widget (anonymous visitors). Their input and their callback bookings are limited.

let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
const TENANT = 'acme';
const SHOP = 'https://shop.example';

beforeAll(async () => {
  ctx = await createRoutingTestDeps();
  app = createApp(ctx.deps, ctx.services);
  await ctx.deps.queues.put(makeTenantQueue(TENANT, 'support'));
  for (const channelId of ['web-1', 'web-2', 'web-cap']) await createTestChannel(ctx.deps, { tenantId: TENANT, channelId, kind: 'webchat', settings: { allowedOrigins: [SHOP] } });
  for (const channelId of ['alice-1', 'alice-2']) await createTestChannel(ctx.deps, { tenantId: TENANT, channelId, kind: 'yandex' });
});
afterAll(() => ctx.table.drop());

const callbacksOf = async (channelId: string) => (await scanEntity<Contact>(ctx.deps, 'contact')).filter((c) => c.channel === 'callback' && c.channelId === channelId);

describe('Alice skill input', () => {
  type Call = { session: Record<string, unknown>; request: Record<string, unknown> };
  const alice = (text: string, session: Record<string, unknown> = {}) => {
    const call = readWireSample<Call>('yandex-dialogs/request-simple-utterance.json');
    const body = { ...call, session: { ...call.session, new: false, ...session }, request: { ...call.request, command: text, original_utterance: text, nlu: { tokens: [], entities: [] } } };
    return app.request('/webhooks/yandex/alice-1', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  };

  it('refuses an utterance longer than Yandex ever sends (1024 characters) with a 400 naming the field', async () => {
    // Act: 30,000 characters of the input that made the keyword expressions backtrack (the body stays under 256 KiB)
    const res = await alice('час'.repeat(10_000));
    // Assert
    expect(res.status).toBe(400);
    expect((await json(res)).errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['request.command', 'request.original_utterance']));
  });

  it('refuses the measured 120,000-character utterance before parsing it: the body is over the limit', async () => {
    // Act
    const res = await alice('час'.repeat(40_000));
    // Assert
    expect(res.status).toBe(413);
  });

  it.each([
    ['one word of repeated keywords', 'час'.repeat(ALICE_UTTERANCE_MAX_CHARS / 4)],
    ['keywords that never complete a phrase', 'час '.repeat(ALICE_UTTERANCE_MAX_CHARS / 4)],
    ['digits that never make a phone', '1-'.repeat(ALICE_UTTERANCE_MAX_CHARS / 2)],
  ])('answers the longest allowed utterance of %s with a valid response', async (_what, text) => {
    // Act
    const res = await alice(text.slice(0, ALICE_UTTERANCE_MAX_CHARS));
    // Assert
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ version: '1.0', response: { text: expect.any(String) } });
  });
});

describe('callback limits', () => {
  const visitor = async (channelId: string) => {
    const res = await app.request(`/widget/${channelId}/sessions`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', origin: SHOP } });
    return (await json(res)).token as string;
  };
  const callMeBack = (channelId: string, token: string, requestId: string, phone: string) =>
    app.request(`/widget/${channelId}/callbacks`, { method: 'POST', body: JSON.stringify({ requestId, phone }), headers: { 'content-type': 'application/json', origin: SHOP, authorization: `Bearer ${token}` } });
  const aliceBooks = (channelId: string, session: { session_id: string; user?: string }, phone: string) => {
    const call = readWireSample<{ session: Record<string, unknown>; request: Record<string, unknown> }>('yandex-dialogs/request-simple-utterance.json');
    const body = {
      ...call,
      session: { ...call.session, new: false, session_id: session.session_id, ...(session.user && { user: { user_id: session.user } }) },
      request: { ...call.request, command: `перезвоните на ${phone}`, original_utterance: `Перезвоните на ${phone}`, nlu: { tokens: [], entities: [] } },
    };
    return app.request(`/webhooks/yandex/${channelId}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  };

  it('books three callbacks an hour per widget visitor, then answers 429 with Retry-After; a repeated request id is not counted', async () => {
    // Arrange
    const token = await visitor('web-1');
    // Act
    const statuses = [];
    for (let i = 1; i <= 4; i++) statuses.push((await callMeBack('web-1', token, `cb-${i}`, `+7900000000${i}`)).status);
    const repeat = await callMeBack('web-1', token, 'cb-1', '+79000000001');
    const refused = await callMeBack('web-1', token, 'cb-5', '+79000000005');
    // Assert
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(repeat.status).toBe(200);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(await callbacksOf('web-1')).toHaveLength(3);
  });

  it('books three callbacks an hour to one phone number, whichever visitors ask, and again after the hour', async () => {
    // Act
    const statuses = [];
    for (let i = 1; i <= 4; i++) statuses.push((await callMeBack('web-2', await visitor('web-2'), 'cb', '8 900 555-00-11')).status);
    ctx.clock.advance(3600);
    const nextHour = await callMeBack('web-2', await visitor('web-2'), 'cb', '+7 900 555 00 11');
    // Assert
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(nextHour.status).toBe(201);
  });

  it('caps the callbacks waiting on one channel, however many visitors and phones ask', async () => {
    // Arrange
    const cap = ctx.deps.config.CALLBACK_OPEN_PER_CHANNEL;
    ctx.deps.config.CALLBACK_OPEN_PER_CHANNEL = 2;
    try {
      // Act
      const statuses = [];
      for (let i = 1; i <= 3; i++) statuses.push((await callMeBack('web-cap', await visitor('web-cap'), 'cb', `+7901000000${i}`)).status);
      // Assert
      expect(statuses).toEqual([201, 201, 429]);
      expect(await callbacksOf('web-cap')).toHaveLength(2);
    } finally {
      ctx.deps.config.CALLBACK_OPEN_PER_CHANNEL = cap;
    }
  });

  it('lets one Alice user book three callbacks an hour across sessions, then says so politely (200, as Alice expects)', async () => {
    // Act
    const answers = [];
    for (let i = 1; i <= 4; i++) answers.push(await aliceBooks('alice-1', { session_id: `s-user-${i}`, user: 'yandex-user-1' }, `8 902 000 00 0${i}`));
    const texts = await Promise.all(answers.map(async (res) => (await json(res)).response.text as string));
    // Assert
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200]);
    expect(texts.slice(0, 3).every((text) => text.startsWith('Записала'))).toBe(true);
    expect(texts[3]).toContain('уже достаточно');
    expect(await callbacksOf('alice-1')).toHaveLength(3);
  });

  it('books three Alice callbacks an hour to one phone number, whichever users and sessions ask', async () => {
    // Act
    const texts = [];
    for (let i = 1; i <= 4; i++) texts.push((await json(await aliceBooks('alice-2', { session_id: `s-phone-${i}`, user: `yandex-user-p${i}` }, '8 903 000 00 01'))).response.text as string);
    // Assert
    expect(texts.filter((text) => text.startsWith('Записала'))).toHaveLength(3);
    expect(texts[3]).toContain('уже достаточно');
    expect(await callbacksOf('alice-2')).toHaveLength(3);
  });
});
