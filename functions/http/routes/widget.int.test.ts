import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { Contact } from '@cc/shared/contacts/model';
import type { LiveMessage } from '@cc/shared/realtime/ports';
import { createApp } from '../app.ts';
import { json, type Json } from '../../../test/json.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from '../../routing/testing.ts';
import { createTestChannel, scanEntity, StreamPump } from '../../messaging/testing/harness.ts';
import { messagingReactions } from '../../messaging/reactions.ts';
import { createWebSocketHandler } from '../../realtime/app.ts';
import { broadcast } from '../../realtime/reactions.ts';
import { WIDGET_SCRIPT } from '../../widget/widget-script.generated.ts';

let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
let pump: StreamPump;
const TENANT = 'acme';
const SHOP = 'https://shop.example';
const token: Record<string, string> = {};
const principal = (userId: string, role: Role, name = userId): Principal => ({ tenantId: TENANT, userId, roles: [role], name, login: `${userId}@acme` });

/** A socket the local hub can post to, remembering what it got. */
function fakeSocket() {
  const frames: LiveMessage[] = [];
  return { frames, socket: { readyState: 1, send: (data: string) => void frames.push(JSON.parse(data) as LiveMessage) } };
}

beforeAll(async () => {
  ctx = await createRoutingTestDeps();
  app = createApp(ctx.deps, ctx.services);
  pump = new StreamPump(ctx.deps, messagingReactions(ctx.deps, ctx.services));
  const menu = { prompt: 'Выберите отдел', options: [{ title: 'Продажи', queueId: 'sales' }, { title: 'Поддержка', queueId: 'support' }] };
  await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: 'web-1', kind: 'webchat', defaultQueueId: 'sales', settings: { allowedOrigins: [`${SHOP}/`], preChatMenu: menu } });
  await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: 'web-2', kind: 'webchat', settings: { allowedOrigins: ['https://other.example'] } });
  await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: 'tg-1', kind: 'telegram' });
  for (const queueId of ['sales', 'support']) await ctx.deps.queues.put(makeTenantQueue(TENANT, queueId, { name: queueId === 'sales' ? 'Продажи' : 'Поддержка' }));
  await ctx.deps.agents.put(makeAgentRecord(TENANT, 'agent-1', ['support'], { name: 'Анна Петрова', capacity: { voice: 0, chat: 2 } }));
  await ctx.deps.agents.put(makeAgentRecord(TENANT, 'agent-2', ['sales'], { status: 'offline' }));
  token.agent = await ctx.issuer.issue(principal('agent-1', 'agent', 'Анна Петрова'));
  token.other = await ctx.issuer.issue(principal('agent-2', 'agent'));
});
afterAll(() => ctx.table.drop());

const call = (path: string, init: { method?: string; token?: string; body?: unknown; origin?: string | null; headers?: Record<string, string> } = {}) =>
  app.request(path, {
    method: init.method ?? 'GET',
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    headers: { 'content-type': 'application/json', ...(init.origin !== null && { origin: init.origin ?? SHOP }), ...(init.token && { authorization: `Bearer ${init.token}` }), ...init.headers },
  });

/** A new visitor of `channelId`, through the API. */
async function session(channelId = 'web-1', origin = SHOP): Promise<{ token: string; conversationId: string; visitorId: string }> {
  const res = await call(`/widget/${channelId}/sessions`, { method: 'POST', body: {}, origin });
  expect(res.status).toBe(201);
  return json(res);
}

/** A visitor who filled in the pre-chat form for `queueId`. */
async function visitorIn(queueId: string) {
  const visitor = await session();
  const res = await call('/widget/web-1/prechat', { method: 'POST', token: visitor.token, body: { name: 'Ольга', phone: '8 900 123-45-67', queueId } });
  expect(res.status).toBe(200);
  return visitor;
}

/** Sends a visitor message and applies the stream's inbox reaction; answers the contact it joined. */
async function say(visitor: { token: string; conversationId: string }, text: string): Promise<Contact> {
  const res = await call(`/widget/web-1/conversations/${visitor.conversationId}/messages`, { method: 'POST', token: visitor.token, body: { clientMessageId: `c-${text.length}-${Math.random().toString(36).slice(2)}`, text } });
  expect(res.status).toBe(202);
  await pump.run();
  const conversation = await ctx.deps.messaging.getConversation(TENANT, visitor.conversationId);
  return (await ctx.deps.contacts.get(TENANT, conversation!.openContactId!))!;
}

