import { hashFor } from '../shell/routes.ts';
import { positionOf, TEAM_CHAT_LIMITS, type Presence, type RoomSummary, type RoomsView, type TeamMessage } from '@cc/shared/team-chat/values';

/** A message the console shows: stored, or still on its way (`pending`) or refused (`failed`), keyed by its client id until stored. */
export type ShownMessage = TeamMessage & { pending?: 'sending' | 'failed' };

/** A room's messages oldest first, each once (a stored message replaces its pending copy, a push its earlier copy). */
export function mergeMessages(shown: readonly ShownMessage[], incoming: readonly ShownMessage[]): ShownMessage[] {
  const byKey = new Map<string, ShownMessage>();
  const keyOf = (m: ShownMessage) => `${m.senderId}#${m.clientMessageId}`;
  for (const message of [...shown, ...incoming]) {
    const earlier = byKey.get(keyOf(message));
    // A stored copy wins over a pending one, whichever came first.
    if (earlier && !earlier.pending && message.pending) continue;
    byKey.set(keyOf(message), message);
  }
  return [...byKey.values()].sort((a, b) => positionOf(a).localeCompare(positionOf(b)));
}

/**
 * The rooms list after a pushed message: the room's last message, and one more unread (and mention) unless the
 * reader wrote it or is looking at the room. A message already shown as the last one changes nothing (a repeat push).
 */
export function applyPushed(view: RoomsView, message: TeamMessage, selfId: string, viewing: string | undefined): RoomsView {
  const room = view.rooms.find((r) => r.roomId === message.roomId);
  if (!room || (room.lastMessage && positionOf(room.lastMessage) >= positionOf(message))) return view;
  const counts = message.senderId !== selfId && viewing !== message.roomId && positionOf(message) > room.readPosition;
  const next: RoomSummary = {
    ...room,
    lastMessage: message,
    ...(counts && { unread: Math.min(room.unread + 1, TEAM_CHAT_LIMITS.unreadCap), mentions: room.mentions + (message.mentions?.includes(selfId) ? 1 : 0), ...(room.unread + 1 > TEAM_CHAT_LIMITS.unreadCap && { unreadCapped: true }) }),
  };
  const rooms = view.rooms.map((r) => (r.roomId === room.roomId ? next : r));
  return { ...view, rooms: sortDirectRooms(rooms) };
}

/** Direct rooms after the others, the latest conversation first (the order the server lists them in). */
export function sortDirectRooms(rooms: readonly RoomSummary[]): RoomSummary[] {
  const direct = rooms.filter((r) => r.kind === 'dm').sort((a, b) => (b.lastMessage?.sentAt ?? '').localeCompare(a.lastMessage?.sentAt ?? ''));
  return [...rooms.filter((r) => r.kind !== 'dm'), ...direct];
}

/** The rooms list once the reader has read a room up to `message`. */
export function applyRead(view: RoomsView, roomId: string, message: Pick<TeamMessage, 'sentAt' | 'messageId'>): RoomsView {
  const position = positionOf(message);
  return { ...view, rooms: view.rooms.map((r) => (r.roomId === roomId && position >= r.readPosition ? { ...r, readPosition: position, unread: 0, mentions: 0, unreadCapped: false } : r)) };
}

/** A colleague's presence changed. */
export function applyPresence(view: RoomsView, userId: string, presence: Presence): RoomsView {
  return { ...view, people: view.people.map((p) => (p.userId === userId ? { ...p, presence } : p)) };
}

/** Unread messages and mentions over every room, for the navigation's badge. */
export function totalsOf(view: RoomsView | undefined): { unread: number; mentions: number } {
  let unread = 0;
  let mentions = 0;
  for (const room of view?.rooms ?? []) {
    unread += room.unread;
    mentions += room.mentions;
  }
  return { unread, mentions };
}

/** A piece of a message's text: plain, or a colleague named with `@`. */
export type TextPart = { text: string } | { mention: string; name: string };

/** The text with each `@<userId>` of a known colleague as a mention, the rest as written. */
export function mentionParts(text: string, names: ReadonlyMap<string, string>): TextPart[] {
  const parts: TextPart[] = [];
  const pattern = /@([A-Za-z0-9][A-Za-z0-9_.:-]*)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    let id = match[1]!;
    while (!names.has(id) && /[_.:-]$/.test(id)) id = id.slice(0, -1);
    const name = names.get(id);
    const start = match.index;
    const before = start > 0 ? text[start - 1]! : '';
    if (name === undefined || /[A-Za-z0-9_.@-]/.test(before)) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ mention: id, name });
    last = start + 1 + id.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The text with known colleagues' mentions by name, as one line of plain text (previews, toasts, search hits). */
export const plainText = (text: string, names: ReadonlyMap<string, string>) => mentionParts(text, names).map((part) => ('mention' in part ? `@${part.name}` : part.text)).join('');

/** The `@query` being typed at the caret (letters after an `@` that starts a word), if any. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | undefined {
  const before = text.slice(0, caret);
  const match = /(?:^|\s)@([^\s@]{0,40})$/.exec(before);
  if (!match) return undefined;
  return { start: caret - match[1]!.length - 1, query: match[1]! };
}

/** Colleagues whose name or id starts a word with `query` (case and ё-insensitive), the reader left out. */
export function mentionCandidates<T extends { userId: string; name: string }>(people: readonly T[], query: string, selfId: string): T[] {
  const fold = (s: string) => s.toLocaleLowerCase('ru').replace(/ё/g, 'е');
  const wanted = fold(query);
  return people.filter((p) => p.userId !== selfId && (wanted === '' || fold(p.userId).startsWith(wanted) || fold(p.name).split(/\s+/).some((word) => word.startsWith(wanted)))).slice(0, 8);
}

/** Text with a mention of `userId` put in place of the `@query` at `start`. */
export function insertMention(text: string, start: number, queryLength: number, userId: string): { text: string; caret: number } {
  const inserted = `@${userId} `;
  return { text: `${text.slice(0, start)}${inserted}${text.slice(start + 1 + queryLength)}`, caret: start + inserted.length };
}

/** A fresh id for a message the console is about to send (kept across retries of that message). */
export const newClientMessageId = () => `c-${crypto.randomUUID()}`;

/** Where a shared contact opens: the team section's contact view, which shows it to whoever may see it (a 403 otherwise). */
export const contactLinkOf = (contactId: string) => `${hashFor('team')}/contact/${encodeURIComponent(contactId)}`;

/** What `#/team/<sub-path>` opens: the rooms, one room, or a shared contact. */
export function teamViewOf(subPath: string): { view: 'rooms' } | { view: 'room'; roomId: string } | { view: 'contact'; contactId: string } {
  const [first, second, ...rest] = subPath.split('/');
  if (!first || rest.length > 0) return { view: 'rooms' };
  try {
    if (first === 'contact') return second ? { view: 'contact', contactId: decodeURIComponent(second) } : { view: 'rooms' };
    return second === undefined ? { view: 'room', roomId: decodeURIComponent(first) } : { view: 'rooms' };
  } catch {
    return { view: 'rooms' };
  }
}
