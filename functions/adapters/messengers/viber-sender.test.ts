import { readWireSample, readWireText } from '@cc/shared/messaging/testing/wire';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeProvider, recordingSleep, startFakeProvider } from './testing/fake-provider.ts';
import { ViberMessengerSender } from './viber-sender.ts';

interface SendRequestSample {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

const request = readWireSample<SendRequestSample>('viber/send-message-request.json');
const credentials = {
  kind: 'viber' as const,
  authToken: '4f1a7c2e9b3d5a60-8c2e1f4b7a9d3e5c-0a1b2c3d4e5f6a7b',
  senderName: 'Acme Поддержка',
  senderAvatar: 'https://acme.example/avatar.jpg',
};
const outbound = {
  conversationExternalId: '01234567890A=',
  text: 'Ваш заказ 104777 передан курьеру.',
  correlation: 'ct-01J0QC9Y5N2R',
  idempotencyKey: 'msg-01J0QC-9',
};

describe('ViberMessengerSender', () => {
  let fake: FakeProvider | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('posts the documented send_message with the auth token header and returns the exact 64-bit token', async () => {
    // Arrange
    fake = await startFakeProvider([{ body: readWireText('viber/send-message-response-ok.json') }]);
    const sender = new ViberMessengerSender({ baseUrl: fake.baseUrl });

    // Act
    const result = await sender.send(credentials, outbound);

    // Assert
    expect(result).toEqual({ ok: true, providerMessageId: '5991472015333344445', attempts: 1 });
    const [sent] = fake.requests;
    expect(sent?.method).toBe(request.method);
    expect(sent?.path).toBe(new URL(request.url).pathname);
    expect(sent?.headers['x-viber-auth-token']).toBe(request.headers['x-viber-auth-token']);
    expect(sent?.headers['content-type']).toBe(request.headers['content-type']);
    expect(JSON.parse(sent?.body ?? '')).toEqual(request.body);
  });

  it('reports a receiver who is not subscribed as a permanent failure with Viber status', async () => {
    // Arrange
    fake = await startFakeProvider([{ body: readWireText('viber/send-message-response-not-subscribed.json') }]);
    const { sleep, delays } = recordingSleep();
    const sender = new ViberMessengerSender({ baseUrl: fake.baseUrl, retry: { sleep } });

    // Act
    const result = await sender.send(credentials, outbound);

    // Assert
    expect(result).toEqual({
      ok: false,
      permanent: true,
      category: 'recipient_unreachable',
      reason: 'receiverNotSubscribed',
      providerCode: '6',
      attempts: 1,
    });
    expect(delays).toEqual([]);
  });

  it('retries a 503 and then delivers', async () => {
    // Arrange
    fake = await startFakeProvider([
      { status: 503, body: 'Service Unavailable' },
      { body: readWireText('viber/send-message-response-ok.json') },
    ]);
    const { sleep, delays } = recordingSleep();
    const sender = new ViberMessengerSender({ baseUrl: fake.baseUrl, retry: { sleep } });

    // Act
    const result = await sender.send(credentials, outbound);

    // Assert
    expect(result).toEqual({ ok: true, providerMessageId: '5991472015333344445', attempts: 2 });
    expect(fake.requests).toHaveLength(2);
    expect(delays).toHaveLength(1);
  });

  it('retries the tooManyRequests status (12) and then delivers', async () => {
    // Arrange
    fake = await startFakeProvider([
      { body: '{"status":12,"status_message":"tooManyRequests"}' },
      { body: readWireText('viber/send-message-response-ok.json') },
    ]);
    const { sleep } = recordingSleep();
    const sender = new ViberMessengerSender({ baseUrl: fake.baseUrl, retry: { sleep } });

    // Act
    const result = await sender.send(credentials, outbound);

    // Assert
    expect(result).toMatchObject({ ok: true, attempts: 2 });
  });

  it('registers the webhook with the auth token header', async () => {
    // Arrange
    fake = await startFakeProvider([{ body: '{"status":0,"status_message":"ok","event_types":["delivered","seen"]}' }]);
    const sender = new ViberMessengerSender({ baseUrl: fake.baseUrl });

    // Act
    const result = await sender.setWebhook(credentials, {
      url: 'https://cc.example/webhooks/viber/vb-acme',
      eventTypes: ['delivered', 'seen', 'failed', 'subscribed', 'unsubscribed', 'conversation_started'],
    });

    // Assert
    expect(result).toEqual({ ok: true, attempts: 1 });
    expect(fake.requests[0]?.path).toBe('/pa/set_webhook');
    expect(fake.requests[0]?.headers['x-viber-auth-token']).toBe(credentials.authToken);
    expect(JSON.parse(fake.requests[0]?.body ?? '')).toEqual({
      url: 'https://cc.example/webhooks/viber/vb-acme',
      event_types: ['delivered', 'seen', 'failed', 'subscribed', 'unsubscribed', 'conversation_started'],
      send_name: true,
      send_photo: true,
    });
  });
});
