/**
 * End to end through the local runtime (`npm start`'s code path): DynamoDB Local's real stream, the local stream
 * poller, the catalogued Lambda handlers (stream processor, routing timers) and the WebSocket endpoint.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startContactCenter, type RunningContactCenter } from '../local/contact-center.ts';
import { json } from '../../test/json.ts';
import { makeTenantQueue } from './testing.ts';
import { openConsoleSocket, signIn, waitFor } from '../../test/live.ts';

let center: RunningContactCenter;
beforeAll(async () => {
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true });
});
afterAll(() => center?.stop());

const login = (login: string) => signIn(center.baseUrl, center.demo.users.find((u) => u.login === login)!);
const openSocket = (token: string) => openConsoleSocket(center.baseUrl, token);

const api = (token: string, path: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${center.baseUrl}${path}`, { method: init.method ?? 'GET', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(init.body !== undefined && { body: JSON.stringify(init.body) }) });

describe('routing end to end on the local runtime', () => {
  it('offers a new contact to the agent who became available, over the WebSocket, through accept, end, wrap-up and close', async () => {
    // Arrange: a queue with one second of after-contact work, served by Анна
    const { deps, demo } = center;
    await deps.queues.put(makeTenantQueue(demo.tenantId, 'e2e', { afterContactWorkSeconds: 1 }));
    const anna = (await deps.agents.get(demo.tenantId, 'u-agent-1'))!;
    await deps.agents.save({ ...anna, queueIds: [...anna.queueIds, 'e2e'], profile: [...(anna.profile ?? []), { queueId: 'e2e', priority: 0, delaySeconds: 0 }], version: anna.version + 1 }, anna.version);
    const agent = await login('anna@romashka.demo');
    const supervisor = await login('supervisor@romashka.demo');
    const agentConsole = openSocket(agent.token);
    const wallboard = openSocket(supervisor.token);
    await Promise.all([agentConsole.opened, wallboard.opened]);
    expect((await api(agent.token, '/api/agents/me/status', { method: 'PUT', body: { status: 'available' } })).status).toBe(200);
    await waitFor(() => agentConsole.messages.find((m) => m.type === 'agent.updated' && (m.agent as { status: string }).status === 'available'));

    // Act: a customer writes in (created through the API)
    const created = await api(supervisor.token, '/api/contacts', { method: 'POST', body: { queueId: 'e2e', channel: 'webchat', customerId: 'cust-1' } });
    expect(created.status).toBe(201);
    const { contactId } = await json(created);

    // Assert: the offer is pushed to Анна's console, she accepts, ends; after-contact work closes by itself
    const offer = await waitFor(() => agentConsole.messages.find((m) => m.type === 'offer' && (m.contact as { contactId: string }).contactId === contactId));
    expect(offer).toMatchObject({ contact: { status: 'offered', agentId: 'u-agent-1' }, expiresAt: expect.any(String) });
    const accepted = await api(agent.token, `/api/contacts/${contactId}/accept`, { method: 'POST' });
    expect(await json(accepted)).toMatchObject({ status: 'connected' });
    const ended = await api(agent.token, `/api/contacts/${contactId}/end`, { method: 'POST' });
    expect(await json(ended)).toMatchObject({ status: 'after-contact-work' });
    const closed = await waitFor(async () => {
      const contact = await json(await api(agent.token, `/api/contacts/${contactId}`));
      return contact.status === 'closed' ? contact : undefined;
    });
    expect(closed.history.map((r: { to: string }) => r.to)).toEqual(['queued', 'offered', 'connected', 'after-contact-work', 'closed']);
    await waitFor(() => agentConsole.messages.find((m) => m.type === 'contact.updated' && (m.contact as { status: string; contactId: string }).contactId === contactId && (m.contact as { status: string }).status === 'closed'));
    const me = await json(await api(agent.token, '/api/agents/u-agent-1'));
    expect(me).toMatchObject({ status: 'available', load: { voice: 0, chat: 0 }, wrapping: 0 });
    await waitFor(() => wallboard.messages.find((m) => m.type === 'queue.stats' && (m.queue as { queueId: string; handledToday: number }).queueId === 'e2e' && (m.queue as { handledToday: number }).handledToday === 1));
    agentConsole.socket.close();
    wallboard.socket.close();
  });

  it('asks the voice side to dial an accepted callback and reports the queue position in Russian and English', async () => {
    // Arrange: Анна is available (previous test); a callback arrives in her queue
    const agent = await login('anna@romashka.demo');
    const created = await json(await api(agent.token, '/api/contacts', { method: 'POST', body: { queueId: 'e2e', channel: 'callback', callback: { phone: '+79161234567' } } }));
    const position = await json(await api(agent.token, `/api/contacts/${created.contactId}/position`));
    expect(position).toMatchObject({ contactId: created.contactId, text: { ru: expect.any(String), en: expect.any(String) } });
    // Act
    await waitFor(async () => (await json(await api(agent.token, `/api/contacts/${created.contactId}`))).status === 'offered');
    await api(agent.token, `/api/contacts/${created.contactId}/accept`, { method: 'POST' });
    // Assert
    const dialled = await waitFor(() => center.voice.emulator.list().find((c) => c.direction === 'outbound' && c.legs.some((l) => l.To === '+79161234567')));
    expect(dialled.events[0]?.type).toBe('NEW_OUTBOUND_CALL');
  });
});
