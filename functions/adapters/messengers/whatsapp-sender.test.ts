import { readWireSample, readWireText } from '@cc/shared/messaging/testing/wire';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeProvider, recordingSleep, startFakeProvider } from './testing/fake-provider.ts';
import { WhatsAppMessengerSender } from './whatsapp-sender.ts';

interface SendRequestSample {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

const request = readWireSample<SendRequestSample>('whatsapp/send-message-text-request.json');
const credentials = { kind: 'whatsapp' as const, accessToken: 'EAAtestTokenNotReal', phoneNumberId: '106540352242922' };
const outbound = {
  conversationExternalId: '79001234567',
  text: 'Курьер будет у вас сегодня с 14:00 до 16:00.',
  idempotencyKey: 'msg-01J0QC-7',
};

describe('WhatsAppMessengerSender', () => {
  let fake: FakeProvider | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('posts the documented text message with the bearer token and returns the wamid', async () => {
    // Arrange
    fake = await startFakeProvider([{ body: readWireText('whatsapp/send-message-response.json') }]);
    const sender = new WhatsAppMessengerSender({ baseUrl: fake.baseUrl });

    // Act
    const result = await sender.send(credentials, outbound);

    // Assert
    expect(result).toEqual({
      ok: true,
      providerMessageId: 'wamid.HBgLNzkwMDEyMzQ1NjcVAgARGBI0QkM4RjE2RDdBOUUyQzA1OQA=',
      attempts: 1,
    });
    const [sent] = fake.requests;
    expect(sent?.method).toBe(request.method);
    expect(sent?.path).toBe(new URL(request.url).pathname);
    expect(sent?.headers.authorization).toBe(request.headers.authorization);
    expect(sent?.headers['content-type']).toBe(request.headers['content-type']);
    expect(JSON.parse(sent?.body ?? '')).toEqual(request.body);
  });

  it('retries the 130429 throughput limit and then delivers', async () => {
    // Arrange
    fake = await startFakeProvider([
      { status: 400, body: readWireText('whatsapp/error-130429-rate-limit.json') },
      { body: readWireText('whatsapp/send-message-response.json') },
    ]);
    const { sleep, delays } = recordingSleep();
    const sender = new WhatsAppMessengerSender({ baseUrl: fake.baseUrl, retry: { sleep } });

    // Act
    const result = await sender.send(credentials, outbound);

    // Assert
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(fake.requests).toHaveLength(2);
    expect(delays).toHaveLength(1);
  });

  it('honours Retry-After on an HTTP 429', async () => {
    // Arrange
    fake = await startFakeProvider([
      { status: 429, headers: { 'retry-after': '3' }, body: readWireText('whatsapp/error-130429-rate-limit.json') },
      { body: readWireText('whatsapp/send-message-response.json') },
    ]);
    const { sleep, delays } = recordingSleep();
    const sender = new WhatsAppMessengerSender({ baseUrl: fake.baseUrl, retry: { sleep } });

    // Act
    const result = await sender.send(credentials, outbound);

    // Assert
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(delays).toEqual([3000]);
  });

  it('reports the closed 24-hour window (131047) as a permanent failure with the provider reason', async () => {
    // Arrange
    fake = await startFakeProvider([{ status: 400, body: readWireText('whatsapp/error-131047-reengagement.json') }]);
    const { sleep, delays } = recordingSleep();
    const sender = new WhatsAppMessengerSender({ baseUrl: fake.baseUrl, retry: { sleep } });

    // Act
    const result = await sender.send(credentials, outbound);

    // Assert
    expect(result).toEqual({
      ok: false,
      permanent: true,
      category: 'recipient_unreachable',
      reason: '(#131047) Re-engagement message',
      providerCode: '131047',
      detail: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
      attempts: 1,
    });
    expect(delays).toEqual([]);
  });

  it('sends quick-reply buttons as an interactive message quoting our earlier message', async () => {
    // Arrange
    fake = await startFakeProvider([{ body: readWireText('whatsapp/send-message-response.json') }]);
    const sender = new WhatsAppMessengerSender({ baseUrl: fake.baseUrl, graphVersion: 'v23.0' });

    // Act
    await sender.send(credentials, {
      ...outbound,
      text: 'Оцените, пожалуйста, обслуживание',
      replyToProviderMessageId: 'wamid.prev',
      buttons: [
        { title: 'Отлично', payload: 'csat-5' },
        { title: 'Плохо', payload: 'csat-1' },
      ],
    });

    // Assert
    expect(fake.requests[0]?.path).toBe('/v23.0/106540352242922/messages');
    expect(JSON.parse(fake.requests[0]?.body ?? '')).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '79001234567',
      context: { message_id: 'wamid.prev' },
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Оцените, пожалуйста, обслуживание' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'csat-5', title: 'Отлично' } },
            { type: 'reply', reply: { id: 'csat-1', title: 'Плохо' } },
          ],
        },
      },
    });
  });
});
