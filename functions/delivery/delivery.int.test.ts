import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readWireSample, readWireText } from '@cc/shared/messaging/testing/wire';
import type { Contact } from '@cc/shared/contacts/model';
import type { StoredMessage } from '@cc/shared/conversations/model';
import { DELIVERY_LEASE_MS, MAX_DELIVERY_TRIES } from '@cc/shared/delivery/model';
import { createTestDeps } from '../../test/deps.ts';
import { json } from '../../test/json.ts';
import { waitFor } from '../../test/live.ts';
import { createApp } from '../http/app.ts';
import { createMessengerSenders } from '../adapters/messengers/index.ts';
import { type FakeProvider, type FakeResponse, recordingSleep, startFakeProvider, startHangingProvider } from '../adapters/messengers/testing/fake-provider.ts';
import { LocalDeliveryQueue } from '../adapters/delivery/local-delivery-queue.ts';
import { messagingReactions } from '../messaging/reactions.ts';
import { StreamPump, createTestChannel, providerHeaders, scanEntity } from '../messaging/testing/harness.ts';
import { DeliveryInFlightError } from '../messaging/outbox.ts';
import { requeuePendingDeliveries } from '../local/requeue-deliveries.ts';
import { createDeliveryRunner } from './app.ts';

// Two tenants: «Ромашка» on Telegram, whose API hangs, and «Лютик» on Viber, whose API answers.
const HANGING = 'romashka';
const HEALTHY = 'lyutik';
let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let app: ReturnType<typeof createApp>;
let pump: StreamPump;
let hanging: FakeProvider;
let viber: FakeProvider;
let telegram: FakeProvider;
let queue: LocalDeliveryQueue;
/** What the answering Telegram says next. */
let telegramScript: FakeResponse[] = [];
const sleeps = recordingSleep();
const token: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestDeps();
  hanging = await startHangingProvider();
  viber = await startFakeProvider(() => ({ body: readWireText('viber/send-message-response-ok.json') }));
  telegram = await startFakeProvider(() => telegramScript.shift() ?? { status: 500, body: '{"ok":false,"error_code":500,"description":"unscripted"}' });
  const once = { maxAttempts: 1 };
  ctx.deps.senders = createMessengerSenders({ telegram: { baseUrl: hanging.baseUrl, retry: once, timeoutMs: 3_000 }, viber: { baseUrl: viber.baseUrl, retry: once }, whatsapp: { retry: once }, vk: { retry: once } });
  queue = new LocalDeliveryQueue({ run: createDeliveryRunner(ctx.deps, ctx.services.channels, { random: () => 0 }), sleep: sleeps.sleep });
  ctx.deps.delivery = queue;
  app = createApp(ctx.deps, ctx.services);
  pump = new StreamPump(ctx.deps, messagingReactions(ctx.deps, ctx.services));
  await createTestChannel(ctx.deps, { tenantId: HANGING, channelId: 'tg-romashka', kind: 'telegram' });
  await createTestChannel(ctx.deps, { tenantId: HEALTHY, channelId: 'vb-lyutik', kind: 'viber' });
  token[HANGING] = await ctx.issuer.issue({ tenantId: HANGING, userId: 'anna', roles: ['agent'], name: 'Анна', login: 'anna' });
  token[HEALTHY] = await ctx.issuer.issue({ tenantId: HEALTHY, userId: 'anna', roles: ['agent'], name: 'Анна', login: 'anna' });
});
afterAll(async () => {
  queue.stop();
  await Promise.all([viber.close(), telegram.close()]);
  await ctx.table.drop();
});
beforeEach(() => {
  telegramScript = [];
  sleeps.delays.length = 0;
});

let nextUser = 500;
async function telegramContact(): Promise<Contact> {
  const userId = nextUser++;
  const sample = readWireSample<{ update_id: number; message: Record<string, unknown> }>('telegram/update-message-text-private.json');
  const update = { update_id: userId, message: { ...sample.message, message_id: userId, from: { ...(sample.message['from'] as object), id: userId }, chat: { id: userId, type: 'private' } } };
  const raw = JSON.stringify(update);
  await app.request('/webhooks/telegram/tg-romashka', { method: 'POST', body: raw, headers: providerHeaders('telegram', raw) });
  await pump.run();
  return connect((await scanEntity<Contact>(ctx.deps, 'contact')).find((c) => c.channelId === 'tg-romashka' && c.status === 'queued')!);
}
async function connect(contact: Contact): Promise<Contact> {
  if (contact.status === 'connected') return contact;
  const connected: Contact = { ...contact, status: 'connected', agentId: 'anna', statusSince: new Date().toISOString(), version: contact.version + 1 };
  await ctx.deps.contacts.save(connected, contact.version);
  return connected;
}
const reply = async (tenantId: string, contactId: string, text: string): Promise<StoredMessage> => {
  const res = await app.request(`/api/contacts/${contactId}/messages`, { method: 'POST', body: JSON.stringify({ text }), headers: { authorization: `Bearer ${token[tenantId]}`, 'content-type': 'application/json' } });
  return (await json(res)).message as StoredMessage;
};
const stored = async (tenantId: string, messageId: string) => (await ctx.deps.messaging.getMessage(tenantId, messageId))!;
const tryingTelegram = (url: string, timeoutMs = 3_000) => {
  ctx.deps.senders = createMessengerSenders({ telegram: { baseUrl: url, retry: { maxAttempts: 1 }, timeoutMs }, viber: { baseUrl: viber.baseUrl, retry: { maxAttempts: 1 } } });
};

