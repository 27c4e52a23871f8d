import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { DeliveryStatusSchema, MessageSchema, type NormalizeContext } from '../model.ts';
import { MalformedWebhookError } from '../errors.ts';
import { readWireSample, readWireText } from '../testing/wire.ts';
import { normalizeViberCallback } from './normalize.ts';

const context: NormalizeContext = { channelId: 'vb-acme', receivedAt: '2024-06-20T08:50:00.000Z' };
const mariaProfile = {
  name: 'Мария Кузнецова',
  avatarUrl: 'https://media-direct.cdn.viber.com/download_photo?dlid=test',
  language: 'ru',
  country: 'RU',
};

describe('normalizeViberCallback', () => {
  it('turns a text message into an inbound message keyed by the exact 64-bit token', () => {
    // Arrange
    const rawBody = readWireText('viber/callback-message-text.json');

    // Act
    const result = normalizeViberCallback(rawBody, context);

    // Assert
    expect(result.kind).toBe('messages');
    if (result.kind !== 'messages') return;
    expect(result.messages.map((message) => MessageSchema.parse(message))).toEqual([
      {
        channel: 'viber',
        channelId: 'vb-acme',
        conversationExternalId: '01234567890A=',
        customerExternalId: '01234567890A=',
        customer: mariaProfile,
        direction: 'inbound',
        kind: 'text',
        text: 'Здравствуйте, где мой заказ 104777?',
        attachments: [],
        providerMessageId: '5991472013111122223',
        dedupKey: '5991472013111122223',
        sentAt: '2024-06-20T08:38:20.789Z',
        edited: false,
        correlation: 'ct-01J0QC9Y5N2R',
      },
    ]);
  });

  it('normalises the raw body of the signed request', () => {
    // Arrange
    const sample = readWireSample<{ request: { rawBody: string } }>('viber/signed-request-valid.json');

    // Act
    const result = normalizeViberCallback(sample.request.rawBody, context);

    // Assert
    expect(result).toMatchObject({
      kind: 'messages',
      messages: [{ providerMessageId: '5991472013111122223', customerExternalId: '01234567890A=' }],
    });
  });

  it('turns delivered into a delivered status of our message', () => {
    // Arrange
    const rawBody = readWireText('viber/callback-delivered.json');

    // Act
    const result = normalizeViberCallback(rawBody, context);

    // Assert
    expect(result.kind).toBe('statuses');
    if (result.kind !== 'statuses') return;
    expect(result.statuses.map((status) => DeliveryStatusSchema.parse(status))).toEqual([
      {
        channel: 'viber',
        channelId: 'vb-acme',
        providerMessageId: '5991472014222233334',
        status: 'delivered',
        recipientExternalId: '01234567890A=',
        occurredAt: '2024-06-20T08:40:00.111Z',
        dedupKey: '5991472014222233334:delivered',
      },
    ]);
  });

  it('turns seen into a read status', () => {
    // Arrange
    const rawBody = readWireText('viber/callback-seen.json');

    // Act
    const result = normalizeViberCallback(rawBody, context);

    // Assert
    expect(result).toMatchObject({
      kind: 'statuses',
      statuses: [{ status: 'read', providerMessageId: '5991472014222233334', occurredAt: '2024-06-20T08:40:05.222Z' }],
    });
  });

  it('turns failed into a failed status with its description', () => {
    // Arrange
    const rawBody = '{"event":"failed","timestamp":1718872900000,"message_token":5991472014222233334,"user_id":"01234567890A=","desc":"failure description"}';

    // Act
    const result = normalizeViberCallback(rawBody, context);

    // Assert
    expect(result).toMatchObject({
      kind: 'statuses',
      statuses: [{ status: 'failed', error: { code: 'failed', detail: 'failure description' } }],
    });
  });

  it('turns conversation_started into a started event with its context and subscription flag', () => {
    // Arrange
    const rawBody = readWireText('viber/callback-conversation-started.json');

    // Act
    const result = normalizeViberCallback(rawBody, context);

    // Assert
    expect(result).toEqual({
      kind: 'conversation',
      events: [
        {
          channel: 'viber',
          channelId: 'vb-acme',
          type: 'started',
          conversationExternalId: '01234567890A=',
          customerExternalId: '01234567890A=',
          customer: mariaProfile,
          payload: 'site-footer',
          subscribed: false,
          occurredAt: '2024-06-20T08:36:30.321Z',
          dedupKey: 'conversation_started:5991472012000011112',
          providerEventId: '5991472012000011112',
        },
      ],
    });
  });

  it('turns subscribed into a subscribed event', () => {
    // Arrange
    const rawBody = readWireText('viber/callback-subscribed.json');

    // Act
    const result = normalizeViberCallback(rawBody, context);

    // Assert
    expect(result).toMatchObject({
      kind: 'conversation',
      events: [{ type: 'subscribed', customerExternalId: '01234567890A=', dedupKey: 'subscribed:5991472012345678912' }],
    });
  });

  it('recognises the set_webhook verification callback as a handshake', () => {
    // Arrange
    const rawBody = readWireText('viber/callback-webhook.json');

    // Act
    const result = normalizeViberCallback(rawBody, context);

    // Assert
    expect(result).toEqual({ kind: 'handshake', handshake: 'viber_webhook' });
  });

  it('keeps a picture as a media attachment with its caption', () => {
    // Arrange
    const payload = {
      event: 'message',
      timestamp: 1718872700789,
      message_token: '5991472013111122299',
      sender: { id: '01234567890A=' },
      message: { type: 'picture', text: 'чек', media: 'https://dl-media.viber.com/pic.jpg', size: 20480 },
    };

    // Act
    const result = normalizeViberCallback(payload, context);

    // Assert
    expect(result).toMatchObject({
      kind: 'messages',
      messages: [
        {
          kind: 'image',
          text: 'чек',
          attachments: [{ type: 'image', fileRef: 'https://dl-media.viber.com/pic.jpg', sizeBytes: 20480 }],
        },
      ],
    });
  });

  it('ignores an event type it does not handle', () => {
    // Act
    const result = normalizeViberCallback({ event: 'client_status', timestamp: 1718872700789 }, context);

    // Assert
    expect(result).toEqual({ kind: 'ignored', reason: 'event type not handled', updateType: 'client_status' });
  });

  it('rejects a message callback without a sender', () => {
    // Arrange
    const rawBody = '{"event":"message","timestamp":1718872700789,"message_token":5991472013111122223,"message":{"type":"text","text":"hi"}}';

    // Act
    const act = () => normalizeViberCallback(rawBody, context);

    // Assert
    expect(act).toThrow(ZodError);
  });

  it('rejects a body that is not JSON with a 400 domain error', () => {
    // Act
    const act = () => normalizeViberCallback('event=message', context);

    // Assert
    expect(act).toThrow(MalformedWebhookError);
    expect(act).toThrow(expect.objectContaining({ status: 400, code: 'invalid_request' }));
  });
});
