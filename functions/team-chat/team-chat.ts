import { randomUUID } from 'node:crypto';
import type { Principal } from '@cc/shared/auth/model';
import { ForbiddenError, InvalidRequestError, NotFoundError } from '@cc/shared/errors';
import type { SendTeamMessage } from '@cc/shared/team-chat/schema';
import {
  broadcastRefusal, directRoomId, isMember, mentionsIn, parseRoomId, positionOf, searchTerms, TEAM_CHAT_LIMITS as L, TEAM_ROOM_ID, unreadOf,
  type ContactRef, type MessagePage, type ReadMarker, type RoomRef, type RoomSummary, type RoomsView, type TeamMessage,
} from '@cc/shared/team-chat/values';
import type { Deps } from '../composition/deps.ts';
import type { RoutingQueries } from '../routing/queries.ts';
import { TeamDirectory, type TeamMember } from './team-directory.ts';

type ChatDeps = Pick<Deps, 'teamChat' | 'queues' | 'customers' | 'clock' | 'directory' | 'agents' | 'connections'>;

/** A room the caller may use, with the people its decisions need. */
interface OpenedRoom {
  room: RoomRef;
  me: TeamMember;
  people: TeamMember[];
}

/** How far in the future a read marker may point: a console's clock a little ahead, never a marker that hides tomorrow. */
const MARKER_SLACK_MS = 60_000;

/**
 * The team chat (docs/team-chat.md): each caller's rooms with unread and mention counts, a room's history, sending
 * (idempotent by the client's message id, mentions resolved against the room's members, a contact shared as the server
 * reads it, broadcasts for supervisors), read markers, direct rooms and the search over the rooms one may read. Every
 * room is the caller's tenant's; a room they are not in is a 403, one that does not exist a 404.
 */
export class TeamChat {
  private readonly directory: TeamDirectory;

  constructor(private readonly deps: ChatDeps, private readonly contacts: Pick<RoutingQueries, 'getContact'>) {
    this.directory = new TeamDirectory(deps);
  }

  /** The caller's rooms (the team, their queues', their direct rooms), each with its unread count, and the tenant's people. */
  async rooms(principal: Principal): Promise<RoomsView> {
    const people = await this.directory.people(principal.tenantId);
    const me = TeamDirectory.self(principal, people);
    const [refs, markers] = await Promise.all([this.readableRooms(principal, me, people), this.deps.teamChat.markers(principal.tenantId, principal.userId)]);
    const markerOf = new Map(markers.map((m) => [m.roomId, m]));
    const rooms = await Promise.all(refs.map((room) => this.summary(principal, room, markerOf.get(room.roomId), people)));
    const direct = rooms.filter((r) => r.kind === 'dm').sort((a, b) => (b.lastMessage?.sentAt ?? '').localeCompare(a.lastMessage?.sentAt ?? ''));
    return { rooms: [...rooms.filter((r) => r.kind !== 'dm'), ...direct], people: people.map(({ queueIds: _queueIds, ...person }) => person) };
  }

  /** One page of a room's history, newest first. @throws NotFoundError, ForbiddenError */
  async history(principal: Principal, roomId: string, query: { before?: string | undefined; limit: number }): Promise<MessagePage> {
    await this.open(principal, roomId);
    return this.deps.teamChat.page(principal.tenantId, roomId, query);
  }

