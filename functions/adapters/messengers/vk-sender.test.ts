import { readWireSample, readWireText } from '@cc/shared/messaging/testing/wire';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeProvider, recordingSleep, startFakeProvider } from './testing/fake-provider.ts';
import { VkMessengerSender, deriveVkRandomId } from './vk-sender.ts';

interface SendRequestSample {
  method: string;
  url: string;
  contentType: string;
  params: Record<string, string>;
}

const request = readWireSample<SendRequestSample>('vk/messages-send-request.json');
const credentials = { kind: 'vk' as const, accessToken: 'vk1.a.test-token-not-real', apiVersion: '5.199' };
const outbound = {
  conversationExternalId: '611223344',
  text: 'Здравствуйте! Пришлите, пожалуйста, номер заказа.',
  idempotencyKey: 'msg-01J0QD-3',
};
const sampleRandomId = () => Number(request.params.random_id);

describe('VkMessengerSender', () => {
  let fake: FakeProvider | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('posts the documented form-encoded messages.send and returns the message id', async () => {
    // Arrange
    fake = await startFakeProvider([{ body: readWireText('vk/messages-send-response.json') }]);
    const sender = new VkMessengerSender({ baseUrl: fake.baseUrl, randomId: sampleRandomId });

    // Act
    const result = await sender.send(credentials, outbound);

    // Assert
    expect(result).toEqual({ ok: true, providerMessageId: '10233', attempts: 1 });
    const [sent] = fake.requests;
    expect(sent?.method).toBe(request.method);
    expect(sent?.path).toBe(new URL(request.url).pathname);
    expect(sent?.headers['content-type']).toBe(request.contentType);
    expect(Object.fromEntries(new URLSearchParams(sent?.body))).toEqual(request.params);
  });

  it('retries flood control (error 9 inside an HTTP 200) with the same random_id, then delivers', async () => {
    // Arrange
    fake = await startFakeProvider([
      { body: readWireText('vk/error-9-flood-control.json') },
      { body: readWireText('vk/messages-send-response.json') },
    ]);
    const { sleep, delays } = recordingSleep();
    const sender = new VkMessengerSender({ baseUrl: fake.baseUrl, retry: { sleep } });

    // Act
    const result = await sender.send(credentials, outbound);

    // Assert
    expect(result).toEqual({ ok: true, providerMessageId: '10233', attempts: 2 });
    const randomIds = fake.requests.map((sent) => new URLSearchParams(sent.body).get('random_id'));
    expect(randomIds).toEqual([String(deriveVkRandomId('msg-01J0QD-3')), String(deriveVkRandomId('msg-01J0QD-3'))]);
    expect(delays).toHaveLength(1);
  });

  it('reports error 901 (no permission to write) as a permanent failure with VK reason', async () => {
    // Arrange
    const denied = { error: { error_code: 901, error_msg: "Can't send messages for users without permission", request_params: [] } };
    fake = await startFakeProvider([{ body: JSON.stringify(denied) }]);
    const { sleep, delays } = recordingSleep();
    const sender = new VkMessengerSender({ baseUrl: fake.baseUrl, retry: { sleep } });

    // Act
    const result = await sender.send(credentials, outbound);

    // Assert
    expect(result).toEqual({
      ok: false,
      permanent: true,
      category: 'recipient_unreachable',
      reason: "Can't send messages for users without permission",
      providerCode: '901',
      attempts: 1,
    });
    expect(delays).toEqual([]);
  });

  it('sends buttons as an inline keyboard whose payload the normaliser reads back', async () => {
    // Arrange
    fake = await startFakeProvider([{ body: readWireText('vk/messages-send-response.json') }]);
    const sender = new VkMessengerSender({ baseUrl: fake.baseUrl });

    // Act
    await sender.send(credentials, { ...outbound, buttons: [{ title: 'Отлично', payload: 'csat-5' }] });

    // Assert
    const keyboard = new URLSearchParams(fake.requests[0]?.body).get('keyboard');
    expect(JSON.parse(keyboard ?? '')).toEqual({
      inline: true,
      buttons: [[{ action: { type: 'text', label: 'Отлично', payload: '{"button":"csat-5"}' } }]],
    });
  });
});

describe('deriveVkRandomId', () => {
  it('gives the same positive safe integer for the same key and another for another key', () => {
    // Act
    const first = deriveVkRandomId('msg-1');
    const again = deriveVkRandomId('msg-1');
    const other = deriveVkRandomId('msg-2');

    // Assert
    expect(first).toBe(again);
    expect(other).not.toBe(first);
    expect(Number.isSafeInteger(first) && first > 0).toBe(true);
  });
});
