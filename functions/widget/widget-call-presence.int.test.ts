// Integration: a call from the site whose visitor's page dies without hanging up (tab killed, network gone). The
// local contact center runs with a short heartbeat (a beat a second, gone after two missed), its real in-process
// routing timers check the visitor: a call that beats goes on, one that stops is ended as if the visitor hung up.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type {} from '../../test/global-setup.ts';
import { json } from '../../test/json.ts';
import { waitFor } from '../../test/live.ts';
import { startContactCenter, type RunningContactCenter } from '../local/contact-center.ts';

let center: RunningContactCenter;
let channelId: string;
let origin: string;
/** The visitor is gone after this long without a beat (1 s × 2). */
const WINDOW_MS = 2000;

beforeAll(async () => {
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true, env: { WEBCALL_HEARTBEAT_SECONDS: '1', WEBCALL_MISSED_BEATS: '2' } });
  channelId = center.demo.channels.find((c) => c.type === 'webchat')!.channelId;
  origin = new URL(center.widgetDemoUrl).origin;
});
afterAll(() => center?.stop());

const widget = (path: string, init: { method?: string; token?: string; body?: unknown } = {}) =>
  fetch(`${center.baseUrl}/widget/${channelId}${path}`, {
    method: init.method ?? 'GET',
    headers: { origin, 'content-type': 'application/json', ...(init.token && { authorization: `Bearer ${init.token}` }) },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
const session = async () => json(await widget('/sessions', { method: 'POST', body: {} }));
const contact = (contactId: string) => center.deps.contacts.get(center.demo.tenantId, contactId);
const lastSeen = (contactId: string) => center.deps.visitorHeartbeats.lastSeen(center.demo.tenantId, contactId);

async function login(userId: string): Promise<string> {
  const user = center.demo.users.find((u) => u.userId === userId)!;
  const res = await fetch(`${center.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: user.login, password: user.password }) });
  return (await json(res)).token;
}
const api = (token: string, path: string, method = 'POST', body?: unknown) =>
  fetch(`${center.baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });

/** The visitor's page beating every 200 ms, as call.js does (at its own pace), until `stop`. */
function beating(token: string, contactId: string) {
  const beats: number[] = [];
  const timer = setInterval(() => void widget(`/calls/${contactId}/heartbeat`, { method: 'POST', token }).then((res) => beats.push(res.status)), 200);
  return { beats, stop: () => clearInterval(timer) };
}

describe('the visitor of a call from the site goes away without hanging up', () => {
  it('keeps a waiting call whose page beats, and abandons it as customer gone once the beats stop', async () => {
    // Arrange: nobody works, so the call waits
    const visitor = await session();
    const placed = await json(await widget('/calls', { method: 'POST', token: visitor.token, body: { queueId: 'sales' } }));
    const page = beating(visitor.token, placed.contactId);
    // Act: the page beats for more than two windows, then dies
    const created = Date.parse((await contact(placed.contactId))!.createdAt);
    await waitFor(async () => Date.parse((await lastSeen(placed.contactId)) ?? '1970-01-01') - created > 2 * WINDOW_MS, 30_000);
    const whileBeating = await contact(placed.contactId);
    page.stop();
    const abandoned = await waitFor(async () => {
      const stored = await contact(placed.contactId);
      return stored?.status === 'abandoned' && stored;
    }, 30_000);
    const seenByPage = await json(await widget(`/calls/${placed.contactId}/heartbeat`, { method: 'POST', token: visitor.token }));
    // Assert
    expect(placed.heartbeatSeconds).toBe(1);
    expect(page.beats.every((status) => status === 200)).toBe(true);
    expect(whileBeating?.status).toBe('queued');
    expect(abandoned.history.at(-1)).toMatchObject({ from: 'queued', to: 'abandoned', reason: 'customer gone: the visitor’s page stopped answering while waiting' });
    expect(seenByPage).toMatchObject({ status: 'ended', outcome: 'abandoned' });
  });

  it('ends a call the agent is talking on into after-contact work once the visitor’s page stops beating, and frees the visitor to call again', async () => {
    // Arrange: Мария answers the visitor's call while the page beats
    const agentToken = await login('u-agent-3');
    const visitor = await session();
    const placed = await json(await widget('/calls', { method: 'POST', token: visitor.token, body: {} }));
    const page = beating(visitor.token, placed.contactId);
    await api(agentToken, '/agents/me/status', 'PUT', { status: 'available' });
    await waitFor(async () => (await contact(placed.contactId))?.status === 'offered', 30_000);
    const accepted = await api(agentToken, `/contacts/${placed.contactId}/accept`);
    // Act: the tab is killed mid-conversation
    page.stop();
    const ended = await waitFor(async () => {
      const stored = await contact(placed.contactId);
      return stored?.status === 'after-contact-work' && stored;
    }, 30_000);
    const agent = await center.deps.agents.get(center.demo.tenantId, 'u-agent-3');
    const again = await widget('/calls', { method: 'POST', token: visitor.token, body: {} });
    const next = await json(again);
    await widget(`/calls/${next.contactId}/hangup`, { method: 'POST', token: visitor.token });
    await api(agentToken, `/contacts/${placed.contactId}/complete`);
    await api(agentToken, '/agents/me/status', 'PUT', { status: 'offline' });
    // Assert
    expect(accepted.status).toBe(200);
    expect(ended).toMatchObject({ agentId: 'u-agent-3', channel: 'webcall' });
    expect(ended.history.at(-1)).toMatchObject({ from: 'connected', to: 'after-contact-work', reason: 'call ended: customer gone, the visitor’s page stopped answering' });
    expect(agent?.status).toBe('after-contact-work');
    expect(again.status).toBe(201);
  });

  it('abandons a call whose page never beats at all, a window after it was placed', async () => {
    // Arrange
    const visitor = await session();
    // Act
    const placed = await json(await widget('/calls', { method: 'POST', token: visitor.token, body: { queueId: 'sales' } }));
    const abandoned = await waitFor(async () => {
      const stored = await contact(placed.contactId);
      return stored?.status === 'abandoned' && stored;
    }, 30_000);
    // Assert
    expect(await lastSeen(placed.contactId)).toBeUndefined();
    expect(Date.parse(abandoned.statusSince) - Date.parse(abandoned.createdAt)).toBeGreaterThanOrEqual(WINDOW_MS);
  });
});
