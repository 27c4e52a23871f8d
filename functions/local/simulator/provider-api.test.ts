import { describe, expect, it } from 'vitest';
import { readWireSample, readWireText } from '@cc/shared/messaging/testing/wire';
import { parseViberJson } from '@cc/shared/messaging/viber/schema';
import { VIBER_SIGNATURE_HEADER, verifyViberSignature } from '@cc/shared/messaging/index';
import { createTestSimulator, recordingReceiver } from './testing.ts';
import { customerIdentity, DEFAULT_PERSONAS } from './personas.ts';

const anna = DEFAULT_PERSONAS[0]!;
const tg = { kind: 'telegram' as const, botToken: '7012345678:AAF-test-token-not-real-0123456789' };
const wa = { kind: 'whatsapp' as const, accessToken: 'EAAtestTokenNotReal', phoneNumberId: '106540352242922' };
const vk = { kind: 'vk' as const, accessToken: 'vk1.a.test-token-not-real' };
const vb = { kind: 'viber' as const, authToken: '4f1a7c2e9b3d5a60-8c2e1f4b7a9d3e5c-0a1b2c3d4e5f6a7b', senderName: 'Ромашка' };
const to = (channelId: string, key: 'telegramUserId' | 'waId' | 'vkUserId' | 'viberUserId') => String(customerIdentity(anna, channelId)[key]);

