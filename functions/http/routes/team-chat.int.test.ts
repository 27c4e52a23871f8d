import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { Contact } from '@cc/shared/contacts/model';
import type { LiveConnection } from '@cc/shared/realtime/ports';
import type { MessagePage, ReadMarker, RoomSummary, RoomsView, TeamMessage } from '@cc/shared/team-chat/values';
import { createApp } from '../app.ts';
import { TEAM_CHAT_SEND_LIMIT } from './team-chat.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from '../../routing/testing.ts';
import { teamChatReactions } from '../../team-chat/reactions.ts';
import { json } from '../../../test/json.ts';

// The team chat on DynamoDB Local: rooms and their members, sending once per client id, mentions, unread counts and
// read markers, broadcasts, direct rooms, a shared contact, search, live pushes, and another tenant that sees nothing.
const A = 'acme';
const B = 'globex';
let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
const token: Record<string, string> = {};
const at = '2026-12-05T10:00:00.000Z';
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });
const call = (method: string, path: string, as: string | undefined, body?: unknown) =>
  app.request(`/api/team-chat${path}`, { method, ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }), headers: { ...(as && { authorization: `Bearer ${as}` }), 'content-type': 'application/json' } });
const ok = async <T>(res: Response, status = 200): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await json(res)) as T;
};
const send = (as: string | undefined, roomId: string, body: Record<string, unknown>) => call('POST', `/rooms/${roomId}/messages`, as, { clientMessageId: `c-${Math.random().toString(36).slice(2)}`, ...body });
const roomOf = async (as: string | undefined, roomId: string) => (await ok<RoomsView>(await call('GET', '/rooms', as))).rooms.find((r) => r.roomId === roomId);
/** Delivers a stored item to the team chat's reactions, as the stream would. */
const stream = async (entity: 'teamMessage' | 'agent', newImage: object, oldImage?: object) => {
  for (const reaction of teamChatReactions(ctx.deps).filter((r) => r.entity === entity)) await reaction.react({ entity, eventName: oldImage ? 'MODIFY' : 'INSERT', newImage, oldImage, sequenceNumber: '1' } as never);
};

beforeAll(async () => {
  ctx = await createRoutingTestDeps(new Date(at));
  app = createApp(ctx.deps, ctx.services);
  const people: [string, string, string, Role, string[]][] = [
    [A, 'anna', 'Анна Петрова', 'agent', ['support']], [A, 'boris', 'Борис Орлов', 'agent', ['support']], [A, 'viktor', 'Виктор Ким', 'agent', ['sales']], [A, 'oleg', 'Олег Кузнецов', 'supervisor', []],
    [B, 'bea', 'Bea Stone', 'agent', ['support']], [B, 'sup-b', 'Sam Hill', 'supervisor', []],
  ];
  for (const [tenantId, queueId] of [[A, 'support'], [A, 'sales'], [B, 'support']] as const) await ctx.deps.queues.put(makeTenantQueue(tenantId, queueId, { name: queueId === 'support' ? 'Поддержка' : 'Продажи' }));
  for (const [tenantId, userId, name, role, queueIds] of people) {
    await ctx.deps.directory.putUser({ tenantId, userId, login: `${userId}@${tenantId}.test`, name, roles: [role] });
    if (role === 'agent') await ctx.deps.agents.put(makeAgentRecord(tenantId, userId, queueIds, { name }));
    token[userId] = await ctx.issuer.issue(principal(tenantId, userId, role));
  }
});
afterAll(() => ctx?.table.drop());

describe('team chat: rooms and who is in them', () => {
  it('lists the team and the caller’s queues’ rooms (every queue for supervisors) with members and presence, and nothing unauthenticated', async () => {
    const anna = await ok<RoomsView>(await call('GET', '/rooms', token.anna));
    const oleg = await ok<RoomsView>(await call('GET', '/rooms', token.oleg));
    expect(anna.rooms.map((r) => r.roomId)).toEqual(['team', 'queue:support']);
    expect(oleg.rooms.map((r) => r.roomId)).toEqual(['team', 'queue:support', 'queue:sales']);
    expect(anna.rooms[1]!.memberIds.sort()).toEqual(['anna', 'boris', 'oleg']);
    expect(anna.people.map((p) => [p.userId, p.presence])).toEqual([['anna', 'available'], ['boris', 'available'], ['viktor', 'available'], ['oleg', 'offline']]);
    expect((await call('GET', '/rooms', undefined)).status).toBe(401);
  });

  it('answers 403 for a room one is not in and 404 for one that does not exist', async () => {
    expect((await call('GET', '/rooms/queue:support/messages', token.viktor)).status).toBe(403);
    expect((await send(token.viktor, 'queue:support', { text: 'Привет' })).status).toBe(403);
    expect((await call('PUT', '/rooms/queue:support/read', token.viktor, { sentAt: at, messageId: 'tm-1' })).status).toBe(403);
    expect((await call('GET', '/rooms/dm:anna:boris/messages', token.viktor)).status).toBe(403);
    for (const missing of ['queue:nowhere', 'dm:anna:zed', 'dm:boris:anna', 'lobby']) expect((await call('GET', `/rooms/${missing}/messages`, token.anna)).status, missing).toBe(404);
  });
});

