import { describe, expect, it } from 'vitest';
import type { Customer } from './model.ts';
import { linkCustomers, suggestMerges } from './merge.ts';
import { decodeHistoryCursor, encodeHistoryCursor, mergeHistoryPages } from './history.ts';

const customer = (customerId: string, extra: Partial<Customer> = {}): Customer => ({
  tenantId: 't', customerId, channel: 'telegram', channelId: 'tg', externalId: customerId, linkedCustomerIds: [], createdAt: 'x', updatedAt: 'x', version: 0, ...extra,
});

describe('suggestMerges', () => {
  it('suggests customers on other channels with the same phone, not the customer itself', () => {
    // Arrange
    const tg = customer('tg-anna', { phone: '+79001234567', name: 'Анна' });
    const wa = customer('wa-anna', { phone: '+79001234567', channel: 'whatsapp', channelId: 'wa', name: 'Anna S' });
    // Act
    const suggestions = suggestMerges(tg, [tg, wa]);
    // Assert
    expect(suggestions).toEqual([{ customerId: 'wa-anna', channel: 'whatsapp', channelId: 'wa', name: 'Anna S', phone: '+79001234567', reason: 'same_phone' }]);
  });

  it('suggests nothing once they are linked, or without a phone', () => {
    // Arrange
    const tg = customer('tg-anna', { phone: '+79001234567', linkedCustomerIds: ['wa-anna'] });
    const wa = customer('wa-anna', { phone: '+79001234567' });
    // Act / Assert
    expect(suggestMerges(tg, [wa])).toEqual([]);
    expect(suggestMerges(customer('x'), [wa])).toEqual([]);
  });
});

describe('linkCustomers', () => {
  it('links every member with every other and bumps only the changed ones', () => {
    // Arrange
    const a = customer('a', { linkedCustomerIds: ['b'] });
    const b = customer('b', { linkedCustomerIds: ['a'] });
    const c = customer('c');
    // Act
    const changed = linkCustomers([a, b, c], 'now');
    // Assert
    expect(changed.map((m) => [m.customerId, m.linkedCustomerIds, m.version])).toEqual([
      ['a', ['b', 'c'], 1],
      ['b', ['a', 'c'], 1],
      ['c', ['a', 'b'], 1],
    ]);
    expect(linkCustomers(changed, 'now')).toEqual([]);
  });
});

describe('mergeHistoryPages', () => {
  const slice = (customerId: string, keys: string[], requested = 2) => ({ customerId, items: keys, sortKeys: keys, requested });

  it('interleaves linked customers newest first and continues exactly after the page', () => {
    // Arrange: a has 3 messages, b has 1
    const first = mergeHistoryPages([slice('a', ['MSG#5', 'MSG#3']), slice('b', ['MSG#4'])], {}, 2);
    // Act
    const second = mergeHistoryPages([slice('a', ['MSG#3', 'MSG#1'])], first.cursor, 2);
    // Assert
    expect(first.items).toEqual(['MSG#5', 'MSG#4']);
    expect(first.cursor).toEqual({ a: 'MSG#5', b: null });
    expect(second.items).toEqual(['MSG#3', 'MSG#1']);
    expect(encodeHistoryCursor(mergeHistoryPages([slice('a', [])], second.cursor, 2).cursor, ['a', 'b'])).toBeUndefined();
  });

  it('round-trips its cursor and refuses one it did not issue', () => {
    // Arrange
    const cursor = { a: 'MSG#2026-01-01T00:00:00.000Z#msg_1', b: null };
    // Act / Assert
    expect(decodeHistoryCursor(encodeHistoryCursor(cursor, ['a', 'b']))).toEqual(cursor);
    expect(() => decodeHistoryCursor('not-a-cursor')).toThrow('Invalid history cursor');
  });
});
