import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { broadcastRefusal, directRoomId, isMember, matchesTerms, mentionsIn, parseRoomId, presenceOf, queueRoomId, searchTerms, unreadOf, type RoomRef } from './values.ts';

const userId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/);

describe('team chat room ids', () => {
  it('name the same direct room whoever of the two opens it, and read back to the two users', () => {
    fc.assert(
      fc.property(userId, userId, (a, b) => {
        fc.pre(a !== b);
        const roomId = directRoomId(a, b);
        // Assert
        expect(directRoomId(b, a)).toBe(roomId);
        expect(parseRoomId(roomId)).toEqual({ kind: 'dm', roomId, userIds: [a, b].sort() });
      }),
    );
  });

  it('read the team, a queue’s room, and refuse what is no room (unsorted, one user twice, unknown kinds)', () => {
    expect(parseRoomId('team')).toEqual({ kind: 'team', roomId: 'team' });
    expect(parseRoomId(queueRoomId('support'))).toEqual({ kind: 'queue', roomId: 'queue:support', queueId: 'support' });
    for (const bad of ['dm:b:a', 'dm:a:a', 'dm:a', 'dm:a:b:c', 'queue:', 'room:x', 'teams', '']) expect(parseRoomId(bad), bad).toBeUndefined();
    expect(() => directRoomId('a', 'a')).toThrow();
    expect(() => directRoomId('a:b', 'c')).toThrow();
  });
});

describe('team chat members', () => {
  const support: RoomRef = { kind: 'queue', roomId: 'queue:support', queueId: 'support' };
  const dm: RoomRef = { kind: 'dm', roomId: 'dm:anna:boris', userIds: ['anna', 'boris'] };
  const anna = { userId: 'anna', roles: ['agent'] as const, queueIds: ['support'] };
  const viktor = { userId: 'viktor', roles: ['agent'] as const, queueIds: ['sales'] };
  const oleg = { userId: 'oleg', roles: ['supervisor'] as const, queueIds: [] };

  it('are everyone in the team, a queue’s agents with supervisors and admins in its room, and the two in a direct room', () => {
    expect(isMember({ kind: 'team', roomId: 'team' }, viktor)).toBe(true);
    expect([anna, viktor, oleg].map((p) => isMember(support, p))).toEqual([true, false, true]);
    expect([anna, viktor, oleg].map((p) => isMember(dm, p))).toEqual([true, false, false]);
  });

  it('let supervisors broadcast to a queue or the team, never agents, never into a direct room', () => {
    expect(broadcastRefusal(support, ['supervisor'])).toBeUndefined();
    expect(broadcastRefusal({ kind: 'team', roomId: 'team' }, ['admin'])).toBeUndefined();
    expect(broadcastRefusal(support, ['agent'])).toBe('not_supervisor');
    expect(broadcastRefusal(dm, ['admin'])).toBe('direct_room');
  });
});

describe('team chat mentions, unread counts and search', () => {
  const known = new Set(['u-anna', 'u-boris', 'u-agent-2']);

  it('finds known users named with @, once each, without the punctuation after them or an e-mail’s @', () => {
    const text = '@u-anna, посмотри; @u-agent-2. И ещё раз @u-anna! @nobody, oleg@u-boris.ru';
    expect(mentionsIn(text, known)).toEqual(['u-anna', 'u-agent-2']);
    expect(mentionsIn('(@u-boris)', known)).toEqual(['u-boris']);
  });

  it('never reports an id it was not given, whatever the text', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      for (const id of mentionsIn(text, known)) expect(known.has(id)).toBe(true);
    }));
  });

  it('counts others’ messages after the marker as unread, and those naming the reader as mentions', () => {
    const after = [{ senderId: 'anna', mentions: ['boris'] }, { senderId: 'boris' }, { senderId: 'oleg', mentions: ['anna'] }, { senderId: 'oleg' }];
    expect(unreadOf(after, 'boris')).toEqual({ unread: 3, mentions: 1 });
    expect(unreadOf(after, 'anna')).toEqual({ unread: 3, mentions: 1 });
    expect(unreadOf([], 'anna')).toEqual({ unread: 0, mentions: 0 });
  });

  it('matches every word of a search in any case, ё as е', () => {
    const terms = searchTerms('  Ёлка   ВОЗВРАТ ёлка ');
    expect(terms).toEqual(['елка', 'возврат']);
    expect(matchesTerms('Клиент хочет возврат за ёлку... нет, за Елка-палка', terms)).toBe(true);
    expect(matchesTerms('возврат', terms)).toBe(false);
  });

  it('shows routing’s busy and after-contact work alike as busy', () => {
    expect(['available', 'busy', 'after-contact-work', 'break', 'offline'].map((s) => presenceOf(s as never))).toEqual(['available', 'busy', 'busy', 'break', 'offline']);
  });
});