describe('widget script', () => {
  it('serves widget.js to any page, with a validator', async () => {
    // Act
    const res = await call('/widget.js', { origin: 'https://anywhere.example' });
    const again = await call('/widget.js', { headers: { 'if-none-match': res.headers.get('etag')! } });
    // Assert
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe(WIDGET_SCRIPT);
    expect(again.status).toBe(304);
  });
});

describe('widget origins and sessions', () => {
  it('answers a preflight from an allowed origin with CORS for that origin only', async () => {
    // Act
    const allowed = await call('/widget/web-1/sessions', { method: 'OPTIONS', headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const foreign = await call('/widget/web-1/sessions', { method: 'OPTIONS', origin: 'https://evil.example', headers: { 'access-control-request-method': 'POST' } });
    // Assert
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses requests from origins the channel does not allow, and channels that are not web chats', async () => {
    // Act
    const evil = await call('/widget/web-1/sessions', { method: 'POST', body: {}, origin: 'https://evil.example' });
    const otherChannel = await call('/widget/web-2/status');
    const telegram = await call('/widget/tg-1/status');
    const unknown = await call('/widget/nope/status');
    // Assert
    expect(evil.status).toBe(403);
    expect(evil.headers.get('content-type')).toContain('application/problem+json');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(otherChannel.status).toBe(403);
    expect(telegram.status).toBe(404);
    expect(unknown.status).toBe(404);
  });

  it('issues a visitor token with the WebSocket URL, and renews it for the same visitor', async () => {
    // Act
    const first = await session();
    const renewedRes = await call('/widget/web-1/sessions', { method: 'POST', body: { token: first.token } });
    const renewed = await json(renewedRes);
    const foreign = await json(await call('/widget/web-1/sessions', { method: 'POST', body: { token: (await session('web-2', 'https://other.example')).token } }));
    // Assert
    expect(first).toMatchObject({ visitorId: expect.stringMatching(/^v_/), conversationId: expect.stringMatching(/^conv_/), wsUrl: 'ws://localhost/ws', renewed: false });
    expect(renewedRes.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(renewed).toMatchObject({ visitorId: first.visitorId, conversationId: first.conversationId, renewed: true });
    expect(foreign.visitorId).not.toBe(first.visitorId);
  });

  it('tells whether anyone is working, per department', async () => {
    // Act
    const status = await json(await call('/widget/web-1/status'));
    // Assert
    expect(status).toEqual({
      channelId: 'web-1',
      name: 'Test webchat',
      online: true,
      departments: [
        { queueId: 'sales', title: 'Продажи', online: false },
        { queueId: 'support', title: 'Поддержка', online: true },
      ],
    });
  });
});

describe('widget authentication', () => {
  it('refuses a visitor token on console routes and a console token on widget routes', async () => {
    // Arrange
    const visitor = await session();
    // Act
    const me = await call('/api/me', { token: visitor.token });
    const contacts = await call('/api/contacts?assigned=me', { token: visitor.token });
    const consoleOnWidget = await call('/widget/web-1/prechat', { method: 'POST', token: token.agent, body: { name: 'Анна', email: 'anna@example.com' } });
    const none = await call(`/widget/web-1/conversations/${visitor.conversationId}`);
    // Assert
    expect(me.status).toBe(401);
    expect(contacts.status).toBe(401);
    expect(consoleOnWidget.status).toBe(401);
    expect(none.status).toBe(401);
  });

  it('answers 404 for another visitor’s conversation and 401 for a token of another channel', async () => {
    // Arrange
    const mine = await visitorIn('support');
    const theirs = await visitorIn('support');
    await say(theirs, 'Секретный вопрос');
    const web2 = await session('web-2', 'https://other.example');
    // Act
    const read = await call(`/widget/web-1/conversations/${theirs.conversationId}/messages`, { token: mine.token });
    const state = await call(`/widget/web-1/conversations/${theirs.conversationId}`, { token: mine.token });
    const write = await call(`/widget/web-1/conversations/${theirs.conversationId}/messages`, { method: 'POST', token: mine.token, body: { clientMessageId: 'x1', text: 'Привет' } });
    const crossChannel = await call(`/widget/web-1/conversations/${web2.conversationId}`, { token: web2.token });
    // Assert
    expect(read.status).toBe(404);
    expect(state.status).toBe(404);
    expect(write.status).toBe(404);
    expect(crossChannel.status).toBe(401);
  });
});

describe('pre-chat form and messages', () => {
  it('answers 400 listing every bad field', async () => {
    // Arrange
    const visitor = await session();
    // Act
    const bad = await json(await call('/widget/web-1/prechat', { method: 'POST', token: visitor.token, body: { name: ' ', phone: '12', email: 'nope', extra: true } }));
    const noContact = await json(await call('/widget/web-1/prechat', { method: 'POST', token: visitor.token, body: { name: 'Ольга' } }));
    const badQueue = await call('/widget/web-1/prechat', { method: 'POST', token: visitor.token, body: { name: 'Ольга', email: 'olga@example.com', queueId: 'vip' } });
    const badMessage = await json(await call(`/widget/web-1/conversations/${visitor.conversationId}/messages`, { method: 'POST', token: visitor.token, body: { clientMessageId: 'has space' } }));
    // Assert
    expect(bad.status).toBe(400);
    expect(bad.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['name', 'phone', 'email', '']));
    expect(noContact.errors).toEqual([{ path: 'phone', message: 'a phone number or an e-mail is required' }]);
    expect(badQueue.status).toBe(400);
    expect((await json(badQueue)).errors[0].path).toBe('queueId');
    expect(badMessage.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['clientMessageId', 'text']));
  });

  it('asks for the pre-chat form before the first message', async () => {
    // Arrange
    const visitor = await session();
    // Act
    const res = await call(`/widget/web-1/conversations/${visitor.conversationId}/messages`, { method: 'POST', token: visitor.token, body: { clientMessageId: 'm1', text: 'Здравствуйте' } });
    // Assert
    expect(res.status).toBe(409);
  });

  it('records the visitor and turns the first message into a queued web chat contact in the chosen department', async () => {
    // Arrange
    const visitor = await session();
    const form = await call('/widget/web-1/prechat', { method: 'POST', token: visitor.token, body: { name: 'Ольга Смирнова', phone: '+7 (900) 111-22-33', email: 'olga@example.com', queueId: 'sales', locale: 'ru' } });
    // Act
    const sent = await call(`/widget/web-1/conversations/${visitor.conversationId}/messages`, { method: 'POST', token: visitor.token, body: { clientMessageId: 'first', text: 'Хочу заказать букет' } });
    const again = await call(`/widget/web-1/conversations/${visitor.conversationId}/messages`, { method: 'POST', token: visitor.token, body: { clientMessageId: 'first', text: 'Хочу заказать букет' } });
    await pump.run();
    const conversation = await ctx.deps.messaging.getConversation(TENANT, visitor.conversationId);
    const contact = await ctx.deps.contacts.get(TENANT, conversation!.openContactId!);
    const state = await json(await call(`/widget/web-1/conversations/${visitor.conversationId}`, { token: visitor.token }));
    const history = await json(await call(`/widget/web-1/conversations/${visitor.conversationId}/messages`, { token: visitor.token }));
    const customer = await ctx.deps.customers.get(TENANT, conversation!.customerId);
    // Assert
    expect(form.status).toBe(200);
    expect(sent.status).toBe(202);
    expect(again.status).toBe(200);
    expect(await json(again)).toMatchObject({ duplicate: true, messageId: (await json(sent)).messageId });
    expect(contact).toMatchObject({ channel: 'webchat', channelId: 'web-1', queueId: 'sales', status: 'queued', conversationId: visitor.conversationId });
    expect(state).toMatchObject({ status: 'waiting', contactId: contact!.contactId, position: { position: expect.any(Number), text: { ru: expect.stringContaining('в очереди') } } });
    expect(history.messages).toEqual([expect.objectContaining({ from: 'visitor', text: 'Хочу заказать букет', status: 'received' })]);
    expect(JSON.stringify(history)).not.toContain(TENANT);
    expect(customer).toMatchObject({ name: 'Ольга Смирнова', phone: '+79001112233', email: 'olga@example.com', channel: 'webchat' });
  });
});

describe('live conversation', () => {
  it('shows typing both ways, delivers the agent’s reply to the visitor’s socket and records the receipts', async () => {
    // Arrange: a visitor with an open widget, an agent holding the contact with an open console
    const visitor = await visitorIn('support');
    const contact = await say(visitor, 'Не работает доставка');
    expect(await ctx.services.routing.engine.routeContact(TENANT, contact.contactId)).toBe('offered');
    await call(`/api/contacts/${contact.contactId}/accept`, { method: 'POST', token: token.agent });
    const widget = fakeSocket();
    const agentConsole = fakeSocket();
    ctx.hub.attach('widget-1', widget.socket);
    ctx.hub.attach('console-1', agentConsole.socket);
    const ws = createWebSocketHandler(ctx.deps, { visitors: ctx.services.visitorGate });
    const connect = (connectionId: string, query: Record<string, string>, origin?: string) =>
      ws({ requestContext: { routeKey: '$connect', eventType: 'CONNECT', connectionId }, queryStringParameters: query, headers: origin ? { Origin: origin } : {} });
    expect(await connect('widget-1', { token: visitor.token }, SHOP)).toMatchObject({ statusCode: 200 });
    expect(await connect('console-1', { token: token.agent! })).toMatchObject({ statusCode: 200 });

    // Act: typing both ways
    const visitorTyping = await json(await call(`/widget/web-1/conversations/${visitor.conversationId}/typing`, { method: 'POST', token: visitor.token }));
    const agentTyping = await call(`/api/contacts/${contact.contactId}/typing`, { method: 'POST', token: token.agent, origin: null });
    const strangerTyping = await call(`/api/contacts/${contact.contactId}/typing`, { method: 'POST', token: token.other, origin: null });
    // Act: the agent replies; the stream's outbox sends it to the widget
    const reply = await json(await call(`/api/contacts/${contact.contactId}/messages`, { method: 'POST', token: token.agent, origin: null, body: { text: 'Проверяю ваш заказ' } }));
    await pump.run();
    const sent = await ctx.deps.messaging.getMessage(TENANT, reply.message.messageId);
    const read = await call(`/widget/web-1/conversations/${visitor.conversationId}/receipts`, { method: 'POST', token: visitor.token, body: { messageIds: [reply.message.messageId], status: 'read' } });
    await pump.run();
    const afterRead = await ctx.deps.messaging.getMessage(TENANT, reply.message.messageId);

    // Assert
    expect(visitorTyping).toEqual({ delivered: true });
    expect(agentConsole.frames).toContainEqual(expect.objectContaining({ type: 'typing', from: 'visitor', contactId: contact.contactId }));
    expect(await json(agentTyping)).toEqual({ delivered: true });
    expect(strangerTyping.status).toBe(403);
    expect(widget.frames).toContainEqual(expect.objectContaining({ type: 'typing', from: 'agent', name: 'Анна' }));
    const pushed = widget.frames.find((f): f is Extract<LiveMessage, { type: 'widget.message' }> => f.type === 'widget.message');
    expect(pushed?.message).toMatchObject({ messageId: reply.message.messageId, from: 'agent', text: 'Проверяю ваш заказ', status: 'sent' });
    expect(JSON.stringify(pushed)).not.toContain('agent-1');
    expect(sent?.status).toBe('sent');
    expect(read.status).toBe(202);
    expect(afterRead).toMatchObject({ status: 'read' });
    expect(widget.frames.filter((f) => f.type === 'message.created' || f.type === 'agent.updated')).toEqual([]);
  });

  it('forgets an agent console that is gone when the visitor types to it', async () => {
    // Arrange: the agent holds the contact; their console's record exists but its socket is gone
    const visitor = await visitorIn('support');
    const contact = await say(visitor, 'Курьер не приехал');
    expect(await ctx.services.routing.engine.routeContact(TENANT, contact.contactId)).toBe('offered');
    await call(`/api/contacts/${contact.contactId}/accept`, { method: 'POST', token: token.agent });
    const ws = createWebSocketHandler(ctx.deps, { visitors: ctx.services.visitorGate });
    await ws({ requestContext: { routeKey: '$connect', eventType: 'CONNECT', connectionId: 'console-gone' }, queryStringParameters: { token: token.agent! }, headers: {} });
    expect(await ctx.deps.connections.find('console-gone')).toBeDefined();
    // Act
    const typing = await call(`/widget/web-1/conversations/${visitor.conversationId}/typing`, { method: 'POST', token: visitor.token });
    // Assert (the agent's live console from the test above still gets it; the gone one is forgotten)
    expect(typing.status).toBe(202);
    expect(await ctx.deps.connections.find('console-gone')).toBeUndefined();
  });

  it('refuses receipts for messages outside the visitor’s conversation', async () => {
    // Arrange
    const visitor = await visitorIn('support');
    const theirs = await visitorIn('support');
    const contact = await say(theirs, 'Вопрос про оплату');
    const message = (await ctx.deps.messaging.listContactMessages(TENANT, contact.contactId))[0]!;
    await say(visitor, 'Здравствуйте');
    // Act
    const res = await call(`/widget/web-1/conversations/${visitor.conversationId}/receipts`, { method: 'POST', token: visitor.token, body: { messageIds: [message.messageId], status: 'delivered' } });
    // Assert
    expect(res.status).toBe(404);
  });

  it('admits a visitor’s WebSocket only from an allowed origin, and never sends it console pushes', async () => {
    // Arrange
    const visitor = await session();
    const ws = createWebSocketHandler(ctx.deps, { visitors: ctx.services.visitorGate });
    const connect = (connectionId: string, origin: string) => ws({ requestContext: { routeKey: '$connect', eventType: 'CONNECT', connectionId }, queryStringParameters: { token: visitor.token }, headers: { origin } });
    const widget = fakeSocket();
    ctx.hub.attach('widget-2', widget.socket);
    // Act
    const foreign = await connect('widget-evil', 'https://evil.example');
    const allowed = await connect('widget-2', SHOP);
    const withoutGate = await createWebSocketHandler(ctx.deps)({ requestContext: { routeKey: '$connect', eventType: 'CONNECT', connectionId: 'x' }, queryStringParameters: { token: visitor.token } });
    await broadcast(ctx.deps, TENANT, () => true, { type: 'queue.stats', queue: {} as never });
    const stored = await ctx.deps.connections.find('widget-2');
    // Assert
    expect(foreign).toMatchObject({ statusCode: 403 });
    expect(await ctx.deps.connections.find('widget-evil')).toBeUndefined();
    expect(allowed).toMatchObject({ statusCode: 200 });
    expect(withoutGate).toMatchObject({ statusCode: 401 });
    expect(stored).toMatchObject({ userId: visitor.visitorId, roles: [], visitor: { channelId: 'web-1', conversationId: visitor.conversationId } });
    expect(widget.frames).toEqual([]);
  });
});

describe('call me back', () => {
  it('books one callback contact with the phone and window per request id', async () => {
    // Arrange
    const visitor = await visitorIn('sales');
    const body = { requestId: 'cb-1', phone: '8 (900) 765-43-21', name: 'Ольга', queueId: 'support', notBefore: '2026-11-25T15:00:00+03:00', notAfter: '2026-11-25T18:00:00+03:00' };
    // Act
    const first = await call('/widget/web-1/callbacks', { method: 'POST', token: visitor.token, body });
    const again = await call('/widget/web-1/callbacks', { method: 'POST', token: visitor.token, body });
    const bad = await json(await call('/widget/web-1/callbacks', { method: 'POST', token: visitor.token, body: { requestId: 'cb-2', phone: 'позвоните', notBefore: 'tomorrow' } }));
    const created: Json = await json(first);
    const contact = await ctx.deps.contacts.get(TENANT, created.contactId);
    // Assert
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect((await json(again)).contactId).toBe(created.contactId);
    expect(contact).toMatchObject({ channel: 'callback', channelId: 'web-1', queueId: 'support', status: 'queued', callback: { phone: '+79007654321', notBefore: '2026-11-25T15:00:00+03:00', notAfter: '2026-11-25T18:00:00+03:00' } });
    expect((await scanEntity<Contact>(ctx.deps, 'contact')).filter((c) => c.contactId === created.contactId)).toHaveLength(1);
    expect(bad.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['phone', 'notBefore']));
  });
});
