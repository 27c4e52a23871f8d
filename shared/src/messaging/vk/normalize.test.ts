import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { MessageSchema, type NormalizeContext } from '../model.ts';
import { readWireSample } from '../testing/wire.ts';
import { normalizeVkCallback } from './normalize.ts';

const context: NormalizeContext = { channelId: 'vk-acme', receivedAt: '2024-06-20T08:40:00.000Z' };

interface MessageNewSample {
  object: { message: Record<string, unknown> };
}

describe('normalizeVkCallback', () => {
  it('recognises the confirmation request as a handshake for its community', () => {
    // Arrange
    const { request } = readWireSample<{ request: { body: unknown } }>('vk/callback-confirmation.json');

    // Act
    const result = normalizeVkCallback(request.body, context);

    // Assert
    expect(result).toEqual({ kind: 'handshake', handshake: 'vk_confirmation', groupId: '218765432' });
  });

  it('turns message_new into an inbound text message keyed by peer and conversation message id', () => {
    // Arrange
    const payload = readWireSample('vk/callback-message-new.json');

    // Act
    const result = normalizeVkCallback(payload, context);

    // Assert
    expect(result.kind).toBe('messages');
    if (result.kind !== 'messages') return;
    expect(result.messages.map((message) => MessageSchema.parse(message))).toEqual([
      {
        channel: 'vk',
        channelId: 'vk-acme',
        conversationExternalId: '611223344',
        customerExternalId: '611223344',
        customer: {},
        direction: 'inbound',
        kind: 'text',
        text: 'Добрый вечер, хочу вернуть товар',
        attachments: [],
        providerMessageId: '611223344:412',
        dedupKey: '611223344:412',
        providerEventId: '5f1c6a8e0b2d4e7f9a1b3c5d7e9f0a2b4c6d8e0f',
        sentAt: '2024-06-20T08:26:40.000Z',
        edited: false,
      },
    ]);
  });

  it('turns message_reply into an outbound echo naming the admin and our random_id', () => {
    // Arrange
    const payload = readWireSample('vk/callback-message-reply.json');

    // Act
    const result = normalizeVkCallback(payload, context);

    // Assert
    expect(result).toMatchObject({
      kind: 'messages',
      messages: [
        {
          direction: 'outbound',
          conversationExternalId: '611223344',
          customerExternalId: '611223344',
          text: 'Здравствуйте! Пришлите, пожалуйста, номер заказа.',
          providerMessageId: '611223344:413',
          agentExternalId: '55667788',
          correlation: '1871220031',
          sentAt: '2024-06-20T08:28:20.000Z',
        },
      ],
    });
  });

  it('turns message_allow into a messages-allowed event with its key', () => {
    // Arrange
    const payload = readWireSample('vk/callback-message-allow.json');

    // Act
    const result = normalizeVkCallback(payload, context);

    // Assert
    expect(result).toEqual({
      kind: 'conversation',
      events: [
        {
          channel: 'vk',
          channelId: 'vk-acme',
          type: 'messages_allowed',
          conversationExternalId: '611223344',
          customerExternalId: '611223344',
          customer: {},
          payload: 'from_site_widget',
          occurredAt: context.receivedAt,
          dedupKey: '0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e',
          providerEventId: '0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e',
        },
      ],
    });
  });

  it('turns message_edit into an edit of the same conversation message', () => {
    // Arrange
    const sample = readWireSample<MessageNewSample & Record<string, unknown>>('vk/callback-message-new.json');
    const payload = {
      ...sample,
      type: 'message_edit',
      object: { ...sample.object.message, text: 'Добрый вечер, хочу обменять товар', update_time: 1718872060 },
    };

    // Act
    const result = normalizeVkCallback(payload, context);

    // Assert
    expect(result).toMatchObject({
      kind: 'messages',
      messages: [
        {
          edited: true,
          editOf: '611223344:412',
          providerMessageId: '611223344:412',
          dedupKey: '611223344:412:edit:1718872060',
          text: 'Добрый вечер, хочу обменять товар',
        },
      ],
    });
  });

  it('turns the Start button into a started conversation event', () => {
    // Arrange
    const sample = readWireSample<MessageNewSample & Record<string, unknown>>('vk/callback-message-new.json');
    const payload = {
      ...sample,
      object: { message: { ...sample.object.message, text: 'Начать', payload: '{"command":"start"}' } },
    };

    // Act
    const result = normalizeVkCallback(payload, context);

    // Assert
    expect(result).toMatchObject({ kind: 'conversation', events: [{ type: 'started', customerExternalId: '611223344' }] });
  });

  it('reads our button payload back from a keyboard press', () => {
    // Arrange
    const sample = readWireSample<MessageNewSample & Record<string, unknown>>('vk/callback-message-new.json');
    const payload = {
      ...sample,
      object: { message: { ...sample.object.message, text: 'Отлично', payload: '{"button":"csat-5"}' } },
    };

    // Act
    const result = normalizeVkCallback(payload, context);

    // Assert
    expect(result).toMatchObject({
      kind: 'messages',
      messages: [{ kind: 'button_reply', button: { payload: 'csat-5', title: 'Отлично' } }],
    });
  });

  it('keeps a photo as an attachment reference with its largest size', () => {
    // Arrange
    const sample = readWireSample<MessageNewSample & Record<string, unknown>>('vk/callback-message-new.json');
    const photo = {
      id: 457239017,
      owner_id: 611223344,
      access_key: 'ab12cd',
      sizes: [
        { type: 's', url: 'https://sun.userapi.com/s.jpg', width: 75, height: 56 },
        { type: 'x', url: 'https://sun.userapi.com/x.jpg', width: 604, height: 453 },
      ],
    };
    const payload = {
      ...sample,
      object: { message: { ...sample.object.message, text: '', attachments: [{ type: 'photo', photo }] } },
    };

    // Act
    const result = normalizeVkCallback(payload, context);

    // Assert
    expect(result).toMatchObject({
      kind: 'messages',
      messages: [
        {
          kind: 'image',
          attachments: [
            { type: 'image', fileRef: 'photo611223344_457239017_ab12cd', url: 'https://sun.userapi.com/x.jpg', width: 604 },
          ],
        },
      ],
    });
  });

  it('ignores an event type it does not handle', () => {
    // Arrange
    const payload = { type: 'message_typing_state', group_id: 218765432, event_id: 'e1', v: '5.199', object: { state: 'typing' } };

    // Act
    const result = normalizeVkCallback(payload, context);

    // Assert
    expect(result).toEqual({ kind: 'ignored', reason: 'event type not handled', updateType: 'message_typing_state' });
  });

  it('rejects message_new without a message', () => {
    // Arrange
    const payload = { type: 'message_new', group_id: 218765432, object: { client_info: {} } };

    // Act
    const act = () => normalizeVkCallback(payload, context);

    // Assert
    expect(act).toThrow(ZodError);
  });

  it('rejects an event without its community id', () => {
    // Act
    const act = () => normalizeVkCallback({ type: 'confirmation' }, context);

    // Assert
    expect(act).toThrow(ZodError);
  });
});
