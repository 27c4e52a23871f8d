import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Agent } from '@cc/shared/agents/model';
import type { Contact } from '@cc/shared/contacts/model';
import type { StoredMessage } from '@cc/shared/conversations/model';
import { startContactCenter, type RunningContactCenter } from '../local/contact-center.ts';
import { json } from '../../test/json.ts';
import { scanEntity } from './testing/harness.ts';
import { waitFor } from '../../test/live.ts';

// A supervisor in a live Telegram chat on the whole local contact center (real stream, the simulator as the Bot API):
// whisper (stored, pushed, never sent), barge (signed replies reach the customer), take over (the contact moves, the slot is freed).
let center: RunningContactCenter;
const tokens = {} as Record<'anna' | 'oleg' | 'admin', string>;
let contactId: string;
let channelId: string;
const persona = 'ivan';

const login = async (who: string) => {
  const user = center.demo.users.find((u) => u.login.startsWith(who))!;
  const res = await fetch(`${center.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: user.login, password: user.password }) });
  return (await json(res)).token as string;
};
const call = (token: string, method: string, path: string, body?: unknown) =>
  fetch(`${center.baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
const sendCalls = () => center.simulator.calls(channelId).filter((c) => c.method === 'sendMessage');
const anna = () => center.deps.routing.readAgent(center.demo.tenantId, 'u-agent-1') as Promise<Agent>;

beforeAll(async () => {
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true });
  tokens.anna = await login('anna');
  tokens.oleg = await login('supervisor');
  tokens.admin = await login('admin');
  channelId = center.demo.channels.find((c) => c.type === 'telegram')!.channelId;
  expect((await call(tokens.anna, 'PUT', '/agents/me/status', { status: 'available' })).status).toBe(200);
  await center.simulator.say(channelId, persona, 'Здравствуйте! Где мой заказ 1042?');
  const offered = await waitFor(async () => (await scanEntity<Contact>(center.deps, 'contact')).find((c) => c.channelId === channelId && c.status === 'offered'), 30_000);
  contactId = offered.contactId;
  expect((await call(tokens.anna, 'POST', `/contacts/${contactId}/accept`)).status).toBe(200);
}, 120_000);
afterAll(() => center?.stop());

describe('chat supervision', () => {
  it('refuses agents (403), other tenants’ or unknown contacts (404) and empty or overlong text (400)', async () => {
    expect((await call(tokens.anna, 'POST', `/contacts/${contactId}/whisper`, { text: 'hi' })).status).toBe(403);
    expect((await call(tokens.anna, 'POST', `/contacts/${contactId}/take-over`)).status).toBe(403);
    expect((await call(tokens.oleg, 'POST', '/contacts/nope/whisper', { text: 'hi' })).status).toBe(404);
    expect((await call(tokens.oleg, 'POST', `/contacts/${contactId}/whisper`, { text: '  ' })).status).toBe(400);
    expect((await call(tokens.oleg, 'POST', `/contacts/${contactId}/whisper`, { text: 'x'.repeat(4097) })).status).toBe(400);
  });

  it('lists the connected chat with its agent on the supervisors’ wallboard, and refuses agents (403)', async () => {
    // Act
    const res = await call(tokens.oleg, 'GET', '/wallboard/chats');
    // Assert
    expect(res.status).toBe(200);
    expect(((await json(res)).chats as Contact[]).map((c) => [c.contactId, c.agentId])).toEqual([[contactId, 'u-agent-1']]);
    expect((await call(tokens.anna, 'GET', '/wallboard/chats')).status).toBe(403);
  });

  it('stores a whisper marked as such, pushes it, and never sends it to the provider', async () => {
    // Arrange
    const before = sendCalls().length;
    // Act
    const res = await call(tokens.oleg, 'POST', `/contacts/${contactId}/whisper`, { text: 'Предложите ему доставку курьером', clientMessageId: 'w1' });
    const { message } = await json(res);
    // Assert: the agent reads it in the conversation, marked, and the stream has had every chance to send it
    expect(res.status).toBe(202);
    const listed = await waitFor(async () => ((await json(await call(tokens.anna, 'GET', `/contacts/${contactId}/messages`))).messages as StoredMessage[]).find((m) => m.messageId === message.messageId));
    expect(listed).toMatchObject({ whisper: true, authorId: 'u-supervisor', authorName: 'Олег Кузнецов', status: 'sent', text: 'Предложите ему доставку курьером' });
    expect(await scanEntity(center.deps, 'outbox').then((rows) => rows.filter((r) => r['messageId'] === message.messageId))).toEqual([]);
    // A reply written after the whisper reaches the provider: once it has, the whisper had its chance and did not go.
    await call(tokens.anna, 'POST', `/contacts/${contactId}/messages`, { text: 'Секунду, проверяю' });
    await waitFor(async () => sendCalls().find((c) => c.params['text'] === 'Секунду, проверяю'), 20_000);
    expect(sendCalls().slice(before).map((c) => c.params['text'])).toEqual(['Секунду, проверяю']);
    // The same client id again stores nothing new.
    expect((await call(tokens.oleg, 'POST', `/contacts/${contactId}/whisper`, { text: 'Предложите ему доставку курьером', clientMessageId: 'w1' })).status).toBe(200);
  });

  it('records a barge on the contact and signs the supervisor’s replies to the customer with their name', async () => {
    // Act
    const barge = await call(tokens.oleg, 'POST', `/contacts/${contactId}/barge`);
    const reply = await call(tokens.oleg, 'POST', `/contacts/${contactId}/messages`, { text: 'Мы доставим заказ завтра' });
    // Assert
    expect(barge.status).toBe(200);
    expect((await json(barge)).supervision).toEqual([expect.objectContaining({ userId: 'u-supervisor', role: 'barge' })]);
    expect(reply.status).toBe(202);
    const sent = await waitFor(async () => sendCalls().find((c) => String(c.params['text']).includes('Мы доставим заказ завтра')), 20_000);
    expect(sent.params['text']).toBe('Олег Кузнецов: Мы доставим заказ завтра');
  });

  it('moves the contact to the supervisor on take over, frees the agent’s slot, and lets only one of two racing takeovers win', async () => {
    // Arrange
    const loadBefore = (await anna()).load!.chat;
    // Act: the supervisor and the admin (also a supervisor) take over at the same moment
    const [first, second] = await Promise.all([call(tokens.oleg, 'POST', `/contacts/${contactId}/take-over`), call(tokens.admin, 'POST', `/contacts/${contactId}/take-over`)]);
    // Assert
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const winner = first.status === 200 ? 'u-supervisor' : 'u-admin';
    const stored = (await center.deps.routing.readContact(center.demo.tenantId, contactId))!;
    expect(stored).toMatchObject({ status: 'connected', agentId: winner });
    expect((await anna()).load!.chat).toBe(loadBefore - 1);
    const annaList = (await json(await call(tokens.anna, 'GET', '/contacts?assigned=me'))).contacts as Contact[];
    expect(annaList.map((c) => c.contactId)).not.toContain(contactId);
    const theirs = (await json(await call(winner === 'u-supervisor' ? tokens.oleg : tokens.admin, 'GET', '/contacts?assigned=me'))).contacts as Contact[];
    expect(theirs.map((c) => c.contactId)).toContain(contactId);
    // It stays on the winner's live panel as their own, though they hold no agent slot for it.
    const board = (await json(await call(winner === 'u-supervisor' ? tokens.oleg : tokens.admin, 'GET', '/wallboard/chats'))).chats as Contact[];
    expect(board.map((c) => [c.contactId, c.agentId])).toEqual([[contactId, winner]]);
    // The agent no longer holds it: their reply is refused.
    expect((await call(tokens.anna, 'POST', `/contacts/${contactId}/messages`, { text: 'ещё я' })).status).toBe(403);
  });
});