describe('delivery off the table stream', () => {
  it('keeps taking inbound messages and delivering another tenant’s replies while one provider hangs', async () => {
    // Arrange: Ромашка's customer writes and the agent replies; Telegram takes the send and never answers
    tryingTelegram(hanging.baseUrl, 120_000);
    const stuckContact = await telegramContact();
    const stuck = await reply(HANGING, stuckContact.contactId, 'Смотрю ваш заказ');
    await pump.run();
    await waitFor(() => hanging.requests.length >= 1);
    // Act: meanwhile Лютик's customer writes on Viber (through the stream) and gets an answer
    const incoming = readWireText('viber/callback-message-text.json');
    await app.request('/webhooks/viber/vb-lyutik', { method: 'POST', body: incoming, headers: providerHeaders('viber', incoming) });
    await pump.run();
    const contact = await connect((await scanEntity<Contact>(ctx.deps, 'contact')).find((c) => c.channelId === 'vb-lyutik')!);
    const answer = await reply(HEALTHY, contact.contactId, 'Заказ 104777 передан курьеру');
    await pump.run();
    const sent = await waitFor(async () => {
      const message = await stored(HEALTHY, answer.messageId);
      return message.status === 'sent' && message;
    });
    const stalled = await stored(HANGING, stuck.messageId);
    // Assert: the healthy reply went out while the hanging one's first call is still in flight, claimed before the call
    expect(sent).toMatchObject({ status: 'sent', providerMessageId: '5991472015333344445' });
    expect(JSON.parse(viber.requests.at(-1)!.body)).toMatchObject({ text: 'Заказ 104777 передан курьеру' });
    expect(stalled).toMatchObject({ status: 'pending' });
    expect(stalled.delivery).toEqual({ try: 1, sendingSince: expect.any(String) });
    expect(hanging.requests.map((r) => JSON.parse(r.body).text)).toEqual(['Смотрю ваш заказ']);
    // Cleanup: the provider goes away; the stalled reply runs out of tries instead of lingering into other tests
    await hanging.close();
    await waitFor(async () => (await stored(HANGING, stuck.messageId)).status === 'failed', 60_000);
  }, 120_000);

  it('gives up on a provider that keeps timing out after the bounded number of tries, as a non-permanent failure', async () => {
    // Arrange: a Telegram that never answers, with a short timeout
    const silent = await startHangingProvider();
    tryingTelegram(silent.baseUrl, 300);
    const contact = await telegramContact();
    // Act
    const message = await reply(HANGING, contact.contactId, 'Вы на связи?');
    await pump.run();
    const failed = await waitFor(async () => {
      const current = await stored(HANGING, message.messageId);
      return current.status === 'failed' && current;
    }, 60_000);
    // Assert: one call per try, each re-queued with the doubling backoff, then failed but resendable
    expect(silent.requests.map((r) => JSON.parse(r.body).text)).toEqual(Array(MAX_DELIVERY_TRIES).fill('Вы на связи?'));
    expect(sleeps.delays).toEqual([2000, 4000, 8000, 16000, 32000].map((ms) => ms / 2));
    expect(failed.failure).toMatchObject({ category: 'provider_unavailable', permanent: false });
    await silent.close();
  }, 90_000);
});

