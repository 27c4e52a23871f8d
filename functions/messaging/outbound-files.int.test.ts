// Agents' files through the outbox and the delivery path to each provider's fake API (the simulator),
// on DynamoDB Local: the fake received the bytes by the documented method, and the message is `sent`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '@cc/shared/conversations/model';
import { json } from '../../test/json.ts';
import { sha256Hex } from '../local/simulator/files.ts';
import { createTestChannel } from './testing/harness.ts';
import { makeAgentRecord, makeTenantQueue } from '../routing/testing.ts';
import { PDF, PNG, startFilesHarness } from '../media/testing/files-harness.ts';

const TENANT = 'romashka';
let h: Awaited<ReturnType<typeof startFilesHarness>>;

beforeAll(async () => {
  h = await startFilesHarness(TENANT);
}, 60_000);
afterAll(() => h.stop());

/** Uploads `file` to a new contact of the channel, replies with it, and runs the outbox; the stored message after. */
async function sendFile(channelId: string, personaId: string, file: { bytes: Uint8Array; type: string; name: string }, text?: string): Promise<StoredMessage> {
  const contact = await h.connectedContact(channelId, personaId);
  const uploaded = await h.upload(contact.contactId, file.bytes, file.type, file.name);
  expect(uploaded.status).toBe(201);
  const { uploadId } = await json(uploaded);
  const replied = await h.reply(contact.contactId, { ...(text && { text }), attachments: [{ uploadId }] });
  expect(replied.status).toBe(202);
  const { message } = await json(replied);
  await h.pump.run();
  return (await h.ctx.deps.messaging.getMessage(TENANT, message.messageId))!;
}
const callsOf = (channelId: string) => h.simulator.sim.calls(channelId);

describe('agents\u2019 files to each provider', () => {
  it('Telegram: sendDocument with the bytes, the name and the caption', async () => {
    // Act
    const message = await sendFile('tg', 'anna', { bytes: PDF, type: 'application/pdf', name: 'Счёт 1042.pdf' }, 'Ваш счёт');
    // Assert
    expect(message).toMatchObject({ status: 'sent', providerMessageId: expect.any(String) });
    expect(callsOf('tg').at(-1)).toMatchObject({ method: 'sendDocument', status: 200, params: { caption: 'Ваш счёт', document: { file: 'Счёт 1042.pdf', type: 'application/pdf', sha256: sha256Hex(PDF) } } });
    expect(h.simulator.sim.transcript('tg', 'anna').at(-1)).toMatchObject({ from: 'business', text: 'Ваш счёт', file: { name: 'Счёт 1042.pdf', size: PDF.byteLength } });
  });

  it('WhatsApp: the image is uploaded to /media, then sent by its id with the caption', async () => {
    // Act
    const message = await sendFile('wa', 'anna', { bytes: PNG, type: 'image/png', name: 'схема.png' }, 'Схема проезда');
    // Assert
    expect(message.status).toBe('sent');
    const [upload, send] = callsOf('wa').slice(-2);
    expect(upload).toMatchObject({ method: 'media upload', params: { messaging_product: 'whatsapp', type: 'image/png', file: { sha256: sha256Hex(PNG) } } });
    expect(send).toMatchObject({ method: 'messages', params: { type: 'image', image: { id: JSON.parse(upload!.response).id, caption: 'Схема проезда' } } });
  });

  it('VK: the document goes through the upload flow and messages.send names it', async () => {
    // Act
    const message = await sendFile('vk', 'anna', { bytes: PDF, type: 'application/pdf', name: 'Договор.pdf' });
    // Assert
    expect(message.status).toBe('sent');
    expect(callsOf('vk').slice(-4).map((c) => c.method)).toEqual(['docs.getMessagesUploadServer', 'upload', 'docs.save', 'messages.send']);
    expect(callsOf('vk').at(-3)!.params).toMatchObject({ file: { sha256: sha256Hex(PDF) } });
    expect(callsOf('vk').at(-1)!.params).toMatchObject({ attachment: expect.stringMatching(/^doc-\d+_\d+$/) });
  });

  it('Viber: a picture by a short-lived public link, which the fake fetches and gets the same bytes from', async () => {
    // Act
    const message = await sendFile('vb', 'anna', { bytes: PNG, type: 'image/png', name: 'схема.png' }, 'Схема');
    // Assert
    expect(message.status).toBe('sent');
    const call = callsOf('vb').at(-1)!;
    expect(call.params).toMatchObject({ type: 'picture', text: 'Схема', media: expect.stringMatching(/^http:\/\/contact-center\.test\/local\/media\/romashka\/outbound\/.+\.png\?expires=\d+&signature=[0-9a-f]{64}$/), fetched: { status: 200, sha256: sha256Hex(PNG) } });
    // A link whose signature is changed serves nothing.
    const forged = await h.links.request(new URL(String(call.params.media)).pathname + '?expires=9999999999&signature=' + '0'.repeat(64));
    expect(forged.status).toBe(404);
  });

  it('records a permanent failure, without a provider call, when the stored file is gone', async () => {
    // Arrange
    const contact = await h.connectedContact('tg', 'boris');
    const { uploadId } = await json(await h.upload(contact.contactId, PDF, 'application/pdf', 'a.pdf'));
    const { message } = await json(await h.reply(contact.contactId, { attachments: [{ uploadId }] }));
    const calls = callsOf('tg').length;
    const store = h.ctx.deps.media!.store!;
    h.ctx.deps.media = { store: { ...store, get: async () => undefined, head: store.head.bind(store), put: store.put.bind(store), signedUrl: store.signedUrl.bind(store), publicLink: store.publicLink.bind(store) } };
    // Act
    await h.pump.run();
    h.ctx.deps.media = { store };
    // Assert
    expect(await h.ctx.deps.messaging.getMessage(TENANT, message.messageId)).toMatchObject({ status: 'failed', failure: { permanent: true, reason: 'The file is no longer in storage' } });
    expect(callsOf('tg').length).toBe(calls);
  });
});

