import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readWireSample, readWireText } from '@cc/shared/messaging/testing/wire';
import type { Contact } from '@cc/shared/contacts/model';
import type { Principal } from '@cc/shared/auth/model';
import { createTestDeps } from '../../test/deps.ts';
import { json } from '../../test/json.ts';
import { createApp } from '../http/app.ts';
import { createMessengerSenders } from '../adapters/messengers/index.ts';
import { type FakeProvider, recordingSleep, startFakeProvider } from '../adapters/messengers/testing/fake-provider.ts';
import { messagingReactions } from './reactions.ts';
import { StreamPump, TEST_SECRETS, createTestChannel, providerHeaders, scanEntity } from './testing/harness.ts';

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let app: ReturnType<typeof createApp>;
let pump: StreamPump;
let telegram: FakeProvider;
let supervisor: string;
const TENANT = 'romashka';

type Update = { update_id: number; message: Record<string, unknown> };
const base = readWireSample<Update>('telegram/update-message-text-private.json');
let nextId = 1000;
/** A Telegram text update from customer `userId` in their private chat. */
const tgText = (text: string, userId = 412345678, extra: Record<string, unknown> = {}): Update => {
  const id = nextId++;
  const from = { ...(base.message['from'] as object), id: userId };
  const chat = { ...(base.message['chat'] as object), id: userId };
  return { update_id: id, message: { ...base.message, message_id: id, from, chat, text, date: 1718871000 + id, ...extra } };
};

beforeAll(async () => {
  ctx = await createTestDeps();
  telegram = await startFakeProvider(() => ({ body: JSON.stringify({ ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: 'private' } } }) }));
  ctx.deps.senders = createMessengerSenders({ telegram: { baseUrl: telegram.baseUrl, retry: { sleep: recordingSleep().sleep } } });
  app = createApp(ctx.deps, ctx.services);
  pump = new StreamPump(ctx.deps, messagingReactions(ctx.deps, ctx.services));
  await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: 'tg', kind: 'telegram', defaultQueueId: 'support' });
  await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: 'tg-menu', kind: 'telegram', defaultQueueId: 'support', settings: { preChatMenu: { prompt: 'Выберите отдел:', options: [{ title: 'Продажи', queueId: 'sales' }, { title: 'Поддержка', queueId: 'support' }] } } });
  await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: 'wa', kind: 'whatsapp', defaultQueueId: 'support' });
  await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: 'vk', kind: 'vk', defaultQueueId: 'support' });
  const principal: Principal = { tenantId: TENANT, userId: 'sup', roles: ['supervisor'], name: 'Олег', login: 'sup' };
  supervisor = await ctx.issuer.issue(principal);
});
afterAll(async () => {
  await telegram.close();
  await ctx.table.drop();
});
beforeEach(() => {
  telegram.requests.length = 0;
});
afterEach(() => pump.run());

const sendTelegram = async (update: object, channelId = 'tg') => {
  const raw = JSON.stringify(update);
  const res = await app.request(`/webhooks/telegram/${channelId}`, { method: 'POST', body: raw, headers: providerHeaders('telegram', raw) });
  expect(res.status).toBe(200);
};
const api = async (path: string, init: { method?: string; body?: unknown } = {}) =>
  app.request(`/api${path}`, { method: init.method ?? 'GET', ...(init.body !== undefined && { body: JSON.stringify(init.body) }), headers: { authorization: `Bearer ${supervisor}`, 'content-type': 'application/json' } });
