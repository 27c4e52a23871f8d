import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readWireSample, readWireText } from '@cc/shared/messaging/testing/wire';
import type { Contact } from '@cc/shared/contacts/model';
import type { StoredMessage } from '@cc/shared/conversations/model';
import { createTestDeps } from '../../test/deps.ts';
import { json } from '../../test/json.ts';
import { createApp } from '../http/app.ts';
import { createMessengerSenders } from '../adapters/messengers/index.ts';
import { type FakeResponse, type FakeProvider, recordingSleep, startFakeProvider } from '../adapters/messengers/testing/fake-provider.ts';
import { messagingReactions } from './reactions.ts';
import { MessagingCustomerNotifier } from './customer-notifier.ts';
import { toPositionView } from '@cc/shared/contacts/position-view';
import { StreamPump, createTestChannel, providerHeaders, scanEntity } from './testing/harness.ts';

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let app: ReturnType<typeof createApp>;
let pump: StreamPump;
let provider: FakeProvider;
let script: FakeResponse[] = [];
const sleeps = recordingSleep();
const TENANT = 'romashka';
const token: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestDeps();
  provider = await startFakeProvider(() => script.shift() ?? { status: 500, body: '{"error":"unscripted"}' });
  const http = { baseUrl: provider.baseUrl, retry: { sleep: sleeps.sleep } };
  ctx.deps.senders = createMessengerSenders({ telegram: http, whatsapp: http, vk: http, viber: http });
  app = createApp(ctx.deps, ctx.services);
  pump = new StreamPump(ctx.deps, messagingReactions(ctx.deps, ctx.services));
  await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: 'tg', kind: 'telegram' });
  await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: 'wa', kind: 'whatsapp' });
  await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: 'vb', kind: 'viber' });
  token.agent = await ctx.issuer.issue({ tenantId: TENANT, userId: 'anna', roles: ['agent'], name: 'Анна', login: 'anna' });
  token.otherAgent = await ctx.issuer.issue({ tenantId: TENANT, userId: 'dmitry', roles: ['agent'], name: 'Дмитрий', login: 'dmitry' });
  token.supervisor = await ctx.issuer.issue({ tenantId: TENANT, userId: 'oleg', roles: ['supervisor'], name: 'Олег', login: 'oleg' });
});
afterAll(async () => {
  await provider.close();
  await ctx.table.drop();
});
beforeEach(() => {
  script = [];
  provider.requests.length = 0;
  sleeps.delays.length = 0;
});