describe('team chat: sending, mentions and unread counts', () => {
  it('stores a message once per client id, notifies only members it names, counts it unread for the others until read', async () => {
    // Arrange
    const body = { clientMessageId: 'anna-1', text: '@boris, @viktor: клиент просит возврат, кто возьмёт?' };
    // Act
    const first = await ok<{ message: TeamMessage }>(await call('POST', '/rooms/queue:support/messages', token.anna, body), 201);
    const again = await ok<{ message: TeamMessage }>(await call('POST', '/rooms/queue:support/messages', token.anna, body), 200);
    const before = await roomOf(token.boris, 'queue:support');
    const mine = await roomOf(token.anna, 'queue:support');
    await ok<ReadMarker>(await call('PUT', '/rooms/queue:support/read', token.boris, { sentAt: first.message.sentAt, messageId: first.message.messageId }));
    const after = await roomOf(token.boris, 'queue:support');
    // Assert
    expect(first.message).toMatchObject({ tenantId: A, roomId: 'queue:support', senderId: 'anna', senderName: 'Анна Петрова', mentions: ['boris'] });
    expect(again.message.messageId).toBe(first.message.messageId);
    expect((await ok<MessagePage>(await call('GET', '/rooms/queue:support/messages', token.boris))).messages.map((m) => m.messageId)).toEqual([first.message.messageId]);
    expect(before).toMatchObject({ unread: 1, mentions: 1, lastMessage: { messageId: first.message.messageId } });
    expect(mine).toMatchObject({ unread: 0, mentions: 0 });
    expect(after).toMatchObject({ unread: 0, mentions: 0 });
  });

  it('keeps a read marker where it is when an older message is marked, and refuses one in the future', async () => {
    const { message } = await ok<{ message: TeamMessage }>(await send(token.anna, 'team', { text: 'Всем доброе утро!' }), 201);
    const marked = await ok<ReadMarker>(await call('PUT', '/rooms/team/read', token.boris, { sentAt: message.sentAt, messageId: message.messageId }));
    const older = await ok<ReadMarker>(await call('PUT', '/rooms/team/read', token.boris, { sentAt: '2026-12-01T00:00:00.000Z', messageId: 'tm-old' }));
    const future = await call('PUT', '/rooms/team/read', token.boris, { sentAt: '2027-01-01T00:00:00.000Z', messageId: 'tm-x' });
    expect(older.readPosition).toBe(marked.readPosition);
    expect(future.status).toBe(400);
    expect(await json(future)).toMatchObject({ errors: [{ path: 'sentAt' }] });
  });

  it('refuses an empty, too long or malformed message with its reason, and a client’s own sender or label', async () => {
    const empty = await call('POST', '/rooms/team/messages', token.anna, { clientMessageId: 'e-1', text: '  ' });
    const long = await call('POST', '/rooms/team/messages', token.anna, { clientMessageId: 'e-2', text: 'x'.repeat(4001) });
    const forged = await call('POST', '/rooms/team/messages', token.anna, { clientMessageId: 'e-3', text: 'x', senderId: 'oleg' });
    const label = await call('POST', '/rooms/team/messages', token.anna, { clientMessageId: 'e-4', contactId: 'c-1', contactRef: { label: 'VIP' } });
    expect([empty.status, long.status, forged.status, label.status, (await call('POST', '/rooms/team/messages', token.anna, '{')).status]).toEqual([400, 400, 400, 400, 400]);
    expect(await json(empty)).toMatchObject({ errors: [{ path: 'text', message: 'a message needs text or a shared contact' }] });
    expect(JSON.stringify(await json(long))).toContain('at most 4000 characters');
  });

  it('pages the history newest first and refuses a cursor it never gave', async () => {
    for (let i = 1; i <= 5; i++) {
      ctx.clock.advance(1);
      await ok(await send(token.boris, 'queue:support', { text: `Сообщение ${i}` }), 201);
    }
    const first = await ok<MessagePage>(await call('GET', '/rooms/queue:support/messages?limit=2', token.anna));
    const second = await ok<MessagePage>(await call('GET', `/rooms/queue:support/messages?limit=2&before=${first.cursor}`, token.anna));
    expect(first.messages.map((m) => m.text)).toEqual(['Сообщение 5', 'Сообщение 4']);
    expect(second.messages.map((m) => m.text)).toEqual(['Сообщение 3', 'Сообщение 2']);
    expect((await call('GET', '/rooms/queue:support/messages?before=bm90LWEtY3Vyc29y', token.anna)).status).toBe(400);
    expect((await roomOf(token.anna, 'queue:support'))).toMatchObject({ unread: 5, mentions: 0 });
  });
});

