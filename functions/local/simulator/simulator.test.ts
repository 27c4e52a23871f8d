import { describe, expect, it } from 'vitest';
import {
  TELEGRAM_SECRET_HEADER,
  VIBER_SIGNATURE_HEADER,
  WHATSAPP_SIGNATURE_HEADER,
  answerWhatsAppVerification,
  normalizeAliceRequest,
  normalizeTelegramUpdate,
  normalizeViberCallback,
  normalizeVkCallback,
  normalizeWhatsAppWebhook,
  splitWebhookResult,
  verifyAliceSkill,
  verifyTelegramSecretToken,
  verifyViberSignature,
  verifyVkCallback,
  verifyWhatsAppSignature,
} from '@cc/shared/messaging/index';
import { parseViberJson } from '@cc/shared/messaging/viber/schema';
import { buildAliceResponse } from '@cc/shared/messaging/yandex/normalize';
import { sendThroughChannel } from '../../adapters/messengers/index.ts';
import { createTestSimulator, recordingReceiver, testChannels } from './testing.ts';
import { customerIdentity, DEFAULT_PERSONAS } from './personas.ts';

const context = (channelId: string) => ({ channelId, receivedAt: '2026-11-25T08:00:00.000Z' });
const channel = (kind: string) => testChannels().find((c) => c.kind === kind)!;

/** Reads back what a webhook delivery means, through the same pure normalisers the webhook routes use. */
function inboundText(kind: string, rawBody: string) {
  const normalize = { telegram: normalizeTelegramUpdate, whatsapp: normalizeWhatsAppWebhook, vk: normalizeVkCallback, viber: normalizeViberCallback, yandex: normalizeAliceRequest }[kind]!;
  const input = kind === 'viber' ? parseViberJson(rawBody) : JSON.parse(rawBody);
  return splitWebhookResult(normalize(input, context(channel(kind).channelId)));
}

