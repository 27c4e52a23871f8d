import { describe, expect, it } from 'vitest';
import { attentionTitle, newOffers, unreadTotal } from './attention.ts';

describe('attention', () => {
  it('counts offers and unread messages in the tab title, and leaves a quiet title alone', () => {
    expect(attentionTitle('Рабочее место · Контакт-центр', 1, 2)).toBe('(3) Рабочее место · Контакт-центр');
    expect(attentionTitle('Рабочее место · Контакт-центр', 0, 0)).toBe('Рабочее место · Контакт-центр');
    expect(attentionTitle('Workspace', 0, 4)).toBe('(4) Workspace');
  });

  it('finds only the offers not seen before', () => {
    expect(newOffers(new Set(['a', 'b']), ['b', 'c', 'a', 'd'])).toEqual(['c', 'd']);
    expect(newOffers(new Set(), [])).toEqual([]);
  });

  it('adds up unread messages over contacts', () => {
    expect(unreadTotal(new Map([['c1', 2], ['c2', 3]]))).toBe(5);
    expect(unreadTotal(new Map())).toBe(0);
  });
});
