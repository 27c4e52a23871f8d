// Integration: the widget's whole path on the local contact center (DynamoDB Local, its stream and the
// poller, the real WebSocket server and realtime handler), from a page origin other than the API's.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import type {} from '../../test/global-setup.ts';
import { json, type Json } from '../../test/json.ts';
import { readStreamInserts, waitFor } from '../../test/live.ts';
import { startContactCenter, type RunningContactCenter } from '../local/contact-center.ts';

let center: RunningContactCenter;
let channelId: string;
let origin: string;

beforeAll(async () => {
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true });
  channelId = center.demo.channels.find((c) => c.type === 'webchat')!.channelId;
  origin = new URL(center.widgetDemoUrl).origin;
});
afterAll(() => center?.stop());

/** A WebSocket to the local server that collects what it is pushed; rejects with the refusal's status. */
function openSocket(url: string, socketOrigin: string) {
  const frames: Json[] = [];
  const socket = new WebSocket(url, { origin: socketOrigin });
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    socket.once('error', reject);
  });
  return { socket, frames, opened };
}

const widget = (path: string, init: { method?: string; token?: string; body?: unknown } = {}) =>
  fetch(`${center.baseUrl}/widget/${channelId}${path}`, {
    method: init.method ?? 'GET',
    headers: { origin, 'content-type': 'application/json', ...(init.token && { authorization: `Bearer ${init.token}` }) },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });

async function login(userId: string): Promise<string> {
  const user = center.demo.users.find((u) => u.userId === userId)!;
  const res = await fetch(`${center.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: user.login, password: user.password }) });
  return (await json(res)).token;
}
const consoleCall = (token: string, path: string, method = 'POST', body?: unknown) =>
  fetch(`${center.baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });

describe('web chat widget on the local contact center', () => {
  it('serves the demo page on another origin, allowed by the demo channel', async () => {
    // Act
    const page = await (await fetch(center.widgetDemoUrl)).text();
    const script = await fetch(`${center.baseUrl}/widget.js`);
    // Assert
    expect(origin).not.toBe(new URL(center.baseUrl).origin);
    expect(center.demo.widgetOrigins).toContain(origin);
    expect(page).toContain(`<script src="${center.baseUrl}/widget.js" data-channel="${channelId}" async></script>`);
    expect(script.status).toBe(200);
  });

  it('turns a visitor’s message into a queued web chat contact on the stream, and brings the agent’s reply to the visitor’s socket', async () => {
    // Arrange: Дмитрий (support) is at work but on a break; the visitor opens the widget
    const agentToken = await login('u-agent-2');
    expect((await consoleCall(agentToken, '/agents/me/status', 'PUT', { status: 'break', reason: 'lunch' })).status).toBe(200);
    const agentConsole = openSocket(`${center.baseUrl.replace('http', 'ws')}/ws?token=${agentToken}`, center.baseUrl);
    await agentConsole.opened;
    const status = await json(await widget('/status'));
    const session = await json(await widget('/sessions', { method: 'POST', body: {} }));
    const foreign = await openSocket(`${session.wsUrl}?token=${session.token}`, 'https://evil.example').opened.then(() => 'open', (error: Error) => error.message);
    const visitor = openSocket(`${session.wsUrl}?token=${session.token}`, origin);
    await visitor.opened;
    await widget('/prechat', { method: 'POST', token: session.token, body: { name: 'Ольга', email: 'olga@example.com', queueId: 'support' } });

    // Act: the visitor writes; the stream opens a contact and tells the widget its place
    const sent = await widget(`/conversations/${session.conversationId}/messages`, { method: 'POST', token: session.token, body: { clientMessageId: 'hello-1', text: 'Здравствуйте! Не приходит курьер' } });
    const waiting = await waitFor(() => visitor.frames.find((f) => f.type === 'widget.state' && f.state.status === 'waiting' && f.state.position));
    const inserts = await waitFor(async () => {
      const images = await readStreamInserts(center.deps);
      return images.some((i) => i['entity'] === 'contact' && i['channel'] === 'webchat' && i['conversationId'] === session.conversationId) ? images : undefined;
    });
    const contact = inserts.find((i) => i['entity'] === 'contact' && i['conversationId'] === session.conversationId)!;

    // Act: the agent comes back, gets the offer, accepts, types and replies
    await consoleCall(agentToken, '/agents/me/status', 'PUT', { status: 'available' });
    await waitFor(() => agentConsole.frames.find((f) => f.type === 'offer' && f.contact.contactId === contact['contactId']));
    expect((await consoleCall(agentToken, `/contacts/${contact['contactId']}/accept`)).status).toBe(200);
    const connected = await waitFor(() => visitor.frames.find((f) => f.type === 'widget.state' && f.state.status === 'connected'));
    await consoleCall(agentToken, `/contacts/${contact['contactId']}/typing`);
    const reply = await json(await consoleCall(agentToken, `/contacts/${contact['contactId']}/messages`, 'POST', { text: 'Здравствуйте, Ольга! Сейчас уточню у курьера.' }));
    const delivered = await waitFor(() => visitor.frames.find((f) => f.type === 'widget.message' && f.message.messageId === reply.message.messageId));
    await waitFor(async () => ((await center.deps.messaging.getMessage(center.demo.tenantId, reply.message.messageId))?.status === 'sent' ? true : undefined));
    await widget(`/conversations/${session.conversationId}/receipts`, { method: 'POST', token: session.token, body: { messageIds: [reply.message.messageId], status: 'read' } });
    const readByVisitor = await waitFor(() => agentConsole.frames.find((f) => f.type === 'message.updated' && f.message.messageId === reply.message.messageId && f.message.status === 'read'));
    await widget(`/conversations/${session.conversationId}/typing`, { method: 'POST', token: session.token });
    const visitorTyping = await waitFor(() => agentConsole.frames.find((f) => f.type === 'typing' && f.from === 'visitor'));
    visitor.socket.close();
    agentConsole.socket.close();

    // Assert
    expect(status.departments).toContainEqual({ queueId: 'support', title: 'Поддержка', online: true });
    expect(foreign).toBe('refused with 403');
    expect(sent.status).toBe(202);
    expect(sent.headers.get('access-control-allow-origin')).toBe(origin);
    expect(contact).toMatchObject({ channel: 'webchat', channelId, queueId: 'support', status: 'queued' });
    expect(inserts.some((i) => i['entity'] === 'idempotency' && i['channelId'] === channelId)).toBe(true);
    expect(waiting.state.position).toMatchObject({ position: 1, text: { ru: expect.stringMatching(/^Вы первый в очереди/) } });
    expect(connected.state).toMatchObject({ agentName: 'Дмитрий Иванов', contactId: contact['contactId'] });
    expect(visitor.frames).toContainEqual(expect.objectContaining({ type: 'typing', from: 'agent', name: 'Дмитрий' }));
    expect(delivered.message).toMatchObject({ from: 'agent', text: 'Здравствуйте, Ольга! Сейчас уточню у курьера.' });
    expect(readByVisitor.message.statusHistory.map((s: { status: string }) => s.status)).toEqual(['pending', 'sent', 'read']);
    expect(visitorTyping.contactId).toBe(contact['contactId']);
    expect(visitor.frames.filter((f) => !String(f.type).startsWith('widget.') && f.type !== 'typing')).toEqual([]);
  });
});
