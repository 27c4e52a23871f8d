/**
 * The team chat's vocabulary, zod-free so the console imports it: rooms (the tenant-wide `team`, one per queue, a
 * direct room per pair of colleagues), messages with mentions, a shared contact and the supervisor's broadcast flag,
 * read markers, unread and mention counts, and presence read from the agent's stored status (docs/team-chat.md).
 */
import { hasRole, type Role } from '../auth/values.ts';
import type { AgentStatus } from '../agents/values.ts';
import type { ChannelKind } from '../channels/catalog.ts';

export const TEAM_CHAT_LIMITS = {
  textMaxLength: 4000,
  clientIdMaxLength: 64,
  /** A history page, by default and at most. */
  pageSize: 50,
  pageMax: 100,
  /** Unread messages counted per room; beyond it the console shows "99+". */
  unreadCap: 99,
  /** Search reads at most this many of each room's newest messages (the bound of a term search without an index). */
  searchScanPerRoom: 500,
  searchHits: 50,
  searchTermMin: 2,
  searchTermMax: 100,
  /** A shared contact's label (the customer's name) is cut to this. */
  contactLabelMax: 80,
  /** Direct rooms a person's list shows (the newest by their marker's creation; older ones open again from the picker). */
  directRoomsListed: 200,
} as const;