describe('agents\u2019 files to the web chat widget', () => {
  it('gives the visitor a link to the file in the history, which serves the bytes without any sign-in', async () => {
    // Arrange: a visitor through the widget API, connected to Анна
    const SHOP = 'https://shop.example';
    await createTestChannel(h.ctx.deps, { tenantId: TENANT, channelId: 'web', kind: 'webchat', settings: { allowedOrigins: [`${SHOP}/`] } });
    await h.ctx.deps.queues.put(makeTenantQueue(TENANT, 'support', { name: 'Поддержка' }));
    await h.ctx.deps.agents.put(makeAgentRecord(TENANT, 'anna', ['support'], { name: 'Анна' }));
    const call = (path: string, token?: string, body?: unknown) =>
      h.app.request(path, { method: body === undefined ? 'GET' : 'POST', headers: { origin: SHOP, 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
    const visitor = await json(await call('/widget/web/sessions', undefined, {}));
    await call('/widget/web/prechat', visitor.token, { name: 'Ольга', phone: '8 900 123-45-67' });
    expect((await call(`/widget/web/conversations/${visitor.conversationId}/messages`, visitor.token, { clientMessageId: 'c-1', text: 'Пришлите счёт' })).status).toBe(202);
    await h.pump.run();
    const conversation = await h.ctx.deps.messaging.getConversation(TENANT, visitor.conversationId);
    const contact = (await h.ctx.deps.contacts.get(TENANT, conversation!.openContactId!))!;
    await h.ctx.deps.contacts.save({ ...contact, status: 'connected', agentId: 'anna', version: contact.version + 1 }, contact.version);
    const { uploadId } = await json(await h.upload(contact.contactId, PNG, 'image/png', 'счёт.png'));
    // Act
    expect((await h.reply(contact.contactId, { text: 'Вот он', attachments: [{ uploadId }] })).status).toBe(202);
    await h.pump.run();
    const { messages } = await json(await call(`/widget/web/conversations/${visitor.conversationId}/messages`, visitor.token));
    const reply = messages.at(-1);
    const served = await h.links.request(new URL(reply.file.url).pathname + new URL(reply.file.url).search);
    // Assert
    expect(reply).toMatchObject({ from: 'agent', text: 'Вот он', status: 'sent', file: { name: 'счёт.png', contentType: 'image/png', sizeBytes: PNG.byteLength, image: true } });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
  });
});
