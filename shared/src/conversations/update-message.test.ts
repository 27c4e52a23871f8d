import { describe, expect, it } from 'vitest';
import type { DeliveryStatus, Message } from '../messaging/model.ts';
import type { Conversation, StoredMessage } from './model.ts';
import { applyDeliveryStatus, applyMessageEdit, claimDelivery, recordSendResult, requestResend } from './update-message.ts';
import { customerFacingText, newWhisperMessage } from './build-message.ts';

const stored = (extra: Partial<StoredMessage> = {}): StoredMessage => ({
  tenantId: 't', messageId: 'm1', channel: 'telegram', channelId: 'tg', conversationId: 'conv', conversationExternalId: '1', customerId: 'cus', customerExternalId: '1',
  direction: 'inbound', kind: 'text', text: 'Добрый день', attachments: [], providerMessageId: '57', sentAt: '2024-06-20T08:10:00.000Z', receivedAt: '2024-06-20T08:10:01.000Z',
  status: 'received', statusHistory: [], sendAttempt: 0, edited: false, editHistory: [], appliedEditKeys: [], version: 1, ...extra,
});
const edit = (text: string, sentAt: string): Message => ({
  channel: 'telegram', channelId: 'tg', conversationExternalId: '1', customerExternalId: '1', customer: {}, direction: 'inbound', kind: 'text', text, attachments: [],
  providerMessageId: '57', dedupKey: `1:57:edit:${sentAt}`, sentAt, edited: true, editOf: '57',
});
const report = (status: DeliveryStatus['status'], occurredAt: string, error?: DeliveryStatus['error']): DeliveryStatus => ({
  channel: 'whatsapp', channelId: 'wa', providerMessageId: 'wamid.1', status, recipientExternalId: '7900', occurredAt, dedupKey: `wamid.1:${status}`, ...(error && { error }),
});

describe('applyMessageEdit', () => {
  it('replaces the text and keeps the earlier version in the history', () => {
    // Act
    const next = applyMessageEdit(stored(), edit('Добрый вечер', '2024-06-20T08:12:00.000Z'));
    // Assert
    expect(next).toMatchObject({ text: 'Добрый вечер', edited: true, editedAt: '2024-06-20T08:12:00.000Z', version: 2 });
    expect(next?.editHistory).toEqual([{ text: 'Добрый день', attachments: [], at: '2024-06-20T08:10:00.000Z' }]);
  });

  it('changes nothing when the same edit is delivered again', () => {
    // Arrange
    const once = applyMessageEdit(stored(), edit('Добрый вечер', '2024-06-20T08:12:00.000Z'))!;
    // Act / Assert
    expect(applyMessageEdit(once, edit('Добрый вечер', '2024-06-20T08:12:00.000Z'))).toBeUndefined();
  });

  it('files an older edit that arrives late into the history without changing the text', () => {
    // Arrange
    const latest = applyMessageEdit(stored(), edit('третья версия', '2024-06-20T08:14:00.000Z'))!;
    // Act
    const next = applyMessageEdit(latest, edit('вторая версия', '2024-06-20T08:12:00.000Z'))!;
    // Assert
    expect(next.text).toBe('третья версия');
    expect(next.editHistory.map((r) => r.text)).toEqual(['Добрый день', 'вторая версия']);
  });
});