  /**
   * Sends a message; a repeat with the same client message id answers the stored one (`created: false`).
   * @throws NotFoundError, ForbiddenError (not in the room, an agent's broadcast, a contact they may not see), InvalidRequestError
   */
  async send(principal: Principal, roomId: string, body: SendTeamMessage): Promise<{ message: TeamMessage; created: boolean }> {
    const { room, people } = await this.open(principal, roomId);
    if (body.broadcast) {
      const refusal = broadcastRefusal(room, principal.roles);
      if (refusal === 'not_supervisor') throw new ForbiddenError('Only supervisors and admins may broadcast');
      if (refusal === 'direct_room') throw new InvalidRequestError('A broadcast goes to a queue’s room or the team, not to a direct room', { field: 'broadcast', reason: 'broadcast_in_direct_room' });
    }
    const contactRef = body.contactId === undefined ? undefined : await this.contactRefOf(principal, body.contactId);
    const members = new Set(TeamDirectory.membersOf(room, people));
    members.delete(principal.userId);
    const mentions = mentionsIn(body.text, members);
    const at = this.deps.clock.now().toISOString();
    const message: TeamMessage = {
      tenantId: principal.tenantId,
      roomId,
      messageId: `tm-${randomUUID()}`,
      clientMessageId: body.clientMessageId,
      senderId: principal.userId,
      senderName: TeamDirectory.self(principal, people).name,
      text: body.text,
      sentAt: at,
      ...(body.broadcast && { broadcast: true }),
      ...(mentions.length > 0 && { mentions }),
      ...(contactRef && { contactRef }),
    };
    const stored = await this.deps.teamChat.append(message);
    if (stored.created) {
      // Writing in a room is having read it; a direct room shows in both people's lists from its first message.
      if (room.kind === 'dm') await Promise.all(room.userIds.map((userId) => this.deps.teamChat.ensureMarker(principal.tenantId, userId, roomId, at)));
      await this.deps.teamChat.markRead({ tenantId: principal.tenantId, userId: principal.userId, roomId, readPosition: positionOf(message), updatedAt: at });
    }
    return stored;
  }

  /** Moves the caller's marker forward to a message. @throws NotFoundError, ForbiddenError, InvalidRequestError for a marker in the future */
  async markRead(principal: Principal, roomId: string, upTo: { sentAt: string; messageId: string }): Promise<ReadMarker> {
    await this.open(principal, roomId);
    const now = this.deps.clock.now();
    if (Date.parse(upTo.sentAt) > now.getTime() + MARKER_SLACK_MS) throw new InvalidRequestError('sentAt is in the future: mark read a message that was sent', { field: 'sentAt' });
    return this.deps.teamChat.markRead({ tenantId: principal.tenantId, userId: principal.userId, roomId, readPosition: positionOf(upTo), updatedAt: now.toISOString() });
  }

  /** The direct room with a colleague, listed for both from now on. @throws NotFoundError for someone not in the tenant, InvalidRequestError for oneself */
  async openDirect(principal: Principal, userId: string): Promise<RoomSummary> {
    if (userId === principal.userId) throw new InvalidRequestError('A direct room is with someone else', { field: 'userId', reason: 'self' });
    const people = await this.directory.people(principal.tenantId);
    if (!people.some((p) => p.userId === userId) || userId.includes(':') || principal.userId.includes(':')) throw new NotFoundError('User', userId);
    const roomId = directRoomId(principal.userId, userId);
    const at = this.deps.clock.now().toISOString();
    await Promise.all([principal.userId, userId].map((id) => this.deps.teamChat.ensureMarker(principal.tenantId, id, roomId, at)));
    const room = parseRoomId(roomId)!;
    const marker = (await this.deps.teamChat.markers(principal.tenantId, principal.userId)).find((m) => m.roomId === roomId);
    return this.summary(principal, room, marker, people);
  }

  /**
   * Messages holding every word of `query`, newest first, among the newest `TEAM_CHAT_LIMITS.searchScanPerRoom` of each
   * room the caller may read (or of `roomId` alone). @throws NotFoundError, ForbiddenError for `roomId`
   */
  async search(principal: Principal, query: string, roomId?: string): Promise<{ hits: TeamMessage[]; rooms: number; scannedPerRoom: number }> {
    const terms = searchTerms(query);
    let rooms: RoomRef[];
    if (roomId !== undefined) rooms = [(await this.open(principal, roomId)).room];
    else {
      const people = await this.directory.people(principal.tenantId);
      rooms = await this.readableRooms(principal, TeamDirectory.self(principal, people), people);
    }
    const found = await Promise.all(rooms.map((room) => this.deps.teamChat.search(principal.tenantId, room.roomId, terms, L.searchScanPerRoom)));
    const hits = found.flat().sort((a, b) => positionOf(b).localeCompare(positionOf(a))).slice(0, L.searchHits);
    return { hits, rooms: rooms.length, scannedPerRoom: L.searchScanPerRoom };
  }