const contacts = async () => (await scanEntity<Contact>(ctx.deps, 'contact')).filter((c) => c.channel !== 'callback');
const contactsOf = async (customerExternalId: number) => {
  const all = await contacts();
  const messages = await scanEntity<{ contactId?: string; customerExternalId: string }>(ctx.deps, 'message');
  const ids = new Set(messages.filter((m) => m.customerExternalId === String(customerExternalId)).map((m) => m.contactId));
  return all.filter((c) => ids.has(c.contactId)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
};
const messagesOf = async (contactId: string) => (await json(await api(`/contacts/${contactId}/messages`))).messages as Array<Record<string, unknown>>;

describe('inbound messages become contacts', () => {
  it('opens a queued contact in the channel queue for the first message, with its customer and conversation', async () => {
    // Arrange
    const update = tgText('Здравствуйте! Не могу оплатить заказ', 5001);
    // Act
    await sendTelegram(update);
    await pump.run();
    // Assert
    const [contact] = await contactsOf(5001);
    expect(contact).toMatchObject({ tenantId: TENANT, status: 'queued', queueId: 'support', channel: 'telegram', channelId: 'tg', conversationId: expect.stringMatching(/^conv_/), customerId: expect.stringMatching(/^cus_/), version: 1 });
    expect(await messagesOf(contact!.contactId)).toEqual([expect.objectContaining({ direction: 'inbound', kind: 'text', text: 'Здравствуйте! Не могу оплатить заказ', status: 'received', contactId: contact!.contactId })]);
    const customer = await ctx.deps.customers.get(TENANT, contact!.customerId!);
    expect(customer).toMatchObject({ channel: 'telegram', externalId: '5001', name: 'Анна Смирнова', username: 'anna_smirnova', language: 'ru' });
  });

  it('appends later messages to the open contact', async () => {
    // Act
    await sendTelegram(tgText('первое', 5002));
    await pump.run();
    await sendTelegram(tgText('второе', 5002));
    await pump.run();
    // Assert
    const list = await contactsOf(5002);
    expect(list).toHaveLength(1);
    expect((await messagesOf(list[0]!.contactId)).map((m) => m['text'])).toEqual(['первое', 'второе']);
  });

  it('opens a new contact linked to the old one for a message after the contact closed', async () => {
    // Arrange
    await sendTelegram(tgText('вопрос', 5003));
    await pump.run();
    const [first] = await contactsOf(5003);
    await ctx.deps.contacts.save({ ...first!, status: 'closed', statusSince: new Date().toISOString(), version: first!.version + 1 }, first!.version);
    // Act
    await sendTelegram(tgText('ещё вопрос', 5003));
    await pump.run();
    // Assert
    const list = await contactsOf(5003);
    expect(list).toHaveLength(2);
    expect(list[1]).toMatchObject({ status: 'queued', previousContactId: first!.contactId, conversationId: first!.conversationId, customerId: first!.customerId });
  });

  it('stores a delivery replayed 5 times once, and its stream records applied twice change nothing', async () => {
    // Arrange
    const update = tgText('повтор', 5004);
    // Act
    for (let i = 0; i < 5; i++) await sendTelegram(update);
    await pump.run();
    const inboxItems = (await scanEntity(ctx.deps, 'idempotency')).filter((i) => JSON.stringify(i).includes('"5004"'));
    const again = new StreamPump(ctx.deps, messagingReactions(ctx.deps, ctx.services));
    await again.run();
    // Assert
    expect(inboxItems).toHaveLength(1);
    expect(inboxItems[0]!['expiresAt']).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 7 * 24 * 3600);
    const list = await contactsOf(5004);
    expect(list).toHaveLength(1);
    expect(await messagesOf(list[0]!.contactId)).toHaveLength(1);
  });

  it('updates an edited message and keeps what it said before', async () => {
    // Arrange: the documented message 57 and its documented edit
    await sendTelegram(readWireSample('telegram/update-message-text-private.json'));
    await pump.run();
    // Act
    await sendTelegram(readWireSample('telegram/update-edited-message.json'));
    await pump.run();
    // Assert
    const [contact] = await contactsOf(412345678);
    const [message] = await messagesOf(contact!.contactId);
    expect(message).toMatchObject({ text: 'Здравствуйте! Не могу оплатить заказ 104532', edited: true, editHistory: [{ text: 'Здравствуйте! Не могу оплатить заказ 104523', attachments: [], at: '2024-06-20T08:10:00.000Z' }] });
  });

  it('keeps the history of a VK message_edit too', async () => {
    // Arrange
    const sample = readWireSample<{ object: { message: Record<string, unknown> } }>('vk/callback-message-new.json');
    const post = (body: object) => app.request('/webhooks/vk/vk', { method: 'POST', body: JSON.stringify({ ...body, secret: TEST_SECRETS.vk.secret, group_id: Number(TEST_SECRETS.vk.groupId) }), headers: { 'content-type': 'application/json' } });
    await post(sample);
    await pump.run();
    // Act
    await post({ type: 'message_edit', event_id: 'edit-1', v: '5.199', object: { ...sample.object.message, text: 'Добрый вечер, хочу обменять товар', update_time: 1718872100 } });
    await pump.run();
    // Assert
    const message = (await scanEntity<Record<string, unknown>>(ctx.deps, 'message')).find((m) => m['channelId'] === 'vk');
    expect(message).toMatchObject({ text: 'Добрый вечер, хочу обменять товар', edited: true, editHistory: [expect.objectContaining({ text: 'Добрый вечер, хочу вернуть товар' })] });
  });
});

