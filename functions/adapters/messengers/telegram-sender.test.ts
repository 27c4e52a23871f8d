import { readWireSample, readWireText } from '@cc/shared/messaging/testing/wire';
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramMessengerSender } from './telegram-sender.ts';
import { type FakeProvider, recordingSleep, startFakeProvider } from './testing/fake-provider.ts';

interface SendMessageSample {
  method: string;
  url: string;
  body: Record<string, unknown>;
}

const request = readWireSample<SendMessageSample>('telegram/send-message-request.json');
const credentials = { kind: 'telegram' as const, botToken: '7012345678:AAF-test-token-not-real' };
const outbound = {
  conversationExternalId: '412345678',
  text: 'Здравствуйте, Анна! Оператор Ирина уже смотрит ваш заказ.',
  format: 'html' as const,
  replyToProviderMessageId: '57',
  buttons: [{ title: 'Закрыть обращение', payload: 'close:ct-01J0Q8Z6K2V9' }],
  idempotencyKey: 'msg-01J0Q8Z6K2V9-1',
};

describe('TelegramMessengerSender', () => {
  let fake: FakeProvider | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('posts the documented sendMessage request and returns the message id', async () => {
    // Arrange
    fake = await startFakeProvider([{ body: readWireText('telegram/send-message-response-ok.json') }]);
    const sender = new TelegramMessengerSender({ baseUrl: fake.baseUrl });

    // Act
    const result = await sender.send(credentials, outbound);

    // Assert
    expect(result).toEqual({ ok: true, providerMessageId: '61', attempts: 1 });
    expect(fake.requests).toHaveLength(1);
    const [sent] = fake.requests;
    expect(sent?.method).toBe(request.method);
    expect(sent?.path).toBe(new URL(request.url).pathname);
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent?.body ?? '')).toEqual(request.body);
  });

  it('retries a 429 after the retry_after Telegram asked for, then delivers', async () => {
    // Arrange
    fake = await startFakeProvider([
      { status: 429, body: readWireText('telegram/error-429-too-many-requests.json') },
      { body: readWireText('telegram/send-message-response-ok.json') },
    ]);
    const { sleep, delays } = recordingSleep();
    const sender = new TelegramMessengerSender({ baseUrl: fake.baseUrl, retry: { sleep } });

    // Act
    const result = await sender.send(credentials, outbound);

    // Assert
    expect(result).toEqual({ ok: true, providerMessageId: '61', attempts: 2 });
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]?.body).toBe(fake.requests[0]?.body);
    expect(delays).toEqual([7000]);
  });

  it('reports a bot blocked by the user as a permanent failure without retrying', async () => {
    // Arrange
    fake = await startFakeProvider([{ status: 403, body: readWireText('telegram/error-403-bot-blocked.json') }]);
    const { sleep, delays } = recordingSleep();
    const sender = new TelegramMessengerSender({ baseUrl: fake.baseUrl, retry: { sleep } });

    // Act
    const result = await sender.send(credentials, outbound);

    // Assert
    expect(result).toEqual({
      ok: false,
      permanent: true,
      category: 'recipient_unreachable',
      reason: 'Forbidden: bot was blocked by the user',
      providerCode: '403',
      attempts: 1,
    });
    expect(fake.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('gives up after the bounded attempts when the API keeps failing with 5xx', async () => {
    // Arrange
    const badGateway = { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad Gateway</html>' };
    fake = await startFakeProvider([badGateway, badGateway, badGateway]);
    const { sleep, delays } = recordingSleep();
    const sender = new TelegramMessengerSender({ baseUrl: fake.baseUrl, retry: { sleep, maxAttempts: 3, random: () => 0 } });

    // Act
    const result = await sender.send(credentials, outbound);

    // Assert
    expect(result).toEqual({
      ok: false,
      permanent: false,
      category: 'provider_unavailable',
      reason: 'HTTP 502',
      providerCode: '502',
      attempts: 3,
    });
    expect(delays).toEqual([250, 500]);
  });

  it('hands a wait longer than it will block back to the caller instead of sleeping', async () => {
    // Arrange
    fake = await startFakeProvider([{ status: 429, body: readWireText('telegram/error-429-too-many-requests.json') }]);
    const { sleep, delays } = recordingSleep();
    const sender = new TelegramMessengerSender({ baseUrl: fake.baseUrl, retry: { sleep, maxRetryAfterMs: 5000 } });

    // Act
    const result = await sender.send(credentials, outbound);

    // Assert
    expect(result).toMatchObject({ ok: false, permanent: false, category: 'rate_limited', providerCode: '429', retryAfterMs: 7000 });
    expect(delays).toEqual([]);
  });

  it('registers the webhook with its secret token', async () => {
    // Arrange
    fake = await startFakeProvider([{ body: '{"ok":true,"result":true,"description":"Webhook was set"}' }]);
    const sender = new TelegramMessengerSender({ baseUrl: fake.baseUrl });

    // Act
    const result = await sender.setWebhook(credentials, {
      url: 'https://cc.example/webhooks/telegram/tg-acme',
      secretToken: 'acme_tg_Secret-2024_x9',
      allowedUpdates: ['message', 'edited_message', 'callback_query', 'my_chat_member'],
    });

    // Assert
    expect(result).toEqual({ ok: true, attempts: 1 });
    expect(fake.requests[0]?.path).toBe('/bot7012345678:AAF-test-token-not-real/setWebhook');
    expect(JSON.parse(fake.requests[0]?.body ?? '')).toEqual({
      url: 'https://cc.example/webhooks/telegram/tg-acme',
      secret_token: 'acme_tg_Secret-2024_x9',
      allowed_updates: ['message', 'edited_message', 'callback_query', 'my_chat_member'],
    });
  });

  it('answers a callback query by its id', async () => {
    // Arrange
    fake = await startFakeProvider([{ body: '{"ok":true,"result":true}' }]);
    const sender = new TelegramMessengerSender({ baseUrl: fake.baseUrl });

    // Act
    const result = await sender.answerCallbackQuery(credentials, '1771198341267890123', 'Спасибо!');

    // Assert
    expect(result).toEqual({ ok: true, attempts: 1 });
    expect(fake.requests[0]?.path).toBe('/bot7012345678:AAF-test-token-not-real/answerCallbackQuery');
    expect(JSON.parse(fake.requests[0]?.body ?? '')).toEqual({ callback_query_id: '1771198341267890123', text: 'Спасибо!' });
  });

  it('sends plain text without parse_mode, reply or keyboard when none is asked for', async () => {
    // Arrange
    fake = await startFakeProvider([{ body: readWireText('telegram/send-message-response-ok.json') }]);
    const sender = new TelegramMessengerSender({ baseUrl: fake.baseUrl });

    // Act
    await sender.send(credentials, { conversationExternalId: '412345678', text: 'a < b', idempotencyKey: 'k' });

    // Assert
    expect(JSON.parse(fake.requests[0]?.body ?? '')).toEqual({ chat_id: 412345678, text: 'a < b' });
  });
});