export const ROOM_KINDS = ['team', 'queue', 'dm'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

/** The tenant-wide room everyone is in. */
export const TEAM_ROOM_ID = 'team';

/** Where a room id points: the team, a queue's room, or the direct room of two users (ids sorted). */
export type RoomRef = { kind: 'team'; roomId: string } | { kind: 'queue'; roomId: string; queueId: string } | { kind: 'dm'; roomId: string; userIds: [string, string] };

export const queueRoomId = (queueId: string) => `queue:${queueId}`;

/** The direct room of two users: the same id whoever opens it. @throws Error for one user twice or an id holding `:` */
export function directRoomId(a: string, b: string): string {
  if (a === b || a.includes(':') || b.includes(':') || !a || !b) throw new Error('A direct room joins two different users whose ids hold no ":"');
  return a < b ? `dm:${a}:${b}` : `dm:${b}:${a}`;
}

/** What a room id names, or undefined for one that is no room id at all (malformed, unsorted, one user twice). */
export function parseRoomId(roomId: string): RoomRef | undefined {
  if (roomId === TEAM_ROOM_ID) return { kind: 'team', roomId };
  const [kind, ...rest] = roomId.split(':');
  if (kind === 'queue' && rest.length >= 1 && rest.join(':') !== '') return { kind: 'queue', roomId, queueId: rest.join(':') };
  if (kind === 'dm' && rest.length === 2) {
    const [a, b] = rest as [string, string];
    if (a && b && a < b) return { kind: 'dm', roomId, userIds: [a, b] };
  }
  return undefined;
}

/** Presence as colleagues see it, read from the agent's stored status; people without an agent record: online or not. */
export const PRESENCES = ['available', 'busy', 'break', 'offline', 'online'] as const;
export type Presence = (typeof PRESENCES)[number];

/** The presence an agent's status shows: routing's busy and after-contact work are both "busy". */
export function presenceOf(status: AgentStatus): Presence {
  if (status === 'after-contact-work') return 'busy';
  return status;
}

/** A contact shared into a chat, as the server resolved it from the contact (never as the client described it). */
export interface ContactRef {
  contactId: string;
  channel: ChannelKind;
  /** The customer's name, or empty when the contact has none. */
  label: string;
}

/** One message of a room. */
export interface TeamMessage {
  tenantId: string;
  roomId: string;
  messageId: string;
  /** The sender's own id for this message: a repeated send with it answers the stored message. */
  clientMessageId: string;
  senderId: string;
  senderName: string;
  text: string;
  sentAt: string;
  /** A supervisor's broadcast to the room: shown prominently and as a notification. */
  broadcast?: boolean;
  /** Room members named as `@<userId>` in the text, who are notified. */
  mentions?: string[];
  contactRef?: ContactRef;
}

/** Where a message sits in its room: messages sort by it, read markers and cursors hold it. */
export const positionOf = (message: Pick<TeamMessage, 'sentAt' | 'messageId'>) => `${message.sentAt}#${message.messageId}`;

/** How far one user has read one room. */
export interface ReadMarker {
  tenantId: string;
  userId: string;
  roomId: string;
  /** The position of the last message read; empty when nothing was read yet. */
  readPosition: string;
  updatedAt: string;
}

/** A colleague as the chat shows them. */
export interface TeamPerson {
  userId: string;
  name: string;
  roles: Role[];
  presence: Presence;
}

/** A room in a person's list. */
export interface RoomSummary {
  roomId: string;
  kind: RoomKind;
  /** A queue room: the queue. */
  queueId?: string;
  /** A direct room: the other person. */
  peerId?: string;
  memberIds: string[];
  /** Others' messages after the reader's marker, counted up to `TEAM_CHAT_LIMITS.unreadCap` (then `unreadCapped`). */
  unread: number;
  unreadCapped?: boolean;
  /** Of those, the ones naming the reader. */
  mentions: number;
  readPosition: string;
  lastMessage?: TeamMessage;
}

/** `GET /api/team-chat/rooms`. */
export interface RoomsView {
  rooms: RoomSummary[];
  people: TeamPerson[];
}

/** A page of a room's history, newest first; `cursor` reads the page before it. */
export interface MessagePage {
  messages: TeamMessage[];
  cursor?: string;
}

/** Others' messages and those naming `userId` among `messages` (the ones after a marker). */
export function unreadOf(messages: readonly Pick<TeamMessage, 'senderId' | 'mentions'>[], userId: string): { unread: number; mentions: number } {
  let unread = 0;
  let mentions = 0;
  for (const message of messages) {
    if (message.senderId === userId) continue;
    unread += 1;
    if (message.mentions?.includes(userId)) mentions += 1;
  }
  return { unread, mentions };
}

/** Who is in a room, from what the directory says of a person. */
export interface RoomCandidate {
  userId: string;
  roles: readonly Role[];
  /** The queues they serve as an agent. */
  queueIds: readonly string[];
}

/** Whether `who` reads and writes `room`: everyone the team, supervisors and a queue's agents its room, the two their direct room. */
export function isMember(room: RoomRef, who: RoomCandidate): boolean {
  if (room.kind === 'team') return true;
  if (room.kind === 'queue') return hasRole(who.roles, 'supervisor') || who.queueIds.includes(room.queueId);
  return room.userIds.includes(who.userId);
}

/** Why `who` may not post a broadcast into `room`, or undefined when they may. */
export function broadcastRefusal(room: RoomRef, roles: readonly Role[]): 'not_supervisor' | 'direct_room' | undefined {
  if (!hasRole(roles, 'supervisor')) return 'not_supervisor';
  return room.kind === 'dm' ? 'direct_room' : undefined;
}

/** A mention's characters: an id (letters, digits, `_ . : -`) after `@`. */
const MENTION = /(?:^|[^A-Za-z0-9_.@-])@([A-Za-z0-9][A-Za-z0-9_.:-]*)/g;

/**
 * The users named `@<userId>` in `text`, in order of first mention, among `known` ids. Punctuation after a mention
 * ("@u-anna, …", "@u-anna.") is not part of the id.
 */
export function mentionsIn(text: string, known: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(MENTION)) {
    let id = match[1]!;
    while (!known.has(id) && /[_.:-]$/.test(id)) id = id.slice(0, -1);
    if (known.has(id) && !found.includes(id)) found.push(id);
  }
  return found;
}

/** Text as search compares it: lower case, ё as е, one space between words. */
export const searchableText = (text: string) => text.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/** The words of a search: every one must appear in a message (at most 8, each kept once). */
export function searchTerms(query: string): string[] {
  return [...new Set(searchableText(query).split(' ').filter(Boolean))].slice(0, 8);
}

/** Whether a message's text holds every term. */
export const matchesTerms = (text: string, terms: readonly string[]) => {
  const searchable = searchableText(text);
  return terms.every((term) => searchable.includes(term));
};