describe('team chat: broadcasts, direct rooms and shared contacts', () => {
  it('lets a supervisor broadcast to a queue’s room, never an agent, never into a direct room', async () => {
    const broadcast = await ok<{ message: TeamMessage }>(await send(token.oleg, 'queue:support', { text: 'Через 10 минут планёрка', broadcast: true }), 201);
    const byAgent = await send(token.anna, 'queue:support', { text: 'Всем!', broadcast: true });
    await ok(await call('POST', '/direct', token.oleg, { userId: 'anna' }));
    const direct = await send(token.oleg, 'dm:anna:oleg', { text: 'Лично', broadcast: true });
    expect(broadcast.message.broadcast).toBe(true);
    expect(byAgent.status).toBe(403);
    expect(direct.status).toBe(400);
    expect(await json(direct)).toMatchObject({ reason: 'broadcast_in_direct_room' });
  });

  it('opens one direct room for two colleagues, listed for both, and none with oneself or a stranger', async () => {
    const opened = await ok<RoomSummary>(await call('POST', '/direct', token.boris, { userId: 'anna' }));
    const byAnna = await ok<RoomSummary>(await call('POST', '/direct', token.anna, { userId: 'boris' }));
    await ok(await send(token.anna, opened.roomId, { text: 'Борис, подменишь меня после обеда?' }), 201);
    expect(opened).toMatchObject({ roomId: 'dm:anna:boris', kind: 'dm', peerId: 'anna', memberIds: ['anna', 'boris'] });
    expect(byAnna.roomId).toBe(opened.roomId);
    expect(await roomOf(token.boris, 'dm:anna:boris')).toMatchObject({ unread: 1, peerId: 'anna' });
    expect(await roomOf(token.viktor, 'dm:anna:boris')).toBeUndefined();
    expect((await call('POST', '/direct', token.anna, { userId: 'anna' })).status).toBe(400);
    expect((await call('POST', '/direct', token.anna, { userId: 'bea' })).status).toBe(404);
  });

  it('shares a contact as the server reads it, only by someone who may see that contact', async () => {
    // Arrange: Анна handled Иван's WhatsApp chat.
    await ctx.deps.customers.recordSighting({ tenantId: A, customerId: 'cu-ivan', channel: 'whatsapp', channelId: 'wa-1', externalId: '79160000000', profile: { name: 'Иван Смирнов' }, at });
    const contact: Contact = { tenantId: A, contactId: 'c-ivan', customerId: 'cu-ivan', queueId: 'support', channel: 'whatsapp', status: 'connected', agentId: 'anna', enqueuedAt: at, statusSince: at, createdAt: at, priority: 0, requiredSkills: [], excludedAgentIds: [], history: [], version: 1 };
    await ctx.deps.contacts.create(contact);
    // Act
    const shared = await ok<{ message: TeamMessage }>(await send(token.anna, 'queue:support', { text: 'Посмотрите этого клиента', contactId: 'c-ivan' }), 201);
    const byBoris = await send(token.boris, 'queue:support', { contactId: 'c-ivan' });
    const unknown = await send(token.anna, 'queue:support', { contactId: 'c-nobody' });
    // Assert
    expect(shared.message.contactRef).toEqual({ contactId: 'c-ivan', channel: 'whatsapp', label: 'Иван Смирнов' });
    expect(byBoris.status).toBe(403);
    expect(unknown.status).toBe(404);
  });
});