let nextUser = 100;
/** A customer writes on Telegram; the contact is connected to agent Анна. */
async function telegramContact(): Promise<Contact> {
  const userId = nextUser++;
  const sample = readWireSample<{ update_id: number; message: Record<string, unknown> }>('telegram/update-message-text-private.json');
  const update = { update_id: userId, message: { ...sample.message, message_id: userId, from: { ...(sample.message['from'] as object), id: userId }, chat: { id: userId, type: 'private' } } };
  const raw = JSON.stringify(update);
  await app.request('/webhooks/telegram/tg', { method: 'POST', body: raw, headers: providerHeaders('telegram', raw) });
  await pump.run();
  return connect((await scanEntity<Contact>(ctx.deps, 'contact')).find((c) => c.channelId === 'tg' && c.status === 'queued')!);
}
async function whatsAppContact(): Promise<Contact> {
  const raw = readWireText('whatsapp/webhook-message-text.json');
  await app.request('/webhooks/whatsapp/wa', { method: 'POST', body: raw, headers: providerHeaders('whatsapp', raw) });
  await pump.run();
  return connect((await scanEntity<Contact>(ctx.deps, 'contact')).find((c) => c.channelId === 'wa')!);
}
async function connect(contact: Contact): Promise<Contact> {
  if (contact.status === 'connected') return contact;
  const connected: Contact = { ...contact, status: 'connected', agentId: 'anna', statusSince: new Date().toISOString(), version: contact.version + 1 };
  await ctx.deps.contacts.save(connected, contact.version);
  return connected;
}
const reply = (contactId: string, body: object, as = token.agent) =>
  app.request(`/api/contacts/${contactId}/messages`, { method: 'POST', body: JSON.stringify(body), headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' } });
const stored = (messageId: string) => ctx.deps.messaging.getMessage(TENANT, messageId) as Promise<StoredMessage>;

describe('agent replies', () => {
  it('stores the reply with its outbox record in one write and answers 202 before sending', async () => {
    // Arrange
    const contact = await telegramContact();
    // Act
    const res = await reply(contact.contactId, { text: 'Здравствуйте, Анна! Смотрю ваш заказ.' });
    // Assert
    expect(res.status).toBe(202);
    const { message } = await json(res);
    expect(message).toMatchObject({ direction: 'outbound', status: 'pending', authorId: 'anna', contactId: contact.contactId, text: 'Здравствуйте, Анна! Смотрю ваш заказ.' });
    const outbox = (await scanEntity(ctx.deps, 'outbox')).filter((o) => o['messageId'] === message.messageId);
    expect(outbox).toEqual([expect.objectContaining({ attempt: 1, expiresAt: expect.any(Number) })]);
    expect(provider.requests).toHaveLength(0);
    await pump.run();
  });

  it('retries a 429 after retry_after and then delivers', async () => {
    // Arrange
    const contact = await telegramContact();
    script = [{ status: 429, body: readWireText('telegram/error-429-too-many-requests.json') }, { body: readWireText('telegram/send-message-response-ok.json') }];
    const { message } = await json(await reply(contact.contactId, { text: 'Минуту, уточняю' }));
    // Act
    await pump.run();
    // Assert
    expect(provider.requests.filter((r) => r.path.endsWith('/sendMessage'))).toHaveLength(2);
    expect(sleeps.delays).toEqual([7000]);
    expect(await stored(message.messageId)).toMatchObject({ status: 'sent', providerMessageId: '61' });
    expect(JSON.parse(provider.requests[0]!.body)).toMatchObject({ chat_id: Number(contact.conversationId ? (await stored(message.messageId)).conversationExternalId : 0), text: 'Минуту, уточняю' });
  });

  it('records a blocked bot as failed with the provider reason, shows it to the agent and allows a resend', async () => {
    // Arrange
    const contact = await telegramContact();
    script = [{ status: 403, body: readWireText('telegram/error-403-bot-blocked.json') }];
    const { message } = await json(await reply(contact.contactId, { text: 'Вы здесь?' }));
    // Act
    await pump.run();
    const shown = await json(await app.request(`/api/contacts/${contact.contactId}/messages`, { headers: { authorization: `Bearer ${token.agent}` } }));
    script = [{ body: readWireText('telegram/send-message-response-ok.json') }];
    const resend = await app.request(`/api/messages/${message.messageId}/resend`, { method: 'POST', headers: { authorization: `Bearer ${token.agent}` } });
    await pump.run();
    // Assert
    expect(provider.requests).toHaveLength(2);
    const failed = shown.messages.find((m: { messageId: string }) => m.messageId === message.messageId);
    expect(failed).toMatchObject({ status: 'failed', failure: { category: 'recipient_unreachable', reason: 'Forbidden: bot was blocked by the user', providerCode: '403', permanent: true } });
    expect(resend.status).toBe(202);
    expect(await stored(message.messageId)).toMatchObject({ status: 'sent', sendAttempt: 2 });
  });

  it('stores a reply sent twice with the same client id once', async () => {
    // Arrange
    const contact = await telegramContact();
    script = [{ body: readWireText('telegram/send-message-response-ok.json') }];
    // Act
    const first = await reply(contact.contactId, { text: 'Один раз', clientMessageId: 'c-1' });
    const second = await reply(contact.contactId, { text: 'Один раз', clientMessageId: 'c-1' });
    await pump.run();
    // Assert
    expect([first.status, second.status]).toEqual([202, 200]);
    expect((await json(first)).message.messageId).toBe((await json(second)).message.messageId);
    expect(provider.requests).toHaveLength(1);
  });

  it('lets only the agent holding the contact, or a supervisor, reply; never to a finished contact', async () => {
    // Arrange
    const contact = await telegramContact();
    // Act
    const other = await reply(contact.contactId, { text: 'не моё' }, token.otherAgent);
    const bySupervisor = await reply(contact.contactId, { text: 'Подключился руководитель' }, token.supervisor);
    await pump.run();
    await ctx.deps.contacts.save({ ...contact, status: 'closed', version: contact.version + 1 }, contact.version);
    const closed = await reply(contact.contactId, { text: 'поздно' });
    const empty = await reply(contact.contactId, { text: '   ' }, token.supervisor);
    // Assert
    expect(other.status).toBe(403);
    expect(bySupervisor.status).toBe(202);
    expect(closed.status).toBe(409);
    expect(empty.status).toBe(400);
  });
});

describe('whatsapp delivery', () => {
  it('applies delivered and read statuses to the sent message', async () => {
    // Arrange
    const contact = await whatsAppContact();
    script = [{ body: readWireText('whatsapp/send-message-response.json') }];
    const { message } = await json(await reply(contact.contactId, { text: 'Курьер будет в 15:00' }));
    await pump.run();
    const wamid = (await stored(message.messageId)).providerMessageId!;
    const statusWebhook = (status: string, timestamp: number) => {
      const sample = readWireSample<{ entry: Array<{ changes: Array<{ value: { statuses: Array<Record<string, unknown>> } }> }> }>('whatsapp/webhook-status-delivered.json');
      const change = sample.entry[0]!.changes[0]!;
      change.value.statuses = [{ ...change.value.statuses[0], id: wamid, status, timestamp: String(timestamp) }];
      return JSON.stringify(sample);
    };
    const now = Math.floor(Date.now() / 1000);
    // Act
    for (const raw of [statusWebhook('delivered', now), statusWebhook('read', now + 5)]) {
      await app.request('/webhooks/whatsapp/wa', { method: 'POST', body: raw, headers: providerHeaders('whatsapp', raw) });
    }
    await pump.run();
    // Assert
    expect(JSON.parse(provider.requests[0]!.body)).toMatchObject({ messaging_product: 'whatsapp', to: '79001234567', type: 'text', text: { body: 'Курьер будет в 15:00' } });
    expect(await stored(message.messageId)).toMatchObject({ status: 'read', statusHistory: [expect.objectContaining({ status: 'pending' }), expect.objectContaining({ status: 'sent' }), expect.objectContaining({ status: 'delivered' }), expect.objectContaining({ status: 'read' })] });
  });

  it('records the 24-hour window refusal with the provider reason', async () => {
    // Arrange
    const contact = await whatsAppContact();
    script = [{ status: 400, body: readWireText('whatsapp/error-131047-reengagement.json') }];
    // Act
    const { message } = await json(await reply(contact.contactId, { text: 'Добрый день!' }));
    await pump.run();
    // Assert
    expect(await stored(message.messageId)).toMatchObject({
      status: 'failed',
      failure: { category: 'recipient_unreachable', providerCode: '131047', reason: '(#131047) Re-engagement message', detail: expect.stringContaining('24 hours'), permanent: true },
    });
  });
});

describe('queue position notices', () => {
  it('sends the customer their place in the queue through their channel, once per change', async () => {
    // Arrange
    const contact = await telegramContact();
    const notifier = new MessagingCustomerNotifier(ctx.deps);
    const view = toPositionView(contact.contactId, contact.queueId, 3, { contactId: contact.contactId, position: 3, estimatedWaitSeconds: 120 });
    script = [{ body: readWireText('telegram/send-message-response-ok.json') }];
    // Act
    await notifier.notifyQueuePosition(contact, view);
    await notifier.notifyQueuePosition(contact, view);
    await pump.run();
    // Assert
    const sent = provider.requests.filter((r) => r.path.endsWith('/sendMessage'));
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]!.body).text).toBe(view.text.ru);
  });
});