describe('customer webhooks', () => {
  it('signs a Telegram update with the channel secret token, and the verifier accepts it', async () => {
    // Arrange
    const { sim, received } = createTestSimulator();
    // Act
    const { request, webhook } = await sim.say('tg-test', 'anna', 'Здравствуйте! Где мой заказ?');
    // Assert
    expect(webhook).toMatchObject({ status: 200, accepted: true });
    expect(received[0]).toMatchObject({ method: 'POST', url: 'http://contact-center.test/webhooks/telegram/tg-test' });
    expect(verifyTelegramSecretToken(request.headers[TELEGRAM_SECRET_HEADER], 'acme_tg_Secret-2024_x9')).toBe(true);
    const { messages } = inboundText('telegram', request.rawBody!);
    expect(messages[0]).toMatchObject({ direction: 'inbound', text: 'Здравствуйте! Где мой заказ?', customer: { name: 'Анна Смирнова', username: 'anna_smirnova' } });
  });

  it('signs WhatsApp, VK and Viber deliveries so the pure verifiers accept them and the normalisers read the text', async () => {
    // Arrange
    const { sim } = createTestSimulator();
    // Act
    const wa = await sim.say('wa-test', 'ivan', 'Когда приедет курьер?');
    const vk = await sim.say('vk-test', 'ivan', 'Хочу вернуть товар');
    const vb = await sim.say('vb-test', 'ivan', 'Где заказ 104777?');
    // Assert
    expect(verifyWhatsAppSignature(wa.request.rawBody!, wa.request.headers[WHATSAPP_SIGNATURE_HEADER], 'wa-test-app-secret-5d1c9e')).toBe(true);
    expect(verifyVkCallback(JSON.parse(vk.request.rawBody!), { secret: 'vkSecret4Acme2024', groupId: 218765432 })).toBe(true);
    expect(verifyViberSignature(vb.request.rawBody!, vb.request.headers[VIBER_SIGNATURE_HEADER], '4f1a7c2e9b3d5a60-8c2e1f4b7a9d3e5c-0a1b2c3d4e5f6a7b')).toBe(true);
    expect(inboundText('whatsapp', wa.request.rawBody!).messages[0]).toMatchObject({ text: 'Когда приедет курьер?', customerExternalId: '79031112233', customer: { name: 'Иван Петров' } });
    expect(inboundText('vk', vk.request.rawBody!).messages[0]).toMatchObject({ text: 'Хочу вернуть товар', conversationExternalId: String(customerIdentity(DEFAULT_PERSONAS[1]!, 'vk-test').vkUserId) });
    expect(inboundText('viber', vb.request.rawBody!).messages[0]).toMatchObject({ text: 'Где заказ 104777?' });
  });

  it('writes Viber message tokens as 64-bit integer literals that survive exact parsing', async () => {
    // Arrange
    const { sim } = createTestSimulator();
    // Act
    const { request } = await sim.say('vb-test', 'anna', 'Привет');
    // Assert
    const literal = /"message_token":(\d+)/.exec(request.rawBody!)?.[1];
    expect(literal).toBeDefined();
    expect(BigInt(literal!) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(inboundText('viber', request.rawBody!).messages[0]?.providerMessageId).toBe(literal);
  });

  it('forges signatures on request so every verifier rejects them', async () => {
    // Arrange
    const { sim } = createTestSimulator();
    // Act
    const tg = await sim.say('tg-test', 'anna', 'x', { forgery: 'bad-signature' });
    const tgMissing = await sim.say('tg-test', 'anna', 'x', { forgery: 'missing-signature' });
    const wa = await sim.say('wa-test', 'anna', 'x', { forgery: 'bad-signature' });
    const vk = await sim.say('vk-test', 'anna', 'x', { forgery: 'bad-signature' });
    const vb = await sim.say('vb-test', 'anna', 'x', { forgery: 'bad-signature' });
    const ya = await sim.say('ya-test', 'anna', 'x', { forgery: 'bad-signature' });
    // Assert
    expect(verifyTelegramSecretToken(tg.request.headers[TELEGRAM_SECRET_HEADER], 'acme_tg_Secret-2024_x9')).toBe(false);
    expect(tgMissing.request.headers[TELEGRAM_SECRET_HEADER]).toBeUndefined();
    expect(verifyWhatsAppSignature(wa.request.rawBody!, wa.request.headers[WHATSAPP_SIGNATURE_HEADER], 'wa-test-app-secret-5d1c9e')).toBe(false);
    expect(verifyVkCallback(JSON.parse(vk.request.rawBody!), { secret: 'vkSecret4Acme2024', groupId: 218765432 })).toBe(false);
    expect(verifyViberSignature(vb.request.rawBody!, vb.request.headers[VIBER_SIGNATURE_HEADER], '4f1a7c2e9b3d5a60-8c2e1f4b7a9d3e5c-0a1b2c3d4e5f6a7b')).toBe(false);
    expect(verifyAliceSkill(JSON.parse(ya.request.rawBody!), { skillId: '3ad36498-f5rd-4079-a14b-788652932056' })).toBe(false);
    expect(tg.entry.webhook?.forged).toBe('bad-signature');
  });

  it('gives a persona the same ids across simulator instances, other personas other ids, and messages growing ids', async () => {
    // Arrange
    const first = createTestSimulator();
    const second = createTestSimulator();
    // Act
    const a1 = await first.sim.say('tg-test', 'anna', 'раз');
    const a2 = await second.sim.say('tg-test', 'anna', 'два');
    const b = await first.sim.say('tg-test', 'john', 'three');
    // Assert
    const from = (raw: string) => JSON.parse(raw).message.from.id;
    expect(from(a1.request.rawBody!)).toBe(from(a2.request.rawBody!));
    expect(from(b.request.rawBody!)).not.toBe(from(a1.request.rawBody!));
    const [m1, m2] = [a1, b].map((r) => JSON.parse(r.request.rawBody!).message.message_id as number);
    expect(m2).toBeGreaterThan(m1!);
  });

  it('shows Alice\'s synchronous answer as the reply, buttons included', async () => {
    // Arrange
    const receiver = recordingReceiver(() => ({ body: JSON.stringify(buildAliceResponse('Соединяю с оператором.', { buttons: [{ title: 'Отмена', payload: 'cancel', hide: true }] })) }));
    const { sim } = createTestSimulator({ webhookFetch: receiver.fetch });
    // Act
    const { request } = await sim.start('ya-test', 'anna')!.then((r) => r!);
    await sim.say('ya-test', 'anna', 'Соедини с оператором');
    // Assert
    expect(verifyAliceSkill(JSON.parse(request.rawBody!), { skillId: '3ad36498-f5rd-4079-a14b-788652932056' })).toBe(true);
    expect(inboundText('yandex', request.rawBody!).events[0]).toMatchObject({ type: 'started' });
    const second = JSON.parse(receiver.received[1]!.body);
    expect(second.session).toMatchObject({ new: false, message_id: 1 });
    expect(second.request).toMatchObject({ type: 'SimpleUtterance', command: 'соедини с оператором', original_utterance: 'Соедини с оператором' });
    const replies = sim.transcript('ya-test', 'anna').filter((e) => e.from === 'business');
    expect(replies).toHaveLength(2);
    expect(replies[1]).toMatchObject({ text: 'Соединяю с оператором.', buttons: [{ title: 'Отмена', payload: 'cancel' }] });
  });

  it('records a rejected delivery with our answer, as the provider would see it', async () => {
    // Arrange
    const receiver = recordingReceiver(() => ({ status: 401, body: '{"title":"Unauthorized"}' }));
    const { sim } = createTestSimulator({ webhookFetch: receiver.fetch });
    // Act
    const { entry } = await sim.say('vk-test', 'anna', 'привет');
    // Assert
    expect(entry.webhook).toMatchObject({ status: 401, accepted: false });
  });

  it('runs the providers\' webhook handshakes: WhatsApp hub.challenge, VK confirmation, Viber webhook check', async () => {
    // Arrange: a receiver that answers the handshakes like our routes should
    const receiver = recordingReceiver((request) => {
      const url = new URL(request.url);
      if (request.method === 'GET') return { body: answerWhatsAppVerification(Object.fromEntries(url.searchParams), 'acme-verify-7Qx') ?? '', status: 200 };
      if (url.pathname.includes('/vk/')) return { body: 'a1b2c3d4' };
      return { body: '' };
    });
    const { sim } = createTestSimulator({ webhookFetch: receiver.fetch });
    // Act
    const wa = await sim.handshake('wa-test');
    const vk = await sim.handshake('vk-test');
    const vb = await sim.handshake('vb-test');
    // Assert
    expect([wa.ok, vk.ok, vb.ok]).toEqual([true, true, true]);
    expect(new URL(receiver.received[0]!.url).searchParams.get('hub.mode')).toBe('subscribe');
    expect(JSON.parse(receiver.received[1]!.body)).toEqual({ type: 'confirmation', group_id: 218765432 });
    expect(verifyViberSignature(receiver.received[2]!.body, receiver.received[2]!.headers[VIBER_SIGNATURE_HEADER], '4f1a7c2e9b3d5a60-8c2e1f4b7a9d3e5c-0a1b2c3d4e5f6a7b')).toBe(true);
    expect(normalizeViberCallback(receiver.received[2]!.body, context('vb-test'))).toMatchObject({ kind: 'handshake', handshake: 'viber_webhook' });
  });
});

describe('opening the chat and pressing our buttons, per provider', () => {
  const credentials = {
    whatsapp: { kind: 'whatsapp' as const, accessToken: 'EAAtestTokenNotReal', phoneNumberId: '106540352242922' },
    vk: { kind: 'vk' as const, accessToken: 'vk1.a.test-token-not-real' },
    viber: { kind: 'viber' as const, authToken: '4f1a7c2e9b3d5a60-8c2e1f4b7a9d3e5c-0a1b2c3d4e5f6a7b', senderName: 'Ромашка' },
  };
  const recipient = { whatsapp: (c: string) => customerIdentity(DEFAULT_PERSONAS[0]!, c).waId, vk: (c: string) => String(customerIdentity(DEFAULT_PERSONAS[0]!, c).vkUserId), viber: (c: string) => customerIdentity(DEFAULT_PERSONAS[0]!, c).viberUserId };

  it.each([
    ['whatsapp', 'wa-test', { button: { payload: 'csat:5' } }],
    ['vk', 'vk-test', { text: '👍', button: { payload: 'csat:5' } }],
    ['viber', 'vb-test', { text: 'csat:5' }],
  ] as const)('sends a %s press on our button that the normaliser reads back', async (kind, channelId, expected) => {
    // Arrange: our side sends a message with two buttons through the fake API
    const { sim, senders, received } = createTestSimulator();
    const buttons = [{ title: '👍', payload: 'csat:5' }, { title: '👎', payload: 'csat:1' }];
    await sendThroughChannel(senders, credentials[kind], { conversationExternalId: recipient[kind](channelId), text: 'Оцените', buttons, idempotencyKey: 'k' });
    const ours = sim.transcript(channelId, 'anna').find((e) => e.from === 'business')!;
    // Act
    const pressed = await sim.press(channelId, 'anna', ours.id, 'csat:5');
    // Assert
    expect(ours.buttons).toEqual(buttons);
    expect(pressed.entry).toMatchObject({ from: 'customer', text: '▸ 👍' });
    expect(received).toHaveLength(1);
    expect(inboundText(kind, pressed.request.rawBody!).messages[0]).toMatchObject(expected);
  });

  it('opens the chat with VK message_allow and Viber conversation_started carrying the deep-link payload, and sends nothing for WhatsApp', async () => {
    // Arrange
    const { sim, received } = createTestSimulator();
    // Act
    const vk = await sim.start('vk-test', 'anna', { payload: 'sales' });
    const vb = await sim.start('vb-test', 'anna', { payload: 'sales' });
    const wa = await sim.start('wa-test', 'anna', { payload: 'sales' });
    const tg = await sim.start('tg-test', 'anna', { payload: 'sales' });
    // Assert
    expect(inboundText('vk', vk!.request.rawBody!).events[0]).toMatchObject({ type: 'messages_allowed', payload: 'sales' });
    expect(inboundText('viber', vb!.request.rawBody!).events[0]).toMatchObject({ type: 'started', payload: 'sales' });
    expect(wa).toBeUndefined();
    expect(tg!.entry.text).toBe('/start sales');
    expect(received).toHaveLength(3);
    expect(sim.transcript('vk-test', 'anna').map((e) => e.textEn)).toEqual(['(allowed messages from the community)']);
  });
});