describe('transient failures', () => {
  it('re-queues a 429 with the provider’s retry_after and then delivers, one provider call per try', async () => {
    // Arrange
    tryingTelegram(telegram.baseUrl);
    const contact = await telegramContact();
    const before = telegram.requests.length;
    telegramScript = [{ status: 429, body: readWireText('telegram/error-429-too-many-requests.json') }, { status: 502, body: 'Bad Gateway' }, { body: readWireText('telegram/send-message-response-ok.json') }];
    // Act
    const message = await reply(HANGING, contact.contactId, 'Минуту, уточняю');
    await pump.run();
    await waitFor(async () => (await stored(HANGING, message.messageId)).status === 'sent');
    // Assert: 7 s asked by Telegram, then the backoff of the third try (2 s with no jitter)
    expect(telegram.requests.length - before).toBe(3);
    expect(sleeps.delays).toEqual([7000, 2000]);
    expect(await stored(HANGING, message.messageId)).toMatchObject({ status: 'sent', providerMessageId: '61' });
    expect((await stored(HANGING, message.messageId)).delivery).toBeUndefined();
  });

  it('still delivers when the process dies while recording a transient failure', async () => {
    // Arrange: Telegram answers 502, then OK; writing the deferral of the first try crashes once
    tryingTelegram(telegram.baseUrl);
    const contact = await telegramContact();
    telegramScript = [{ status: 502, body: 'Bad Gateway' }, { body: readWireText('telegram/send-message-response-ok.json') }];
    const messaging = ctx.deps.messaging;
    const save = messaging.saveMessage.bind(messaging);
    let crashed = false;
    messaging.saveMessage = async (message, ...rest) => {
      if (!crashed && message.delivery?.lastError !== undefined) {
        crashed = true;
        throw new Error('process died');
      }
      return save(message, ...rest);
    };
    try {
      // Act
      const message = await reply(HANGING, contact.contactId, 'Сейчас проверю');
      await pump.run();
      // Assert: the next try was queued before the crash, so the reply is not stranded as pending
      await waitFor(async () => (await stored(HANGING, message.messageId)).status === 'sent');
      expect(crashed).toBe(true);
    } finally {
      messaging.saveMessage = save;
    }
  });

  it('records a permanent refusal as failed at once, without retrying', async () => {
    // Arrange
    tryingTelegram(telegram.baseUrl);
    const contact = await telegramContact();
    const before = telegram.requests.length;
    telegramScript = [{ status: 403, body: readWireText('telegram/error-403-bot-blocked.json') }];
    // Act
    const message = await reply(HANGING, contact.contactId, 'Вы здесь?');
    await pump.run();
    await waitFor(async () => (await stored(HANGING, message.messageId)).status === 'failed');
    // Assert
    expect(telegram.requests.length - before).toBe(1);
    expect(sleeps.delays).toEqual([]);
    expect(await stored(HANGING, message.messageId)).toMatchObject({ status: 'failed', failure: { category: 'recipient_unreachable', permanent: true } });
  });
});

describe('local restart', () => {
  it('queues again the replies still waiting when the process stopped, and sends each once', async () => {
    // Arrange: a reply was taken off the stream, but its in-memory job died with the process
    tryingTelegram(telegram.baseUrl);
    const contact = await telegramContact();
    const message = await reply(HANGING, contact.contactId, 'Продолжаем');
    const before = telegram.requests.length;
    telegramScript = [{ body: readWireText('telegram/send-message-response-ok.json') }];
    // Act: a fresh queue, as on the next start
    const fresh = new LocalDeliveryQueue({ run: createDeliveryRunner(ctx.deps, ctx.services.channels), sleep: sleeps.sleep });
    const queued = await requeuePendingDeliveries(ctx.deps, fresh);
    await fresh.settled();
    await requeuePendingDeliveries(ctx.deps, fresh);
    await fresh.settled();
    // Assert
    expect(queued).toBeGreaterThanOrEqual(1);
    expect(telegram.requests.length - before).toBe(1);
    expect(await stored(HANGING, message.messageId)).toMatchObject({ status: 'sent', providerMessageId: '61' });
    fresh.stop();
  });
});

describe('attempts recorded before sending', () => {
  it('records the try before calling the provider, so a redelivered job waits while it is in flight and resends after a crash', async () => {
    // Arrange: a Telegram that never answers, and a record of what the table said when each call arrived
    const atCall: Promise<StoredMessage>[] = [];
    let messageId = '';
    const slow = await startHangingProvider(() => atCall.push(stored(HANGING, messageId)));
    const contact = await telegramContact();
    tryingTelegram(slow.baseUrl, 120_000);
    // Act: the reply's first try reaches the provider and hangs
    const message = await reply(HANGING, contact.contactId, 'Проверяю');
    messageId = message.messageId;
    await pump.run();
    await waitFor(() => atCall.length === 1);
    const job = { tenantId: HANGING, messageId, attempt: 1, try: 1 };
    // The same job again (a redelivered SQS message) while the first call is in flight
    const duplicate = await createDeliveryRunner(ctx.deps, ctx.services.channels)(job).then(() => 'done', (error: unknown) => error);
    // The same job once the lease has expired: the first call is taken to have crashed
    const later = { now: () => new Date(Date.now() + DELIVERY_LEASE_MS + 1000) };
    void createDeliveryRunner({ ...ctx.deps, clock: later }, ctx.services.channels)(job).catch(() => undefined);
    await waitFor(() => atCall.length === 2);
    // Assert
    const [first, second] = await Promise.all(atCall);
    expect(first).toMatchObject({ status: 'pending', delivery: { try: 1, sendingSince: expect.any(String) } });
    expect(duplicate).toBeInstanceOf(DeliveryInFlightError);
    expect(second!.delivery!.sendingSince > first!.delivery!.sendingSince).toBe(true);
    // Telegram offers no duplicate suppression: the resend is the same request, at least once
    expect(slow.requests.map((r) => JSON.parse(r.body).text)).toEqual(['Проверяю', 'Проверяю']);
    queue.stop();
    await slow.close();
  }, 120_000);
});