describe('applyDeliveryStatus', () => {
  const sent = stored({ direction: 'outbound', status: 'sent', statusHistory: [{ status: 'sent', at: '2024-06-20T08:10:00.000Z' }] });

  it('moves a sent message to delivered, then read', () => {
    // Act
    const delivered = applyDeliveryStatus(sent, report('delivered', '2024-06-20T08:10:05.000Z'))!;
    const read = applyDeliveryStatus(delivered, report('read', '2024-06-20T08:11:00.000Z'))!;
    // Assert
    expect(delivered.status).toBe('delivered');
    expect(read.status).toBe('read');
  });

  it('never moves backwards when a delivered report arrives after read', () => {
    // Arrange
    const read = applyDeliveryStatus(sent, report('read', '2024-06-20T08:11:00.000Z'))!;
    // Act
    const next = applyDeliveryStatus(read, report('delivered', '2024-06-20T08:10:05.000Z'))!;
    // Assert
    expect(next.status).toBe('read');
    expect(next.statusHistory.map((s) => s.status)).toEqual(['sent', 'read', 'delivered']);
  });

  it('records a failure with the provider reason', () => {
    // Act
    const next = applyDeliveryStatus(sent, report('failed', '2024-06-20T08:10:05.000Z', { code: '131047', title: 'Re-engagement message', detail: 'more than 24 hours' }))!;
    // Assert
    expect(next.status).toBe('failed');
    expect(next.failure).toMatchObject({ providerCode: '131047', reason: 'Re-engagement message', detail: 'more than 24 hours', permanent: true });
  });

  it('ignores a redelivered report', () => {
    // Arrange
    const delivered = applyDeliveryStatus(sent, report('delivered', '2024-06-20T08:10:05.000Z'))!;
    // Act / Assert
    expect(applyDeliveryStatus(delivered, report('delivered', '2024-06-20T08:10:05.000Z'))).toBeUndefined();
  });
});

describe('recordSendResult and requestResend', () => {
  const pending = stored({ direction: 'outbound', status: 'pending', sendAttempt: 1, providerMessageId: undefined });

  it('records the provider id of a sent message', () => {
    // Act
    const next = recordSendResult(pending, { ok: true, providerMessageId: '99', attempts: 2 }, new Date('2024-06-20T08:10:00.000Z'));
    // Assert
    expect(next).toMatchObject({ status: 'sent', providerMessageId: '99', version: 2 });
  });

  it('records a blocked bot as failed with the provider reason, and allows a resend', () => {
    // Act
    const failed = recordSendResult(pending, { ok: false, permanent: true, category: 'recipient_unreachable', reason: 'Forbidden: bot was blocked by the user', providerCode: '403', attempts: 1 }, new Date());
    const again = requestResend(failed, new Date())!;
    // Assert
    expect(failed).toMatchObject({ status: 'failed', failure: { category: 'recipient_unreachable', reason: 'Forbidden: bot was blocked by the user', providerCode: '403', permanent: true } });
    expect(again).toMatchObject({ status: 'pending', sendAttempt: 2 });
    expect(again.failure).toBeUndefined();
  });

  it('refuses to resend a message that did not fail', () => {
    // Act / Assert
    expect(requestResend(pending, new Date())).toBeUndefined();
  });
});

describe('whispers and signed replies', () => {
  const conversation = { tenantId: 't', conversationId: 'conv', channel: 'telegram', channelId: 'tg', conversationExternalId: '1', customerId: 'cus', customerExternalId: '1', awaitingQueueChoice: false, pendingMessageIds: [], reachable: true, createdAt: '', updatedAt: '', version: 1 } satisfies Conversation;
  const whisper = newWhisperMessage({ messageId: 'w1', conversation, contactId: 'c1', text: 'Предложите скидку', authorId: 'sup', authorName: 'Олег', at: '2024-06-20T08:11:00.000Z' });

  it('stores a whisper final and marked, so no delivery claims it, even from a stray outbox record', () => {
    expect(whisper).toMatchObject({ whisper: true, status: 'sent', sendAttempt: 0, direction: 'outbound' });
    expect(claimDelivery(whisper, 0, 1, new Date('2024-06-20T08:11:01.000Z'), 30_000)).toEqual({ kind: 'skip' });
    expect(claimDelivery({ ...whisper, status: 'pending', sendAttempt: 1 }, 1, 1, new Date('2024-06-20T08:11:01.000Z'), 30_000)).toEqual({ kind: 'skip' });
    expect(requestResend({ ...whisper, status: 'failed' }, new Date())).toBeUndefined();
  });

  it('signs a barging supervisor’s text with their name for the customer, and leaves an agent’s as written', () => {
    expect(customerFacingText({ text: 'Доставим завтра', authorName: 'Олег' })).toBe('Олег: Доставим завтра');
    expect(customerFacingText({ text: 'Доставим завтра' })).toBe('Доставим завтра');
  });
});