describe('pre-chat menu', () => {
  it('asks for the department first, then opens the contact in the picked queue with the held message', async () => {
    // Arrange
    await sendTelegram(tgText('Хочу купить диван', 6001), 'tg-menu');
    await pump.run();
    const menuRequest = telegram.requests.find((r) => r.path.endsWith('/sendMessage'));
    const held = await contacts();
    // Act: the customer presses «Продажи»
    const sent = JSON.parse(menuRequest!.body) as { reply_markup: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> } };
    const press = readWireSample<{ callback_query: Record<string, unknown> }>('telegram/update-callback-query.json');
    const user = { ...(press.callback_query['from'] as object), id: 6001 };
    await sendTelegram({ update_id: nextId++, callback_query: { ...press.callback_query, id: 'cbq-6001', from: user, message: { message_id: 1, chat: { id: 6001, type: 'private' }, date: 1718871200, text: 'Выберите отдел:', reply_markup: sent.reply_markup }, data: sent.reply_markup.inline_keyboard[0]![0]!.callback_data } }, 'tg-menu');
    await pump.run();
    // Assert
    expect(sent.reply_markup.inline_keyboard.flat().map((b) => b.text)).toEqual(['Продажи', 'Поддержка']);
    expect((await contactsOf(6001))).toHaveLength(1);
    expect(held.filter((c) => c.channelId === 'tg-menu')).toHaveLength(0);
    const [contact] = await contactsOf(6001);
    expect(contact).toMatchObject({ queueId: 'sales', menuChoice: 'sales', status: 'queued' });
    expect((await messagesOf(contact!.contactId)).map((m) => m['text'])).toEqual(['Хочу купить диван', 'Продажи']);
    expect(telegram.requests.some((r) => r.path.endsWith('/answerCallbackQuery') && r.body.includes('cbq-6001'))).toBe(true);
  });

  it('picks the queue from a /start deep link without asking', async () => {
    // Act
    await sendTelegram(tgText('/start support', 6002, { entities: [{ type: 'bot_command', offset: 0, length: 6 }] }), 'tg-menu');
    await pump.run();
    await sendTelegram(tgText('Сломался диван', 6002), 'tg-menu');
    await pump.run();
    // Assert
    const [contact] = await contactsOf(6002);
    expect(contact).toMatchObject({ queueId: 'support', menuChoice: 'support' });
    expect(telegram.requests.filter((r) => r.path.endsWith('/sendMessage'))).toHaveLength(0);
  });
});

describe('customers across channels', () => {
  it('suggests merging customers who share a phone, merges them and pages their whole history', async () => {
    // Arrange: Ольга writes on WhatsApp (her wa_id is her phone) and shares her own contact on Telegram
    const wa = readWireText('whatsapp/webhook-message-text.json');
    await app.request('/webhooks/whatsapp/wa', { method: 'POST', body: wa, headers: providerHeaders('whatsapp', wa) });
    await sendTelegram(tgText('привет', 7001));
    await sendTelegram(tgText('', 7001, { text: undefined, contact: { phone_number: '79001234567', first_name: 'Ольга', user_id: 7001 } }));
    await pump.run();
    const [tgContact] = await contactsOf(7001);
    // Act
    const profile = await json(await api(`/customers/${tgContact!.customerId}`));
    const merged = await api(`/customers/${tgContact!.customerId}/merge`, { method: 'POST', body: { customerId: profile.mergeSuggestions[0].customerId } });
    const page1 = await json(await api(`/customers/${tgContact!.customerId}/history?limit=2`));
    const page2 = await json(await api(`/customers/${tgContact!.customerId}/history?limit=2&cursor=${page1.nextCursor}`));
    // Assert
    expect(profile.customer).toMatchObject({ phone: '+79001234567', channel: 'telegram' });
    expect(profile.mergeSuggestions).toEqual([expect.objectContaining({ channel: 'whatsapp', name: 'Ольга Иванова', phone: '+79001234567', reason: 'same_phone' })]);
    expect(merged.status).toBe(200);
    expect((await json(merged)).mergeSuggestions).toEqual([]);
    expect(page1.messages.map((m: { channel: string }) => m.channel).sort()).toEqual(['telegram', 'telegram']);
    expect(page1.contacts.map((c: { channel: string }) => c.channel).sort()).toEqual(['telegram', 'whatsapp']);
    expect(page2.messages).toEqual([expect.objectContaining({ channel: 'whatsapp', text: 'Добрый день! Когда приедет курьер?' })]);
    expect(page2.nextCursor).toBeUndefined();
  });

  it('answers 404 for a customer of another tenant and 400 for a forged cursor', async () => {
    // Arrange
    const [any] = await contactsOf(5001);
    const other = await ctx.issuer.issue({ tenantId: 'other', userId: 'x', roles: ['supervisor'], name: 'x', login: 'x' });
    // Act
    const foreign = await app.request(`/api/customers/${any!.customerId}`, { headers: { authorization: `Bearer ${other}` } });
    const forged = await api(`/customers/${any!.customerId}/history?cursor=abc`);
    // Assert
    expect(foreign.status).toBe(404);
    expect(forged.status).toBe(400);
  });
});
