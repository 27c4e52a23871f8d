import { readWireText } from '@cc/shared/messaging/testing/wire';
import { afterEach, describe, expect, it } from 'vitest';
import { createMessengerSenders, sendThroughChannel } from './index.ts';
import { type FakeProvider, startFakeProvider } from './testing/fake-provider.ts';

describe('sendThroughChannel', () => {
  let fake: FakeProvider | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('sends with the sender matching the channel kind', async () => {
    // Arrange
    fake = await startFakeProvider([{ body: readWireText('vk/messages-send-response.json') }]);
    const senders = createMessengerSenders({ vk: { baseUrl: fake.baseUrl }, telegram: { baseUrl: 'http://127.0.0.1:9' } });

    // Act
    const result = await sendThroughChannel(
      senders,
      { kind: 'vk', accessToken: 'vk1.a.test-token-not-real' },
      { conversationExternalId: '611223344', text: 'Добрый день', idempotencyKey: 'k-1' },
    );

    // Assert
    expect(result).toEqual({ ok: true, providerMessageId: '10233', attempts: 1 });
    expect(fake.requests[0]?.path).toBe('/method/messages.send');
    expect(new URLSearchParams(fake.requests[0]?.body).get('v')).toBe('5.199');
  });
});
