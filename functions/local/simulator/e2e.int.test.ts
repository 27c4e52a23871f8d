// End to end on DynamoDB Local: the simulator plays the customers and the providers against the
// whole local contact center (webhook routes, inbox stream, routing, outbox, senders).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Contact } from '@cc/shared/contacts/model';
import { startContactCenter, type RunningContactCenter } from '../contact-center.ts';
import { json } from '../../../test/json.ts';
import { waitFor } from '../../../test/live.ts';

let center: RunningContactCenter;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true });
  for (const role of ['admin', 'supervisor'] as const) {
    const user = center.demo.users.find((u) => u.role === role)!;
    const res = await fetch(`${center.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: user.login, password: user.password }) });
    tokens[role] = (await json(res)).token;
  }
}, 120_000);
afterAll(() => center?.stop());

const api = (method: string, path: string, role: 'admin' | 'supervisor', body?: unknown) =>
  fetch(`${center.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

const waitingOn = async (channelId: string, queueId: string) => (await center.deps.contacts.listWaiting(center.demo.tenantId, queueId)).filter((c: Contact) => c.channelId === channelId);

/** Has a persona write on a channel and returns the contact it queued (one that was not waiting before). */
async function writeAndQueue(channelId: string, queueId: string, personaId: string, text: string) {
  const before = new Set((await waitingOn(channelId, queueId)).map((c) => c.contactId));
  const sent = await center.simulator.say(channelId, personaId, text);
  const contact = await waitFor(async () => (await waitingOn(channelId, queueId)).find((c) => !before.has(c.contactId)));
  return { sent, contact };
}

const demoChannel = (kind: string) => center.demo.channels.find((c) => c.type === kind)!;

describe('simulator → webhook → queued contact', () => {
  it.each([
    ['telegram', 'support'],
    ['whatsapp', 'support'],
    ['vk', 'support'],
    ['viber', 'support'],
  ])('queues a contact for a %s message in the channel queue', async (kind, queueId) => {
    // Arrange
    const channel = demoChannel(kind);
    // Act
    const { sent, contact } = await writeAndQueue(channel.channelId, queueId, 'ivan', 'Добрый день! Где мой заказ 104777?');
    // Assert
    expect(sent.webhook).toMatchObject({ status: 200, accepted: true });
    expect(contact).toMatchObject({ tenantId: center.demo.tenantId, channel: kind, queueId, status: 'queued' });
  });

  it('connects a new Telegram bot through the admin API, registers its webhook, and queues its first message', async () => {
    // Arrange: an admin connects the bot and registers the webhook with the (simulated) Bot API
    const created = await json(await api('POST', '/api/channels', 'admin', { kind: 'telegram', name: 'Telegram @romashka_sales_bot', defaultQueueId: 'vip', secrets: { botToken: '7123456789:AAE2e-test-token-abcdefghijklmnop' } }));
    const registered = await api('POST', `/api/channels/${created.channelId}/register-webhook`, 'admin');
    // Act
    const { sent, contact } = await writeAndQueue(created.channelId, 'vip', 'john', 'Hello, I would like to upgrade my plan');
    // Assert
    expect(registered.status).toBe(200);
    expect(center.simulator.registeredWebhook(created.channelId)?.url).toBe(`${center.baseUrl}/webhooks/telegram/${created.channelId}`);
    expect(sent.webhook).toMatchObject({ status: 200, accepted: true });
    expect(contact).toMatchObject({ channel: 'telegram', status: 'queued' });
  });

  it('refuses forged webhooks with 401 and queues nothing for them', async () => {
    // Arrange: a channel of its own, so nothing else can queue on it
    const created = await json(await api('POST', '/api/channels', 'admin', { kind: 'whatsapp', name: 'WhatsApp forged', defaultQueueId: 'support', secrets: { accessToken: 'EAAG-e2e-forged-access-token', appSecret: 'e2e-forged-app-secret', verifyToken: 'e2e-forged-verify', phoneNumberId: '106540350000001' } }));
    // Act
    const forged = await center.simulator.say(created.channelId, 'anna', 'Поддельное сообщение', { forgery: 'bad-signature' });
    const unsigned = await center.simulator.say(created.channelId, 'anna', 'Без подписи', { forgery: 'missing-signature' });
    // Assert
    expect([forged.webhook.status, unsigned.webhook.status]).toEqual([401, 401]);
    const waiting = await center.deps.contacts.listWaiting(center.demo.tenantId, 'support');
    expect(waiting.filter((c) => c.channelId === created.channelId)).toEqual([]);
  });
});

describe('replies through the simulated provider APIs', () => {
  it('reports a WhatsApp reply delivered and then read on the stored message', async () => {
    // Arrange
    const channel = demoChannel('whatsapp');
    const { contact } = await writeAndQueue(channel.channelId, 'support', 'john', 'Is my parcel on its way?');
    // Act: a supervisor replies; the simulator accepts it and (on its own) reports delivery; the customer reads it
    const { message } = await json(await api('POST', `/api/contacts/${contact.contactId}/messages`, 'supervisor', { text: 'Yes, it arrives today between 2 and 4 pm.' }));
    const reply = await center.simulator.waitFor(() => center.simulator.transcript(channel.channelId, 'john').find((e) => e.from === 'business' && e.delivery === 'delivered'));
    const delivered = await waitFor(async () => (await center.deps.messaging.getMessage(center.demo.tenantId, message.messageId))?.status === 'delivered');
    await center.simulator.read(channel.channelId, 'john');
    const read = await waitFor(async () => {
      const stored = await center.deps.messaging.getMessage(center.demo.tenantId, message.messageId);
      return stored?.status === 'read' ? stored : undefined;
    });
    // Assert
    // A supervisor who has not taken the chat over signs their replies.
    expect(reply.text).toBe(`${center.demo.users.find((u) => u.role === 'supervisor')!.name}: Yes, it arrives today between 2 and 4 pm.`);
    expect(delivered).toBe(true);
    expect(read.providerMessageId).toBe(reply.providerMessageId);
  });

  it('retries a Telegram reply after a switched 429 and marks one that meets a blocked bot as failed', async () => {
    // Arrange: Telegram lands in the 24/7 support queue, so no out-of-hours auto-reply takes the scripted failures
    const channel = demoChannel('telegram');
    const { contact } = await writeAndQueue(channel.channelId, 'support', 'anna', 'Здравствуйте! Хочу вернуть товар');
    center.simulator.failNext(channel.channelId, 'rate_limit', { retryAfterSeconds: 1, personaId: 'anna', textIncludes: 'Оформим возврат' });
    // Act: the first reply meets the 429, the second a blocked bot
    const first = (await json(await api('POST', `/api/contacts/${contact.contactId}/messages`, 'supervisor', { text: 'Оформим возврат, пришлите номер заказа.' }))).message;
    const sent = await waitFor(async () => {
      const stored = await center.deps.messaging.getMessage(center.demo.tenantId, first.messageId);
      return stored?.status === 'sent' ? stored : undefined;
    });
    center.simulator.failNext(channel.channelId, 'blocked', { personaId: 'anna', textIncludes: 'Вы здесь?' });
    const second = (await json(await api('POST', `/api/contacts/${contact.contactId}/messages`, 'supervisor', { text: 'Вы здесь?' }))).message;
    const failed = await waitFor(async () => {
      const stored = await center.deps.messaging.getMessage(center.demo.tenantId, second.messageId);
      return stored?.status === 'failed' ? stored : undefined;
    });
    // Assert
    const calls = center.simulator.calls(channel.channelId).filter((c) => c.method === 'sendMessage');
    expect(calls.map((c) => c.status)).toEqual([429, 200, 403]);
    expect(sent.providerMessageId).toBe(center.simulator.transcript(channel.channelId, 'anna').find((e) => e.from === 'business')?.providerMessageId);
    expect(failed.status).toBe('failed');
  });
});
