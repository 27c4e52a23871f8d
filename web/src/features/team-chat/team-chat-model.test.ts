import { describe, expect, it } from 'vitest';
import type { RoomsView, TeamMessage } from '@cc/shared/team-chat/values';
import { applyPresence, contactLinkOf, teamViewOf, applyPushed, applyRead, insertMention, mentionCandidates, mentionParts, mentionQueryAt, mergeMessages, totalsOf } from './team-chat-model.ts';

const message = (n: number, extra: Partial<TeamMessage> = {}): TeamMessage => ({ tenantId: 't', roomId: 'queue:support', messageId: `tm-${n}`, clientMessageId: `c-${n}`, senderId: 'anna', senderName: 'Анна', text: `№${n}`, sentAt: `2026-12-05T10:00:0${n}.000Z`, ...extra });
const view = (): RoomsView => ({
  rooms: [
    { roomId: 'team', kind: 'team', memberIds: [], unread: 0, mentions: 0, readPosition: '' },
    { roomId: 'queue:support', kind: 'queue', queueId: 'support', memberIds: [], unread: 1, mentions: 0, readPosition: '', lastMessage: message(1) },
    { roomId: 'dm:anna:boris', kind: 'dm', peerId: 'anna', memberIds: [], unread: 0, mentions: 0, readPosition: '', lastMessage: message(0, { roomId: 'dm:anna:boris' }) },
    { roomId: 'dm:boris:oleg', kind: 'dm', peerId: 'oleg', memberIds: [], unread: 0, mentions: 0, readPosition: '', lastMessage: message(1, { roomId: 'dm:boris:oleg' }) },
  ],
  people: [{ userId: 'anna', name: 'Анна Петрова', roles: ['agent'], presence: 'available' }, { userId: 'oleg', name: 'Олег Кузнецов', roles: ['supervisor'], presence: 'online' }, { userId: 'boris', name: 'Борис', roles: ['agent'], presence: 'offline' }],
});

describe('the team chat in the console', () => {
  it('counts a pushed message from a colleague once, with its mention, unless the reader is looking at that room', () => {
    const pushed = message(2, { mentions: ['boris'] });
    const once = applyPushed(view(), pushed, 'boris', undefined);
    expect(once.rooms[1]).toMatchObject({ unread: 2, mentions: 1, lastMessage: { messageId: 'tm-2' } });
    expect(applyPushed(once, pushed, 'boris', undefined)).toBe(once);
    expect(applyPushed(view(), pushed, 'boris', 'queue:support').rooms[1]).toMatchObject({ unread: 1, lastMessage: { messageId: 'tm-2' } });
    expect(applyPushed(view(), pushed, 'anna', undefined).rooms[1]!.unread).toBe(1);
    expect(totalsOf(once)).toEqual({ unread: 2, mentions: 1 });
  });

  it('moves the direct room just written in to the top of the direct rooms, reads a room to zero, and follows presence', () => {
    const moved = applyPushed(view(), message(5, { roomId: 'dm:anna:boris' }), 'boris', undefined);
    expect(moved.rooms.map((r) => r.roomId)).toEqual(['team', 'queue:support', 'dm:anna:boris', 'dm:boris:oleg']);
    expect(applyRead(view(), 'queue:support', message(1)).rooms[1]).toMatchObject({ unread: 0, mentions: 0, readPosition: '2026-12-05T10:00:01.000Z#tm-1' });
    expect(applyPresence(view(), 'anna', 'break').people[0]!.presence).toBe('break');
  });

  it('shows each message once, oldest first, a stored copy replacing the one being sent', () => {
    const pending = { ...message(3), messageId: 'pending', pending: 'sending' as const };
    const merged = mergeMessages([message(2), pending], [message(1)]);
    expect(merged.map((m) => m.messageId)).toEqual(['tm-1', 'tm-2', 'pending']);
    expect(mergeMessages(merged, [message(3)]).map((m) => [m.messageId, m.pending])).toEqual([['tm-1', undefined], ['tm-2', undefined], ['tm-3', undefined]]);
    expect(mergeMessages([message(3)], [pending]).map((m) => m.messageId)).toEqual(['tm-3']);
  });

  it('shows known colleagues named with @ by name, leaving e-mails and strangers as written', () => {
    const names = new Map([['u-anna', 'Анна Петрова']]);
    expect(mentionParts('@u-anna, глянь; mail@u-anna.ru и @nobody', names)).toEqual([{ mention: 'u-anna', name: 'Анна Петрова' }, { text: ', глянь; mail@u-anna.ru и @nobody' }]);
    expect(mentionParts('без упоминаний', names)).toEqual([{ text: 'без упоминаний' }]);
  });

  it('finds the @query being typed, offers matching colleagues and puts the mention in its place', () => {
    expect(mentionQueryAt('Привет @пет', 11)).toEqual({ start: 7, query: 'пет' });
    expect(mentionQueryAt('mail@x', 6)).toBeUndefined();
    expect(mentionCandidates(view().people, 'пет', 'boris').map((p) => p.userId)).toEqual(['anna']);
    expect(mentionCandidates(view().people, '', 'boris').map((p) => p.userId)).toEqual(['anna', 'oleg']);
    expect(insertMention('Привет @пет!', 7, 3, 'anna')).toEqual({ text: 'Привет @anna !', caret: 13 });
  });

  it('opens the rooms, a room or a shared contact from the hash', () => {
    expect(teamViewOf('')).toEqual({ view: 'rooms' });
    expect(teamViewOf('queue%3Asupport')).toEqual({ view: 'room', roomId: 'queue:support' });
    expect(teamViewOf('contact/c-1')).toEqual({ view: 'contact', contactId: 'c-1' });
    expect(teamViewOf('contact/c-1/x')).toEqual({ view: 'rooms' });
    expect(teamViewOf('%E0')).toEqual({ view: 'rooms' });
    expect(contactLinkOf('c 1')).toBe('#/team/contact/c%201');
  });
});