  /** The rooms the caller reads: the team, every queue's (supervisors) or their own queues', and their direct rooms. */
  private async readableRooms(principal: Principal, me: TeamMember, people: readonly TeamMember[]): Promise<RoomRef[]> {
    const [queues, markers] = await Promise.all([this.deps.queues.list(principal.tenantId), this.deps.teamChat.markers(principal.tenantId, principal.userId)]);
    const queueRooms = queues
      .sort((a, b) => a.name.localeCompare(b.name, 'ru'))
      .map((q): RoomRef => ({ kind: 'queue', roomId: `queue:${q.queueId}`, queueId: q.queueId }))
      .filter((room) => isMember(room, me));
    const known = new Set(people.map((p) => p.userId));
    const direct = markers
      .map((m) => parseRoomId(m.roomId))
      .filter((room): room is Extract<RoomRef, { kind: 'dm' }> => room?.kind === 'dm' && room.userIds.includes(me.userId) && room.userIds.every((id) => known.has(id)))
      .sort((a, b) => (markers.find((m) => m.roomId === b.roomId)?.updatedAt ?? '').localeCompare(markers.find((m) => m.roomId === a.roomId)?.updatedAt ?? ''))
      .slice(0, L.directRoomsListed);
    return [{ kind: 'team', roomId: TEAM_ROOM_ID }, ...queueRooms, ...direct];
  }

  /** A room the caller may use. @throws NotFoundError (no such room in the tenant), ForbiddenError (not a member) */
  private async open(principal: Principal, roomId: string): Promise<OpenedRoom> {
    const room = parseRoomId(roomId);
    if (!room) throw new NotFoundError('Room', roomId);
    const [people, queue] = await Promise.all([this.directory.people(principal.tenantId), room.kind === 'queue' ? this.deps.queues.get(principal.tenantId, room.queueId) : undefined]);
    if (room.kind === 'queue' && !queue) throw new NotFoundError('Room', roomId);
    if (room.kind === 'dm' && !room.userIds.every((id) => id === principal.userId || people.some((p) => p.userId === id))) throw new NotFoundError('Room', roomId);
    const me = TeamDirectory.self(principal, people);
    if (!isMember(room, me)) throw new ForbiddenError('You are not a member of this room');
    return { room, me, people };
  }

  private async summary(principal: Principal, room: RoomRef, marker: ReadMarker | undefined, people: readonly TeamMember[]): Promise<RoomSummary> {
    const readPosition = marker?.readPosition ?? '';
    const after = await this.deps.teamChat.after(principal.tenantId, room.roomId, readPosition, L.unreadCap + 1);
    const { unread, mentions } = unreadOf(after.slice(0, L.unreadCap), principal.userId);
    const lastMessage = after[0] ?? (await this.deps.teamChat.latest(principal.tenantId, room.roomId));
    return {
      roomId: room.roomId,
      kind: room.kind,
      ...(room.kind === 'queue' && { queueId: room.queueId }),
      ...(room.kind === 'dm' && { peerId: room.userIds.find((id) => id !== principal.userId) ?? principal.userId }),
      memberIds: TeamDirectory.membersOf(room, people),
      unread,
      ...(after.length > L.unreadCap && { unreadCapped: true }),
      mentions,
      readPosition,
      ...(lastMessage && { lastMessage }),
    };
  }

  /** The shared contact as the server reads it, if the sender may see it. @throws NotFoundError, ForbiddenError */
  private async contactRefOf(principal: Principal, contactId: string): Promise<ContactRef> {
    const contact = await this.contacts.getContact(principal, contactId);
    const customer = contact.customerId ? await this.deps.customers.get(principal.tenantId, contact.customerId) : undefined;
    return { contactId, channel: contact.channel, label: (customer?.name ?? '').slice(0, L.contactLabelMax) };
  }
}
