// Integration: calls from the site on the local contact center (DynamoDB Local, its stream, the real WebSocket
// server): the visitor's call is a queued `webcall` contact routed like a phone call; the agent accepts and
// joins its audio through the console API; the visitor hangs up while waiting (abandoned, with its wait) or talking.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import type {} from '../../test/global-setup.ts';
import { channelSecretContext } from '@cc/shared/tenancy/ports';
import { json, type Json } from '../../test/json.ts';
import { waitFor } from '../../test/live.ts';
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

const widget = (path: string, init: { method?: string; token?: string; body?: unknown; channel?: string } = {}) =>
  fetch(`${center.baseUrl}/widget/${init.channel ?? channelId}${path}`, {
    method: init.method ?? 'GET',
    headers: { origin, 'content-type': 'application/json', ...(init.token && { authorization: `Bearer ${init.token}` }) },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
const session = async (channel = channelId) => json(await widget('/sessions', { method: 'POST', body: {}, channel }));
const contact = (contactId: string) => center.deps.contacts.get(center.demo.tenantId, contactId);

async function login(userId: string): Promise<string> {
  const user = center.demo.users.find((u) => u.userId === userId)!;
  const res = await fetch(`${center.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: user.login, password: user.password }) });
  return (await json(res)).token;
}
const api = (token: string, path: string, method = 'POST', body?: unknown) =>
  fetch(`${center.baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });

/** The visitor's widget socket, collecting its pushes. */
async function visitorSocket(wsUrl: string, token: string) {
  const frames: Json[] = [];
  const socket = new WebSocket(`${wsUrl}?token=${token}`, { origin });
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return { socket, frames };
}

describe('calls from the site on the local contact center', () => {
  it('offers calls on the demo channel and queues a visitor’s call in the channel’s default queue, one live call per visitor', async () => {
    // Arrange: nobody works, so the call waits
    const visitor = await session();
    // Act
    const status = await json(await widget('/status'));
    const placed = await widget('/calls', { method: 'POST', token: visitor.token, body: {} });
    const call = await json(placed);
    const again = await widget('/calls', { method: 'POST', token: visitor.token, body: {} });
    const refused = await json(again);
    const viewed = await json(await widget(`/calls/${call.contactId}`, { token: visitor.token }));
    const stored = await contact(call.contactId);
    // Assert
    expect(status.callScriptUrl).toBe(`${center.baseUrl}/widget-call/call.js`);
    expect(placed.status).toBe(201);
    expect(placed.headers.get('access-control-allow-origin')).toBe(origin);
    expect(call).toMatchObject({ status: 'waiting', position: { position: 1, text: { ru: expect.stringMatching(/^Вы первый в очереди/) } }, ticket: { contactId: call.contactId, role: 'caller', provider: 'local', signallingPath: '/local/rtc' } });
    expect(stored).toMatchObject({ channel: 'webcall', channelId, queueId: 'support', status: 'queued', conversationId: visitor.conversationId, customerId: expect.any(String) });
    expect(again.status).toBe(409);
    expect(refused).toMatchObject({ status: 409, reason: 'call_in_progress' });
    expect(viewed).toMatchObject({ contactId: call.contactId, status: 'waiting' });
    await widget(`/calls/${call.contactId}/hangup`, { method: 'POST', token: visitor.token });
  });

  it('abandons a call the visitor hangs up while waiting, with its wait time, and answers a second hang-up the same', async () => {
    // Arrange
    const visitor = await session();
    const call = await json(await widget('/calls', { method: 'POST', token: visitor.token, body: { queueId: 'sales' } }));
    await waitFor(async () => (await contact(call.contactId))?.version === 1 && (await contact(call.contactId)));
    // Act
    const first = await widget(`/calls/${call.contactId}/hangup`, { method: 'POST', token: visitor.token });
    const hungUp = await json(first);
    const again = await json(await widget(`/calls/${call.contactId}/hangup`, { method: 'POST', token: visitor.token }));
    const stored = (await contact(call.contactId))!;
    const next = await widget('/calls', { method: 'POST', token: visitor.token, body: {} });
    const nextCall = await json(next);
    // Assert
    expect(first.status).toBe(200);
    expect(hungUp).toMatchObject({ status: 'ended', outcome: 'abandoned' });
    expect(stored).toMatchObject({ status: 'abandoned', queueId: 'sales' });
    expect(stored.history.at(-1)).toMatchObject({ from: 'queued', to: 'abandoned', reason: 'the visitor hung up while waiting' });
    expect(hungUp.waitSeconds).toBe(Math.round((Date.parse(stored.statusSince) - Date.parse(stored.enqueuedAt)) / 1000));
    expect(again).toEqual(hungUp);
    expect(next.status).toBe(201);
    await widget(`/calls/${nextCall.contactId}/hangup`, { method: 'POST', token: visitor.token });
  });

  it('routes the call to an agent, who joins its audio; the visitor’s widget is told, and their hang-up ends the call into after-contact work', async () => {
    // Arrange: Мария (support, voice) is available; the visitor chose support in the pre-chat form
    const agentToken = await login('u-agent-3');
    const visitor = await session();
    const live = await visitorSocket(visitor.wsUrl, visitor.token);
    await widget('/prechat', { method: 'POST', token: visitor.token, body: { name: 'Ольга', phone: '+7 900 123-45-67', queueId: 'support' } });
    const call = await json(await widget('/calls', { method: 'POST', token: visitor.token, body: {} }));
    expect((await api(agentToken, '/agents/me/status', 'PUT', { status: 'available' })).status).toBe(200);

    // Act: the agent is offered the call, accepts and asks for its audio
    await waitFor(async () => (await contact(call.contactId))?.status === 'offered');
    const accepted = await api(agentToken, `/contacts/${call.contactId}/accept`);
    const audio = await api(agentToken, `/contacts/${call.contactId}/audio`, 'POST', { role: 'agent' });
    const ticket = await json(audio);
    const connected = await waitFor(() => live.frames.find((f) => f.type === 'widget.call' && f.call.status === 'connected'));
    const viewed = await json(await widget(`/calls/${call.contactId}`, { token: visitor.token }));
    const hungUp = await json(await widget(`/calls/${call.contactId}/hangup`, { method: 'POST', token: visitor.token }));
    const ended = await waitFor(() => live.frames.find((f) => f.type === 'widget.call' && f.call.status === 'ended'));
    const stored = (await contact(call.contactId))!;
    const agent = await center.deps.agents.get(center.demo.tenantId, 'u-agent-3');
    live.socket.close();
    await api(agentToken, `/contacts/${call.contactId}/complete`);
    await api(agentToken, '/agents/me/status', 'PUT', { status: 'offline' });

    // Assert
    expect(accepted.status).toBe(200);
    expect(audio.status).toBe(201);
    expect(ticket).toMatchObject({ contactId: call.contactId, role: 'agent', meetingId: call.ticket.meetingId, provider: 'local' });
    expect(connected.call).toMatchObject({ contactId: call.contactId, agentName: 'Мария Соколова' });
    expect(viewed).toMatchObject({ status: 'connected', agentName: 'Мария Соколова' });
    expect(hungUp).toMatchObject({ status: 'ended', outcome: 'completed' });
    expect(ended.call.outcome).toBe('completed');
    expect(stored).toMatchObject({ status: 'after-contact-work', channel: 'webcall', agentId: 'u-agent-3' });
    expect(stored.history.at(-1)).toMatchObject({ from: 'connected', to: 'after-contact-work', reason: 'call ended: the visitor hung up' });
    expect(agent?.status).toBe('after-contact-work');
    expect(live.frames.filter((f) => f.type === 'widget.state' && f.state.contactId === call.contactId)).toEqual([]);
  });

  it('shows the visitor a call the agent ended as completed, and takes a late hang-up without changing it', async () => {
    // Arrange: Мария answers the visitor's call
    const agentToken = await login('u-agent-3');
    const visitor = await session();
    const call = await json(await widget('/calls', { method: 'POST', token: visitor.token, body: {} }));
    await api(agentToken, '/agents/me/status', 'PUT', { status: 'available' });
    await waitFor(async () => (await contact(call.contactId))?.status === 'offered');
    await api(agentToken, `/contacts/${call.contactId}/accept`);
    // Act
    const ended = await api(agentToken, `/contacts/${call.contactId}/end`);
    const viewed = await json(await widget(`/calls/${call.contactId}`, { token: visitor.token }));
    const late = await json(await widget(`/calls/${call.contactId}/hangup`, { method: 'POST', token: visitor.token }));
    const stored = (await contact(call.contactId))!;
    await api(agentToken, `/contacts/${call.contactId}/complete`);
    await api(agentToken, '/agents/me/status', 'PUT', { status: 'offline' });
    // Assert
    expect(ended.status).toBe(200);
    expect(viewed).toMatchObject({ status: 'ended', outcome: 'completed' });
    expect(late).toEqual(viewed);
    expect(stored.history.filter((h) => h.to === 'after-contact-work')).toHaveLength(1);
  });

  it('keeps each visitor to their own calls and channel: another channel’s token, another visitor and bad input get 4xx with reasons', async () => {
    // Arrange: a second web chat channel of the tenant, with calls, on the same origin
    const demoChannel = (await center.deps.directory.getChannel(center.demo.tenantId, channelId))!;
    const addChannel = async (id: string, name: string, settings: Record<string, unknown>) =>
      center.deps.directory.putChannel({ ...demoChannel, channelId: id, name, settings, encryptedSecrets: await center.deps.cipher.encrypt('{}', channelSecretContext(center.demo.tenantId, id)) });
    const otherId = `${channelId}-b`;
    await addChannel(otherId, 'Второй сайт', demoChannel.settings);
    const quietId = `${channelId}-q`;
    await addChannel(quietId, 'Сайт без звонков', { ...demoChannel.settings, webcall: false });
    const owner = await session();
    const call = await json(await widget('/calls', { method: 'POST', token: owner.token, body: {} }));
    const foreign = await session(otherId);
    const stranger = await session();
    const quiet = await session(quietId);
    // Act
    const otherChannel = await widget('/calls', { method: 'POST', token: foreign.token, body: {} });
    const otherChannelView = await widget(`/calls/${call.contactId}`, { token: foreign.token });
    const otherVisitor = await widget(`/calls/${call.contactId}/hangup`, { method: 'POST', token: stranger.token });
    const badQueue = await widget('/calls', { method: 'POST', token: stranger.token, body: { queueId: 'vip' } });
    const badBody = await widget('/calls', { method: 'POST', token: stranger.token, body: { queueId: 'support', phone: '1' } });
    const disabled = await widget('/calls', { method: 'POST', token: quiet.token, body: {}, channel: quietId });
    const noToken = await widget('/calls', { method: 'POST', body: {} });
    const foreignOrigin = await fetch(`${center.baseUrl}/widget/${channelId}/calls`, { method: 'POST', headers: { origin: 'https://evil.example', authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' }, body: '{}' });
    const stillLive = await contact(call.contactId);
    await widget(`/calls/${call.contactId}/hangup`, { method: 'POST', token: owner.token });
    // Assert
    expect((await json(await widget(`/calls/${call.contactId}`, { token: foreign.token, channel: otherId }))).status).toBe(404);
    expect(otherChannel.status).toBe(401);
    expect(otherChannelView.status).toBe(401);
    expect(otherVisitor.status).toBe(404);
    expect(badQueue.status).toBe(400);
    expect((await json(badQueue)).errors).toContainEqual(expect.objectContaining({ path: 'queueId' }));
    expect(badBody.status).toBe(400);
    expect(disabled.status).toBe(409);
    expect((await json(disabled)).reason).toBe('calls_disabled');
    expect(noToken.status).toBe(401);
    expect(foreignOrigin.status).toBe(403);
    expect(stillLive?.status).toBe('queued');
  });
});