/** The structure of a JSON value: objects keep their keys, leaves become their type. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}
const lastCall = (sim: ReturnType<typeof createTestSimulator>['sim']) => sim.calls().at(-1)!;

describe('fake Telegram Bot API', () => {
  it('answers sendMessage like the documented response, and records the request in the documented shape', async () => {
    // Arrange
    const { sim, senders } = createTestSimulator();
    const sample = readWireSample<{ body: Record<string, unknown> }>('telegram/send-message-request.json');
    // Act
    const result = await senders.telegram.send(tg, { conversationExternalId: to('tg-test', 'telegramUserId'), text: 'Здравствуйте, Анна!', format: 'html', replyToProviderMessageId: '57', buttons: [{ title: 'Закрыть обращение', payload: 'close:ct-1' }], idempotencyKey: 'k1' });
    // Assert
    expect(result).toMatchObject({ ok: true, attempts: 1 });
    const call = lastCall(sim);
    expect(call).toMatchObject({ kind: 'telegram', channelId: 'tg-test', method: 'sendMessage', path: `/simulator/telegram/bot${tg.botToken}/sendMessage`, status: 200 });
    expect(shape(call.params)).toEqual(shape(sample.body));
    expect(shape(JSON.parse(call.response))).toEqual(shape(readWireSample('telegram/send-message-response-ok.json')));
    const reply = sim.transcript('tg-test', 'anna').find((e) => e.from === 'business');
    expect(reply).toMatchObject({ text: 'Здравствуйте, Анна!', providerMessageId: (result as { providerMessageId: string }).providerMessageId, buttons: [{ title: 'Закрыть обращение', payload: 'close:ct-1' }] });
  });

  it('refuses a wrong token with 401 Unauthorized', async () => {
    // Arrange
    const { senders } = createTestSimulator();
    // Act
    const result = await senders.telegram.send({ kind: 'telegram', botToken: '7012345678:AAwrong-token-0000000000000000' }, { conversationExternalId: '1', text: 'x', idempotencyKey: 'k' });
    // Assert
    expect(result).toMatchObject({ ok: false, category: 'unauthorized', providerCode: '401', reason: 'Unauthorized' });
  });

  it('fails only the chat a switch targets: a send to another chat first does not use it up', async () => {
    // Arrange: the page's button targets the chat it is pressed in; another chat's send (a queue notice) comes first
    const { sim, senders } = createTestSimulator();
    const other = DEFAULT_PERSONAS[1]!;
    sim.failNext('tg-test', 'blocked', { personaId: anna.id });
    // Act
    const notice = await senders.telegram.send(tg, { conversationExternalId: String(customerIdentity(other, 'tg-test').telegramUserId), text: 'Вы в очереди', idempotencyKey: 'k1' });
    const blocked = await senders.telegram.send(tg, { conversationExternalId: to('tg-test', 'telegramUserId'), text: 'Ещё одно сообщение', idempotencyKey: 'k2' });
    // Assert
    expect(notice).toMatchObject({ ok: true });
    expect(blocked).toMatchObject({ ok: false, providerCode: '403' });
    expect(sim.pendingFailures('tg-test')).toEqual([]);
  });

  it('fails only the message a switch aims at by text: a notice to the same chat does not use it up', async () => {
    // Arrange
    const { sim, senders } = createTestSimulator();
    sim.failNext('tg-test', 'blocked', { personaId: anna.id, textIncludes: 'Ещё одно' });
    // Act
    const notice = await senders.telegram.send(tg, { conversationExternalId: to('tg-test', 'telegramUserId'), text: 'Вы в очереди', idempotencyKey: 'k1' });
    const blocked = await senders.telegram.send(tg, { conversationExternalId: to('tg-test', 'telegramUserId'), text: 'Ещё одно сообщение', idempotencyKey: 'k2' });
    // Assert
    expect(notice).toMatchObject({ ok: true });
    expect(blocked).toMatchObject({ ok: false, providerCode: '403' });
  });

  it('answers 429 with retry_after when switched, and the sender waits that long and succeeds', async () => {
    // Arrange
    const { sim, senders, delays } = createTestSimulator();
    sim.failNext('tg-test', 'rate_limit', { retryAfterSeconds: 7 });
    // Act
    const result = await senders.telegram.send(tg, { conversationExternalId: to('tg-test', 'telegramUserId'), text: 'Ответ', idempotencyKey: 'k' });
    // Assert
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(delays).toEqual([7000]);
    const refused = sim.calls('tg-test')[0]!;
    expect(refused).toMatchObject({ status: 429, failure: 'rate_limit' });
    expect(JSON.parse(refused.response)).toEqual(readWireSample('telegram/error-429-too-many-requests.json'));
    expect(sim.transcript('tg-test', 'anna').map((e) => e.from)).toEqual(['system', 'business']);
  });

  it('answers 403 bot blocked when switched, a permanent failure', async () => {
    // Arrange
    const { sim, senders } = createTestSimulator();
    sim.failNext('tg-test', 'blocked');
    // Act
    const result = await senders.telegram.send(tg, { conversationExternalId: to('tg-test', 'telegramUserId'), text: 'Ответ', idempotencyKey: 'k' });
    // Assert
    expect(result).toMatchObject({ ok: false, permanent: true, category: 'recipient_unreachable', providerCode: '403' });
    expect(JSON.parse(lastCall(sim).response)).toEqual(readWireSample('telegram/error-403-bot-blocked.json'));
  });

  it('registers a webhook with setWebhook and then delivers to it with the new secret token', async () => {
    // Arrange
    const { sim, senders, received } = createTestSimulator();
    // Act
    const result = await senders.telegram.setWebhook(tg, { url: 'https://cc.example/webhooks/telegram/tg-test', secretToken: 'rotated_Secret-1', allowedUpdates: ['message', 'callback_query'] });
    await sim.say('tg-test', 'anna', 'привет');
    // Assert
    expect(result).toEqual({ ok: true, attempts: 1 });
    expect(lastCall(sim).params).toEqual({ url: 'https://cc.example/webhooks/telegram/tg-test', secret_token: 'rotated_Secret-1', allowed_updates: ['message', 'callback_query'] });
    expect(JSON.parse(lastCall(sim).response)).toEqual({ ok: true, result: true, description: 'Webhook was set' });
    expect(received[0]).toMatchObject({ url: 'https://cc.example/webhooks/telegram/tg-test', headers: { 'x-telegram-bot-api-secret-token': 'rotated_Secret-1' } });
  });

  it('sends a callback query for a button press and marks it answered after answerCallbackQuery', async () => {
    // Arrange
    const { sim, senders, received } = createTestSimulator();
    await senders.telegram.send(tg, { conversationExternalId: to('tg-test', 'telegramUserId'), text: 'Оцените', buttons: [{ title: '👍', payload: 'csat:5' }], idempotencyKey: 'k' });
    const ours = sim.transcript('tg-test', 'anna').find((e) => e.from === 'business')!;
    // Act
    await sim.press('tg-test', 'anna', ours.id, 'csat:5');
    const update = JSON.parse(received[0]!.body);
    const answered = await senders.telegram.answerCallbackQuery(tg, update.callback_query.id);
    // Assert
    const sample = readWireSample<{ callback_query: { message: object } }>('telegram/update-callback-query.json');
    expect(update.callback_query).toMatchObject({ data: 'csat:5', message: { message_id: Number(ours.providerMessageId), text: 'Оцените' } });
    expect(Object.keys(update.callback_query).sort()).toEqual(Object.keys(sample.callback_query).sort());
    expect(Object.keys(update.callback_query.message).sort()).toEqual(Object.keys(sample.callback_query.message).sort());
    expect(answered).toEqual({ ok: true, attempts: 1 });
    expect(sim.transcript('tg-test', 'anna').find((e) => e.from === 'customer')?.answered).toBe(true);
  });
});

describe('fake WhatsApp Cloud API', () => {
  it('answers a text message like the documented response and reports delivery with signed status webhooks', async () => {
    // Arrange
    const receiver = recordingReceiver();
    const { sim, senders } = createTestSimulator({ webhookFetch: receiver.fetch });
    // Act
    const result = await senders.whatsapp.send(wa, { conversationExternalId: to('wa-test', 'waId'), text: 'Курьер будет с 14:00 до 16:00.', idempotencyKey: 'k' });
    const delivered = await sim.deliver('wa-test', 'anna');
    const read = await sim.read('wa-test', 'anna');
    // Assert
    expect(result).toMatchObject({ ok: true });
    const call = lastCall(sim);
    expect(call.path).toBe('/simulator/whatsapp/v21.0/106540352242922/messages');
    expect(call.headers.authorization).toBe('Bearer EAAtestTokenNotReal');
    expect(shape(call.params)).toEqual(shape(readWireSample<{ body: unknown }>('whatsapp/send-message-text-request.json').body));
    expect(shape(JSON.parse(call.response))).toEqual(shape(readWireSample('whatsapp/send-message-response.json')));
    expect([delivered, read]).toEqual([1, 1]);
    const statuses = receiver.received.map((r) => JSON.parse(r.body).entry[0].changes[0].value.statuses.map((s: { status: string }) => s.status));
    expect(statuses).toEqual([['sent', 'delivered'], ['read']]);
    const deliveredStatus = JSON.parse(receiver.received[0]!.body).entry[0].changes[0].value.statuses[1];
    expect(shape(deliveredStatus)).toEqual(shape(readWireSample<{ entry: [{ changes: [{ value: { statuses: unknown[] } }] }] }>('whatsapp/webhook-status-delivered.json').entry[0].changes[0].value.statuses[0]));
    expect(deliveredStatus.id).toBe((result as { providerMessageId: string }).providerMessageId);
    expect(sim.transcript('wa-test', 'anna').find((e) => e.from === 'business')?.delivery).toBe('read');
  });

  it('answers 131047 re-engagement when switched to blocked, and 401 code 190 for a wrong token', async () => {
    // Arrange
    const { sim, senders } = createTestSimulator();
    sim.failNext('wa-test', 'blocked');
    // Act
    const blocked = await senders.whatsapp.send(wa, { conversationExternalId: to('wa-test', 'waId'), text: 'x', idempotencyKey: 'k' });
    const wrong = await senders.whatsapp.send({ ...wa, accessToken: 'EAAwrong' }, { conversationExternalId: to('wa-test', 'waId'), text: 'x', idempotencyKey: 'k' });
    // Assert
    expect(blocked).toMatchObject({ ok: false, permanent: true, category: 'recipient_unreachable', providerCode: '131047' });
    const { fbtrace_id: _a, ...body } = JSON.parse(sim.calls('wa-test')[0]!.response).error;
    const { fbtrace_id: _b, ...sample } = readWireSample<{ error: Record<string, unknown> }>('whatsapp/error-131047-reengagement.json').error;
    expect(body).toEqual(sample);
    expect(wrong).toMatchObject({ ok: false, category: 'unauthorized', providerCode: '190' });
  });

  it('answers 130429 rate limit when switched, which the sender retries', async () => {
    // Arrange
    const { sim, senders, delays } = createTestSimulator();
    sim.failNext('wa-test', 'rate_limit');
    // Act
    const result = await senders.whatsapp.send(wa, { conversationExternalId: to('wa-test', 'waId'), text: 'x', idempotencyKey: 'k' });
    // Assert
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(delays).toHaveLength(1);
    const { fbtrace_id: _a, ...body } = JSON.parse(sim.calls('wa-test')[0]!.response).error;
    const { fbtrace_id: _b, ...sample } = readWireSample<{ error: Record<string, unknown> }>('whatsapp/error-130429-rate-limit.json').error;
    expect(body).toEqual(sample);
  });
});

describe('fake VK API', () => {
  it('answers messages.send with the message id, form params in the documented shape, and drops a repeated random_id', async () => {
    // Arrange
    const { sim, senders } = createTestSimulator();
    const message = { conversationExternalId: to('vk-test', 'vkUserId'), text: 'Пришлите номер заказа.', idempotencyKey: 'reply-1' };
    // Act
    const first = await senders.vk.send(vk, message);
    const again = await senders.vk.send(vk, message);
    // Assert
    expect(first).toMatchObject({ ok: true });
    expect(again).toEqual(first);
    const call = lastCall(sim);
    expect(Object.keys(call.params).sort()).toEqual(Object.keys(readWireSample<{ params: object }>('vk/messages-send-request.json').params).filter((k) => k !== 'access_token').sort());
    expect(shape(JSON.parse(call.response))).toEqual(shape(readWireSample('vk/messages-send-response.json')));
    expect(sim.transcript('vk-test', 'anna').filter((e) => e.from === 'business')).toHaveLength(1);
  });

  it('answers error 901 when switched to blocked, error 6 for a rate limit, and error 5 for a wrong token', async () => {
    // Arrange
    const { sim, senders } = createTestSimulator();
    sim.failNext('vk-test', 'blocked');
    sim.failNext('vk-test', 'rate_limit');
    // Act
    const blocked = await senders.vk.send(vk, { conversationExternalId: to('vk-test', 'vkUserId'), text: 'x', idempotencyKey: 'a' });
    const limited = await senders.vk.send(vk, { conversationExternalId: to('vk-test', 'vkUserId'), text: 'y', idempotencyKey: 'b' });
    const wrong = await senders.vk.send({ ...vk, accessToken: 'vk1.a.wrong' }, { conversationExternalId: to('vk-test', 'vkUserId'), text: 'z', idempotencyKey: 'c' });
    // Assert
    expect(blocked).toMatchObject({ ok: false, permanent: true, category: 'recipient_unreachable', providerCode: '901' });
    expect(limited).toMatchObject({ ok: true, attempts: 2 });
    expect(shape(JSON.parse(sim.calls('vk-test')[1]!.response))).toEqual(shape(readWireSample('vk/error-9-flood-control.json')));
    expect(wrong).toMatchObject({ ok: false, category: 'unauthorized', providerCode: '5' });
  });
});

describe('fake Viber REST API', () => {
  it('answers send_message with an exact 64-bit token in the documented shape', async () => {
    // Arrange
    const { sim, senders } = createTestSimulator();
    // Act
    const result = await senders.viber.send(vb, { conversationExternalId: to('vb-test', 'viberUserId'), text: 'Заказ передан курьеру.', correlation: 'ct-1', idempotencyKey: 'k' });
    // Assert
    const call = lastCall(sim);
    const response = parseViberJson(call.response) as { message_token: string };
    expect(result).toEqual({ ok: true, providerMessageId: response.message_token, attempts: 1 });
    expect(BigInt(response.message_token) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(shape(JSON.parse(call.response))).toEqual(shape(JSON.parse(readWireText('viber/send-message-response-ok.json'))));
    expect(Object.keys(call.params).sort()).toEqual(['min_api_version', 'receiver', 'sender', 'text', 'tracking_data', 'type']);
    expect(call.headers['x-viber-auth-token']).toBe(vb.authToken);
  });

  it('answers receiverNotSubscribed when switched to blocked, and invalidAuthToken for a wrong token', async () => {
    // Arrange
    const { sim, senders } = createTestSimulator();
    sim.failNext('vb-test', 'blocked');
    // Act
    const blocked = await senders.viber.send(vb, { conversationExternalId: to('vb-test', 'viberUserId'), text: 'x', idempotencyKey: 'k' });
    const wrong = await senders.viber.send({ ...vb, authToken: 'wrong-token-0000' }, { conversationExternalId: to('vb-test', 'viberUserId'), text: 'x', idempotencyKey: 'k' });
    // Assert
    expect(blocked).toMatchObject({ ok: false, permanent: true, category: 'recipient_unreachable', providerCode: '6' });
    expect(JSON.parse(sim.calls('vb-test')[0]!.response)).toEqual(readWireSample('viber/send-message-response-not-subscribed.json'));
    expect(wrong).toMatchObject({ ok: false, category: 'unauthorized', providerCode: '2' });
  });

  it('checks the URL with a signed webhook callback on set_webhook, and refuses it unless our side answers 200', async () => {
    // Arrange
    let status = 200;
    const receiver = recordingReceiver(() => ({ status }));
    const { sim, senders } = createTestSimulator({ webhookFetch: receiver.fetch });
    // Act
    const ok = await senders.viber.setWebhook(vb, { url: 'https://cc.example/webhooks/viber/vb-test', eventTypes: ['delivered', 'seen'] });
    status = 500;
    const refused = await senders.viber.setWebhook(vb, { url: 'https://cc.example/webhooks/viber/broken' });
    // Assert
    expect(ok).toEqual({ ok: true, attempts: 1 });
    expect(verifyViberSignature(receiver.received[0]!.body, receiver.received[0]!.headers[VIBER_SIGNATURE_HEADER], vb.authToken)).toBe(true);
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ event: 'webhook' });
    expect(refused).toMatchObject({ ok: false, providerCode: '1', reason: 'invalidUrl' });
    expect(sim.registeredWebhook('vb-test')?.url).toBe('https://cc.example/webhooks/viber/vb-test');
  });
});