describe('viber delivery', () => {
  it('finds the sent message by its exact 64-bit token when Viber reports it delivered and seen', async () => {
    // Arrange: Мария writes on Viber, the agent replies, Viber answers with a token beyond 2^53
    const incoming = readWireText('viber/callback-message-text.json');
    await app.request('/webhooks/viber/vb', { method: 'POST', body: incoming, headers: providerHeaders('viber', incoming) });
    await pump.run();
    const contact = await connect((await scanEntity<Contact>(ctx.deps, 'contact')).find((c) => c.channelId === 'vb')!);
    script = [{ body: readWireText('viber/send-message-response-ok.json') }];
    const { message } = await json(await reply(contact.contactId, { text: 'Заказ 104777 передан курьеру' }));
    await pump.run();
    const report = (event: 'delivered' | 'seen', timestamp: number) =>
      readWireText('viber/callback-delivered.json').replace('"delivered"', `"${event}"`).replace('5991472014222233334', '5991472015333344445').replace('1718872800111', String(timestamp));
    // Act
    for (const raw of [report('delivered', Date.now()), report('seen', Date.now() + 1000)]) {
      await app.request('/webhooks/viber/vb', { method: 'POST', body: raw, headers: providerHeaders('viber', raw) });
    }
    await pump.run();
    // Assert
    expect(JSON.parse(provider.requests[0]!.body)).toMatchObject({ receiver: '01234567890A=', type: 'text', text: 'Заказ 104777 передан курьеру' });
    expect(await stored(message.messageId)).toMatchObject({ providerMessageId: '5991472015333344445', status: 'read' });
  });
});
