import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { MessageSchema, type NormalizeContext, type WebhookResult } from '../model.ts';
import { readWireSample } from '../testing/wire.ts';
import { normalizeTelegramUpdate } from './normalize.ts';

const context: NormalizeContext = { channelId: 'tg-acme', receivedAt: '2024-06-20T08:15:00.000Z' };

function onlyMessage(result: WebhookResult) {
  if (result.kind !== 'messages') throw new Error(`expected messages, got ${result.kind}`);
  expect(result.messages).toHaveLength(1);
  const [message] = result.messages;
  return MessageSchema.parse(message);
}

describe('normalizeTelegramUpdate', () => {
  it('turns a private text message into an inbound text message from its sender', () => {
    // Arrange
    const update = readWireSample('telegram/update-message-text-private.json');

    // Act
    const message = onlyMessage(normalizeTelegramUpdate(update, context));

    // Assert
    expect(message).toEqual({
      channel: 'telegram',
      channelId: 'tg-acme',
      conversationExternalId: '412345678',
      customerExternalId: '412345678',
      customer: { name: 'Анна Смирнова', username: 'anna_smirnova', language: 'ru' },
      direction: 'inbound',
      kind: 'text',
      text: 'Здравствуйте! Не могу оплатить заказ 104523',
      attachments: [],
      providerMessageId: '57',
      dedupKey: '412345678:57',
      providerEventId: '905112301',
      sentAt: '2024-06-20T08:10:00.000Z',
      edited: false,
    });
  });

  it('marks an edited message as an edit of the original with its own dedup key', () => {
    // Arrange
    const update = readWireSample('telegram/update-edited-message.json');

    // Act
    const message = onlyMessage(normalizeTelegramUpdate(update, context));

    // Assert
    expect(message).toMatchObject({
      kind: 'text',
      text: 'Здравствуйте! Не могу оплатить заказ 104532',
      providerMessageId: '57',
      edited: true,
      editOf: '57',
      dedupKey: '412345678:57:edit:1718871042',
      sentAt: '2024-06-20T08:10:42.000Z',
      providerEventId: '905112302',
    });
  });

  it('keeps the largest photo size and the caption as text', () => {
    // Arrange
    const update = readWireSample('telegram/update-photo-caption.json');

    // Act
    const message = onlyMessage(normalizeTelegramUpdate(update, context));

    // Assert
    expect(message.kind).toBe('image');
    expect(message.text).toBe('Скриншот ошибки при оплате');
    expect(message.providerMessageId).toBe('58');
    expect(message.attachments).toEqual([
      { type: 'image', fileRef: 'AgACAgIAAxkBAAIBOmZ0a1cQ-large', sizeBytes: 98820, width: 1280, height: 960 },
    ]);
  });

  it('turns /start with a deep-link payload into a started conversation event', () => {
    // Arrange
    const update = readWireSample('telegram/update-start-command.json');

    // Act
    const result = normalizeTelegramUpdate(update, context);

    // Assert
    expect(result).toEqual({
      kind: 'conversation',
      events: [
        {
          channel: 'telegram',
          channelId: 'tg-acme',
          type: 'started',
          conversationExternalId: '412345678',
          customerExternalId: '412345678',
          customer: { name: 'Анна Смирнова', username: 'anna_smirnova', language: 'ru' },
          payload: 'promo_summer',
          occurredAt: '2024-06-20T08:09:50.000Z',
          dedupKey: '412345678:56',
          providerEventId: '905112300',
        },
      ],
    });
  });

  it('turns a callback query into a button reply carrying its data, label and query id', () => {
    // Arrange
    const update = readWireSample('telegram/update-callback-query.json');

    // Act
    const message = onlyMessage(normalizeTelegramUpdate(update, context));

    // Assert
    expect(message).toMatchObject({
      kind: 'button_reply',
      conversationExternalId: '412345678',
      customerExternalId: '412345678',
      text: '👍',
      button: { payload: 'csat:ct-01J0Q8Z6K2V9:5', title: '👍', callbackQueryId: '1771198341267890123' },
      providerMessageId: 'callback:1771198341267890123',
      replyToProviderMessageId: '60',
      sentAt: context.receivedAt,
    });
  });

  it('normalises the raw body of the signed webhook request', () => {
    // Arrange
    const sample = readWireSample<{ request: { rawBody: string } }>('telegram/webhook-request-secret-token.json');

    // Act
    const message = onlyMessage(normalizeTelegramUpdate(JSON.parse(sample.request.rawBody), context));

    // Assert
    expect(message).toMatchObject({ kind: 'text', text: 'Здравствуйте!', providerMessageId: '57', customerExternalId: '412345678' });
  });

  it('normalises the body API Gateway hands to the Lambda', () => {
    // Arrange
    const event = readWireSample<{ body: string }>('apigateway/http-v2-telegram-webhook.json');

    // Act
    const message = onlyMessage(normalizeTelegramUpdate(JSON.parse(event.body), context));

    // Assert
    expect(message).toMatchObject({ text: 'Здравствуйте!', customer: { name: 'Анна', language: 'ru' } });
  });

  it('takes the phone from a contact the customer shared about themselves', () => {
    // Arrange
    const update = {
      update_id: 1,
      message: {
        message_id: 70,
        from: { id: 412345678, is_bot: false, first_name: 'Анна' },
        chat: { id: 412345678, type: 'private' },
        date: 1718871000,
        contact: { phone_number: '79001234567', first_name: 'Анна', user_id: 412345678 },
      },
    };

    // Act
    const message = onlyMessage(normalizeTelegramUpdate(update, context));

    // Assert
    expect(message.kind).toBe('contact');
    expect(message.customer.phone).toBe('+79001234567');
    expect(message.sharedContact).toEqual({ name: 'Анна', phone: '+79001234567', externalUserId: '412345678' });
  });

  it('reports a blocked bot as a blocked conversation event', () => {
    // Arrange
    const user = { id: 412345678, is_bot: false, first_name: 'Анна' };
    const update = {
      update_id: 9,
      my_chat_member: {
        chat: { id: 412345678, type: 'private' },
        from: user,
        date: 1718872000,
        old_chat_member: { status: 'member', user },
        new_chat_member: { status: 'kicked', user, until_date: 0 },
      },
    };

    // Act
    const result = normalizeTelegramUpdate(update, context);

    // Assert
    expect(result).toMatchObject({ kind: 'conversation', events: [{ type: 'blocked', conversationExternalId: '412345678' }] });
  });

  it('ignores an update type it does not handle, naming the type', () => {
    // Arrange
    const update = { update_id: 905112399, inline_query: { id: '1', from: { id: 1, is_bot: false, first_name: 'A' }, query: 'x', offset: '' } };

    // Act
    const result = normalizeTelegramUpdate(update, context);

    // Assert
    expect(result).toEqual({ kind: 'ignored', reason: 'update type not handled', updateType: 'inline_query' });
  });

  it('keeps a poll visible as an unsupported message', () => {
    // Arrange
    const update = {
      update_id: 2,
      message: { message_id: 71, chat: { id: 5, type: 'private' }, from: { id: 5, is_bot: false, first_name: 'B' }, date: 1, poll: { id: 'p' } },
    };

    // Act
    const message = onlyMessage(normalizeTelegramUpdate(update, context));

    // Assert
    expect(message).toMatchObject({ kind: 'unsupported', unsupportedType: 'poll' });
  });

  it('rejects an update whose message lacks its chat', () => {
    // Arrange
    const update = { update_id: 3, message: { message_id: 1, date: 1, text: 'hi' } };

    // Act
    const act = () => normalizeTelegramUpdate(update, context);

    // Assert
    expect(act).toThrow(ZodError);
  });

  it('rejects a body that is not an update', () => {
    // Act
    const act = () => normalizeTelegramUpdate('hello', context);

    // Assert
    expect(act).toThrow(ZodError);
  });
});