describe('team chat: search', () => {
  it('finds every word in the rooms one may read, never in others', async () => {
    const anna = await ok<{ hits: TeamMessage[]; scannedPerRoom: number }>(await call('GET', `/search?q=${encodeURIComponent('ВОЗВРАТ клиент')}`, token.anna));
    const viktor = await ok<{ hits: TeamMessage[] }>(await call('GET', `/search?q=${encodeURIComponent('возврат')}`, token.viktor));
    const inRoom = await ok<{ hits: TeamMessage[] }>(await call('GET', `/search?q=${encodeURIComponent('подменишь')}&roomId=dm:anna:boris`, token.boris));
    expect(anna.hits.map((m) => m.clientMessageId)).toEqual(['anna-1']);
    expect(anna.scannedPerRoom).toBe(500);
    expect(viktor.hits).toEqual([]);
    expect(inRoom.hits).toHaveLength(1);
    expect((await call('GET', '/search?q=подменишь&roomId=dm:anna:boris', token.viktor)).status).toBe(403);
    expect((await call('GET', '/search?q=x', token.anna)).status).toBe(400);
  });
});

describe('team chat: another tenant', () => {
  it('sees none of the rooms, messages or people of this one, and reaches none of its rooms', async () => {
    const bea = await ok<RoomsView>(await call('GET', '/rooms', token.bea));
    const support = await ok<MessagePage>(await call('GET', '/rooms/queue:support/messages', token.bea));
    const found = await ok<{ hits: TeamMessage[] }>(await call('GET', '/search?q=возврат', token['sup-b']));
    expect(bea.rooms.map((r) => [r.roomId, r.unread, r.lastMessage])).toEqual([['team', 0, undefined], ['queue:support', 0, undefined]]);
    expect(bea.people.map((p) => p.userId).sort()).toEqual(['bea', 'sup-b']);
    expect(support.messages).toEqual([]);
    expect(found.hits).toEqual([]);
    expect((await call('GET', '/rooms/dm:anna:boris/messages', token.bea)).status).toBe(404);
    expect((await send(token['sup-b'], 'dm:anna:boris', { text: 'x' })).status).toBe(404);
    expect((await call('GET', '/rooms/queue:sales/messages', token['sup-b'])).status).toBe(404);
  });
});

describe('team chat: live', () => {
  const consoleOf = (tenantId: string, userId: string, roles: Role[]): LiveConnection => ({ tenantId, connectionId: `ws-${userId}`, userId, roles, connectedAt: at });
  const frames: Record<string, { type: string; message?: TeamMessage; userId?: string; presence?: string }[]> = {};

  beforeAll(async () => {
    for (const [tenantId, userId, role] of [[A, 'anna', 'agent'], [A, 'boris', 'agent'], [A, 'viktor', 'agent'], [A, 'oleg', 'supervisor'], [B, 'bea', 'agent']] as const) {
      await ctx.deps.connections.put(consoleOf(tenantId, userId, [role]));
      frames[userId] = [];
      ctx.hub.attach(`ws-${userId}`, { send: (data) => void frames[userId]!.push(JSON.parse(data)), readyState: 1 });
    }
  });

  it('pushes a new message to the room’s online members, a mention to the one it names, nothing to others', async () => {
    const { message } = await ok<{ message: TeamMessage }>(await send(token.oleg, 'queue:support', { text: '@anna зайди, пожалуйста' }), 201);
    await stream('teamMessage', { ...message, entity: 'teamMessage' });
    expect(frames.anna!.map((f) => f.type)).toEqual(['team.message', 'team.mention']);
    expect(frames.boris!.map((f) => f.type)).toEqual(['team.message']);
    expect(frames.oleg!.map((f) => [f.type, f.message?.messageId])).toEqual([['team.message', message.messageId]]);
    expect([frames.viktor, frames.bea]).toEqual([[], []]);
  });

  it('shows an agent’s changed presence to every colleague of the tenant, and only when it changed', async () => {
    const boris = (await ctx.deps.agents.get(A, 'boris'))!;
    for (const f of Object.values(frames)) f.length = 0;
    await stream('agent', { ...boris, status: 'break', breakReason: 'lunch', entity: 'agent' }, { ...boris, entity: 'agent' });
    await stream('agent', { ...boris, status: 'after-contact-work', entity: 'agent' }, { ...boris, status: 'busy', entity: 'agent' });
    expect(frames.anna).toEqual([{ type: 'team.presence', userId: 'boris', presence: 'break' }]);
    expect(frames.viktor).toHaveLength(1);
    expect(frames.bea).toEqual([]);
  });
});

describe('team chat: limits', () => {
  it('answers 429 with Retry-After past the sends a minute allowed', async () => {
    let last: Response | undefined;
    for (let i = 0; i <= TEAM_CHAT_SEND_LIMIT.max; i++) last = await send(token.viktor, 'queue:sales', { text: `№${i}` });
    expect(last!.status).toBe(429);
    expect(last!.headers.get('retry-after')).toBeTruthy();
  });
});
