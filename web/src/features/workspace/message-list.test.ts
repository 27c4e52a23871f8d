import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '@cc/shared/conversations/model';
import { applyMessage, applyMessageList, deliveryMark, groupByDay } from './message-list.ts';

const message = (messageId: string, overrides: Partial<StoredMessage> = {}): StoredMessage => ({
  tenantId: 't',
  messageId,
  channel: 'telegram',
  channelId: 'tg',
  conversationId: 'conv',
  conversationExternalId: '42',
  customerId: 'cus',
  customerExternalId: '42',
  contactId: 'c1',
  direction: 'outbound',
  kind: 'text',
  text: 'Здравствуйте',
  attachments: [],
  sentAt: '2026-03-05T10:00:00Z',
  receivedAt: '2026-03-05T10:00:00Z',
  status: 'pending',
  statusHistory: [],
  sendAttempt: 1,
  edited: false,
  editHistory: [],
  appliedEditKeys: [],
  version: 1,
  ...overrides,
});

describe('deliveryMark', () => {
  it('shows nothing on the customer’s messages', () => {
    expect(deliveryMark(message('m', { direction: 'inbound', status: 'received' }))).toEqual({ kind: 'none' });
  });

  it('maps our statuses to a clock, one tick, two ticks and two read ticks', () => {
    expect(deliveryMark(message('m', { status: 'pending' }))).toEqual({ kind: 'pending' });
    expect(deliveryMark(message('m', { status: 'sent' }))).toEqual({ kind: 'ticks', count: 1, read: false });
    expect(deliveryMark(message('m', { status: 'delivered' }))).toEqual({ kind: 'ticks', count: 2, read: false });
    expect(deliveryMark(message('m', { status: 'read' }))).toEqual({ kind: 'ticks', count: 2, read: true });
  });

  it('carries the provider’s reason and code of a failure, and whether a resend may help', () => {
    // Arrange
    const failed = message('m', { status: 'failed', failure: { category: 'recipient_unreachable', reason: 'Forbidden: bot was blocked by the user', providerCode: '403', permanent: true, at: '2026-03-05T10:00:01Z' } });
    // Act
    const mark = deliveryMark(failed);
    // Assert
    expect(mark).toEqual({ kind: 'failed', reason: 'Forbidden: bot was blocked by the user (403)', permanent: true });
  });

  it('does not repeat a provider code the reason already names', () => {
    const failed = message('m', { status: 'failed', failure: { category: 'rejected', reason: '(#131047) Re-engagement message', providerCode: '131047', permanent: false, at: '2026-03-05T10:00:01Z' } });
    expect(deliveryMark(failed)).toEqual({ kind: 'failed', reason: '(#131047) Re-engagement message', permanent: false });
  });
});

describe('applyMessage', () => {
  it('adds messages in the order they were written', () => {
    const later = message('b', { sentAt: '2026-03-05T10:05:00Z' });
    const earlier = message('a', { sentAt: '2026-03-05T10:01:00Z' });
    expect(applyMessage(applyMessage([], later), earlier).map((m) => m.messageId)).toEqual(['a', 'b']);
  });

  it('replaces a message with a newer version and ignores an older one', () => {
    // Arrange
    const list = [message('a', { status: 'delivered', version: 3 })];
    // Act
    const stale = applyMessage(list, message('a', { status: 'sent', version: 2 }));
    const read = applyMessage(list, message('a', { status: 'read', version: 4 }));
    // Assert
    expect(stale).toBe(list);
    expect(read[0]!.status).toBe('read');
  });
});

describe('applyMessageList', () => {
  it('takes the loaded list but keeps pushed copies that are newer or not loaded yet', () => {
    const held = [message('a', { status: 'delivered', version: 3 }), message('new', { sentAt: '2026-03-05T11:00:00Z' })];
    const loaded = [message('a', { status: 'sent', version: 2 }), message('old', { sentAt: '2026-03-05T09:00:00Z' })];
    const next = applyMessageList(held, loaded);
    expect(next.map((m) => `${m.messageId}:${m.status}`)).toEqual(['old:pending', 'a:delivered', 'new:pending']);
  });
});

describe('groupByDay', () => {
  it('starts a new group whenever the day changes', () => {
    const groups = groupByDay([{ sentAt: '2026-03-04T10:00:00Z' }, { sentAt: '2026-03-05T09:00:00Z' }, { sentAt: '2026-03-05T10:00:00Z' }], (at) => at.slice(0, 10));
    expect(groups.map((g) => [g.day, g.messages.length])).toEqual([
      ['2026-03-04', 1],
      ['2026-03-05', 2],
    ]);
  });
});
