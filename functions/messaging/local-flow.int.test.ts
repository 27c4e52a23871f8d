import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import type { Contact } from '@cc/shared/contacts/model';
import { startContactCenter, type RunningContactCenter } from '../local/contact-center.ts';
import { json } from '../../test/json.ts';
import { scanEntity } from './testing/harness.ts';
import { readStreamInserts, waitFor } from '../../test/live.ts';

let center: RunningContactCenter;

beforeAll(async () => {
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true });
});
afterAll(() => center?.stop());

describe('messaging on the local contact center', () => {
  it('turns a simulated Telegram message into a queued contact that is on the stream, and delivers the reply back', async () => {
    // Arrange
    const channel = center.demo.channels.find((c) => c.type === 'telegram')!;
    const persona = center.simulator.listPersonas()[0]!.id;
    // Act: the customer writes through the simulator, which signs and posts the webhook
    const sent = await center.simulator.say(channel.channelId, persona, 'Здравствуйте! Хочу оформить заказ');
    const contact = await waitFor(async () => (await scanEntity<Contact>(center.deps, 'contact')).find((c) => c.channelId === channel.channelId));
    // Assert: acknowledged, queued in the channel's queue, and its insert is on the table's stream
    expect(sent.webhook.status).toBe(200);
    expect(contact).toMatchObject({ tenantId: center.demo.tenantId, channel: 'telegram', queueId: 'support', status: 'queued' });
    const inserts = await waitFor(async () => {
      const images = await readStreamInserts(center.deps);
      return images.some((i) => i['entity'] === 'contact' && i['contactId'] === contact.contactId) ? images : undefined;
    });
    expect(inserts.some((i) => i['entity'] === 'idempotency' && i['channelId'] === channel.channelId)).toBe(true);

    // Act: a supervisor replies; the outbox sends it through the simulated Bot API
    const supervisor = center.demo.users.find((u) => u.role === 'supervisor')!;
    const login = await json(await fetch(`${center.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: supervisor.login, password: supervisor.password }) }));
    const pushed: Array<{ type: string; message?: { messageId: string; status: string } }> = [];
    const socket = new WebSocket(`${center.baseUrl.replace('http', 'ws')}/ws?token=${login.token}`);
    socket.on('message', (data) => pushed.push(JSON.parse(data.toString())));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const res = await fetch(`${center.baseUrl}/api/contacts/${contact.contactId}/messages`, { method: 'POST', headers: { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Здравствуйте! Оператор на связи.' }) });
    const { message } = await json(res);
    // A system notice (queue position, pre-chat menu) may come first: wait past it for the supervisor's reply,
    // which carries their name (a supervisor who has not taken the chat over always signs).
    const signed = `${supervisor.name}: Здравствуйте! Оператор на связи.`;
    let received = await center.simulator.waitForReply(channel.channelId, persona, { timeoutMs: 20_000 });
    while (received.text !== signed) received = await center.simulator.waitForReply(channel.channelId, persona, { afterRev: received.rev, timeoutMs: 20_000 });
    const delivered = await waitFor(async () => {
      const stored = await center.deps.messaging.getMessage(center.demo.tenantId, message.messageId);
      return stored?.status === 'sent' ? stored : undefined;
    });
    const live = await waitFor(async () => pushed.find((p) => p.type === 'message.updated' && p.message?.messageId === message.messageId && p.message?.status === 'sent'));
    socket.close();
    // Assert
    expect(live).toBeDefined();
    expect(pushed.some((p) => p.type === 'message.created' && p.message?.messageId === message.messageId)).toBe(true);
    expect(res.status).toBe(202);
    expect(received.text).toBe(signed);
    expect(delivered.providerMessageId).toBe(received.providerMessageId);
  });
});
