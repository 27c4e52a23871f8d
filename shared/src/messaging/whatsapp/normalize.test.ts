import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { DeliveryStatusSchema, MessageSchema, type NormalizeContext } from '../model.ts';
import { readWireSample } from '../testing/wire.ts';
import { normalizeWhatsAppWebhook } from './normalize.ts';

const context: NormalizeContext = { channelId: 'wa-acme', receivedAt: '2024-06-20T08:20:00.000Z' };

/** A sample with the `entry[0].changes[0].value` parts made editable for batch tests. */
interface WebhookSample {
  object: string;
  entry: Array<{ id: string; changes: Array<{ field: string; value: Record<string, unknown> }> }>;
}

describe('normalizeWhatsAppWebhook', () => {
  it('turns a text message into an inbound message with the wa_id as phone', () => {
    // Arrange
    const payload = readWireSample('whatsapp/webhook-message-text.json');

    // Act
    const result = normalizeWhatsAppWebhook(payload, context);

    // Assert
    expect(result.kind).toBe('messages');
    if (result.kind !== 'messages') return;
    expect(result.messages.map((message) => MessageSchema.parse(message))).toEqual([
      {
        channel: 'whatsapp',
        channelId: 'wa-acme',
        conversationExternalId: '79001234567',
        customerExternalId: '79001234567',
        customer: { name: 'Ольга Иванова', phone: '+79001234567' },
        direction: 'inbound',
        kind: 'text',
        text: 'Добрый день! Когда приедет курьер?',
        attachments: [],
        providerMessageId: 'wamid.HBgLNzkwMDEyMzQ1NjcVAgASGBQzQUZCMUMxRjYyNkM0RjNEOTFBMAA=',
        dedupKey: 'wamid.HBgLNzkwMDEyMzQ1NjcVAgASGBQzQUZCMUMxRjYyNkM0RjNEOTFBMAA=',
        sentAt: '2024-06-20T08:18:20.000Z',
        edited: false,
      },
    ]);
  });

  it('keeps an image as a media-id attachment with its caption as text', () => {
    // Arrange
    const payload = readWireSample('whatsapp/webhook-message-image.json');

    // Act
    const result = normalizeWhatsAppWebhook(payload, context);

    // Assert
    expect(result).toMatchObject({
      kind: 'messages',
      messages: [
        {
          kind: 'image',
          text: 'Вот так пришла коробка',
          providerMessageId: 'wamid.HBgLNzkwMDEyMzQ1NjcVAgASGBQzQTdFNkQ1QzRCM0EyOTE4MDcA',
          attachments: [
            {
              type: 'image',
              fileRef: '1479537139650973',
              mimeType: 'image/jpeg',
              sha256: 'k3XQ0pPrSmhfS1cSMoHwAnIDmaFJ0FbZo1zLmLDrmJc=',
            },
          ],
        },
      ],
    });
  });

  it('turns an interactive button reply into a button reply linked to our message', () => {
    // Arrange
    const payload = readWireSample('whatsapp/webhook-message-interactive-button-reply.json');

    // Act
    const result = normalizeWhatsAppWebhook(payload, context);

    // Assert
    expect(result).toMatchObject({
      kind: 'messages',
      messages: [
        {
          kind: 'button_reply',
          text: 'Отлично',
          button: { payload: 'csat-5', title: 'Отлично' },
          replyToProviderMessageId: 'wamid.HBgLNzkwMDEyMzQ1NjcVAgARGBI0QkM4RjE2RDdBOUUyQzA1OQA=',
          customerExternalId: '79001234567',
          sentAt: '2024-06-20T08:20:20.000Z',
        },
      ],
    });
  });

  it('turns a delivered status into a delivery status of our message', () => {
    // Arrange
    const payload = readWireSample('whatsapp/webhook-status-delivered.json');

    // Act
    const result = normalizeWhatsAppWebhook(payload, context);

    // Assert
    expect(result.kind).toBe('statuses');
    if (result.kind !== 'statuses') return;
    expect(result.statuses.map((status) => DeliveryStatusSchema.parse(status))).toEqual([
      {
        channel: 'whatsapp',
        channelId: 'wa-acme',
        providerMessageId: 'wamid.HBgLNzkwMDEyMzQ1NjcVAgARGBI0QkM4RjE2RDdBOUUyQzA1OQA=',
        status: 'delivered',
        recipientExternalId: '79001234567',
        occurredAt: '2024-06-20T08:21:40.000Z',
        dedupKey: 'wamid.HBgLNzkwMDEyMzQ1NjcVAgARGBI0QkM4RjE2RDdBOUUyQzA1OQA=:delivered',
      },
    ]);
  });

  it('carries the provider error of a failed status', () => {
    // Arrange
    const payload = readWireSample('whatsapp/webhook-status-failed.json');

    // Act
    const result = normalizeWhatsAppWebhook(payload, context);

    // Assert
    expect(result).toMatchObject({
      kind: 'statuses',
      statuses: [
        {
          status: 'failed',
          providerMessageId: 'wamid.HBgLNzkwMDEyMzQ1NjcVAgARGBIxMjM0NTY3ODlBQkNERUYwAA==',
          error: {
            code: '131047',
            title: 'Re-engagement message',
            detail:
              'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
          },
        },
      ],
    });
  });

  it('normalises the raw body of the signed request', () => {
    // Arrange
    const sample = readWireSample<{ request: { rawBody: string } }>('whatsapp/signed-request-valid.json');

    // Act
    const result = normalizeWhatsAppWebhook(JSON.parse(sample.request.rawBody), context);

    // Assert
    expect(result).toMatchObject({ kind: 'messages', messages: [{ text: 'Добрый день! Когда приедет курьер?' }] });
  });

  it('normalises every message and status of a batched delivery', () => {
    // Arrange
    const text = readWireSample<WebhookSample>('whatsapp/webhook-message-text.json');
    const image = readWireSample<WebhookSample>('whatsapp/webhook-message-image.json');
    const delivered = readWireSample<WebhookSample>('whatsapp/webhook-status-delivered.json');
    const failed = readWireSample<WebhookSample>('whatsapp/webhook-status-failed.json');
    const [textEntry] = text.entry;
    const [imageChange] = image.entry[0]?.changes ?? [];
    const [deliveredChange] = delivered.entry[0]?.changes ?? [];
    const [failedChange] = failed.entry[0]?.changes ?? [];
    if (!textEntry || !imageChange || !deliveredChange || !failedChange) throw new Error('sample shape changed');
    const batch = {
      object: text.object,
      entry: [
        { ...textEntry, changes: [...textEntry.changes, imageChange] },
        { id: textEntry.id, changes: [deliveredChange, failedChange] },
      ],
    };

    // Act
    const result = normalizeWhatsAppWebhook(batch, context);

    // Assert
    expect(result.kind).toBe('mixed');
    if (result.kind !== 'mixed') return;
    expect(result.messages.map((message) => message.kind)).toEqual(['text', 'image']);
    expect(result.statuses.map((status) => status.status)).toEqual(['delivered', 'failed']);
    expect(result.events).toEqual([]);
  });

  it('ignores a change of a field other than messages', () => {
    // Arrange
    const payload = {
      object: 'whatsapp_business_account',
      entry: [{ id: '102290129340398', changes: [{ field: 'message_template_status_update', value: { event: 'APPROVED' } }] }],
    };

    // Act
    const result = normalizeWhatsAppWebhook(payload, context);

    // Assert
    expect(result).toEqual({
      kind: 'ignored',
      reason: 'no messages or known statuses in delivery',
      updateType: 'message_template_status_update',
    });
  });

  it('keeps a reaction visible as an unsupported message with its emoji', () => {
    // Arrange
    const payload = readWireSample<WebhookSample>('whatsapp/webhook-message-text.json');
    const value = payload.entry[0]?.changes[0]?.value;
    if (!value) throw new Error('sample shape changed');
    value.messages = [
      { from: '79001234567', id: 'wamid.reaction', timestamp: '1718871600', type: 'reaction', reaction: { message_id: 'wamid.x', emoji: '❤️' } },
    ];

    // Act
    const result = normalizeWhatsAppWebhook(payload, context);

    // Assert
    expect(result).toMatchObject({ kind: 'messages', messages: [{ kind: 'unsupported', unsupportedType: 'reaction', text: '❤️' }] });
  });

  it('rejects a messages change without metadata', () => {
    // Arrange
    const payload = readWireSample<WebhookSample>('whatsapp/webhook-message-text.json');
    const value = payload.entry[0]?.changes[0]?.value;
    if (!value) throw new Error('sample shape changed');
    delete value.metadata;

    // Act
    const act = () => normalizeWhatsAppWebhook(payload, context);

    // Assert
    expect(act).toThrow(ZodError);
  });

  it('rejects a body without entries', () => {
    // Act
    const act = () => normalizeWhatsAppWebhook({ object: 'whatsapp_business_account' }, context);

    // Assert
    expect(act).toThrow(ZodError);
  });
});
