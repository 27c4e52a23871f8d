// Customers' files end to end on DynamoDB Local: the simulator's Telegram customer sends a photo, the
// webhook stores the message, the in-process media queue fetches it through the fake Bot API (getFile,
// then the file URL) into the local folder, and the console route hands it to a supervisor.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StoredMessage } from '@cc/shared/conversations/model';
import { startContactCenter, type RunningContactCenter } from './contact-center.ts';
import { json } from '../../test/json.ts';
import { waitFor } from '../../test/live.ts';
import { scanEntity } from '../messaging/testing/harness.ts';
import { JPEG } from '../media/testing/fake-media-provider.ts';

let center: RunningContactCenter;
let token: string;

beforeAll(async () => {
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true });
  const user = center.demo.users.find((u) => u.role === 'supervisor')!;
  const res = await fetch(`${center.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: user.login, password: user.password }) });
  token = (await json(res)).token;
}, 120_000);
afterAll(() => center?.stop());

const channelOf = (kind: string) => center.demo.channels.find((c) => c.type === kind)!.channelId;
const telegramChannel = () => channelOf('telegram');

/** The stored message for a simulator line, once its first file has an outcome. */
async function settled(providerMessageId: string, channelId = telegramChannel()): Promise<StoredMessage> {
  return waitFor(async () => {
    const message = (await scanEntity<StoredMessage>(center.deps, 'message')).find((m) => m.channelId === channelId && m.providerMessageId === providerMessageId);
    return message?.attachments[0]?.storage && message.attachments[0].storage.state !== 'pending' ? message : undefined;
  });
}

describe('a Telegram customer\u2019s files in the local contact center', () => {
  it('downloads a photo off the webhook path through getFile and serves it to a supervisor', async () => {
    // Act
    const sent = await center.simulator.sendFile(telegramChannel(), 'ivan', { fileName: 'чек.jpg', contentType: 'image/jpeg', bytes: JPEG, caption: 'Вот чек' });
    const message = await settled(sent.entry.providerMessageId!);
    const file = await fetch(`${center.baseUrl}/api/messages/${message.messageId}/attachments/0`, { headers: { authorization: `Bearer ${token}` } });

    // Assert
    expect(sent.webhook).toMatchObject({ status: 200, accepted: true });
    expect(message).toMatchObject({ text: 'Вот чек', attachments: [{ type: 'image', storage: { state: 'stored', contentType: 'image/jpeg', sizeBytes: JPEG.byteLength } }] });
    expect(center.simulator.calls(telegramChannel()).map((call) => call.method)).toEqual(expect.arrayContaining(['getFile', 'file']));
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(JPEG);
  });

  it('records a document whose bytes are not what it claims as refused, visibly on the message', async () => {
    // Arrange: a Windows executable named and typed as a PDF
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, ...new Array<number>(300).fill(0)]);
    // Act
    const sent = await center.simulator.sendFile(telegramChannel(), 'ivan', { fileName: 'invoice.pdf', contentType: 'application/pdf', bytes: exe });
    const message = await settled(sent.entry.providerMessageId!);
    const file = await fetch(`${center.baseUrl}/api/messages/${message.messageId}/attachments/0`, { headers: { authorization: `Bearer ${token}` } });

    // Assert
    expect(message.attachments[0]).toMatchObject({ type: 'document', fileName: 'invoice.pdf', storage: { state: 'rejected', reason: 'type application/x-msdownload is not allowed' } });
    expect(file.status).toBe(404);
  });
});

describe('customers\u2019 files on the other messengers, and agents\u2019 files back', () => {
  it.each([
    ['whatsapp', 'image/jpeg', 'image'],
    ['vk', 'application/pdf', 'document'],
    ['viber', 'image/jpeg', 'image'],
  ] as const)('stores a %s customer\u2019s file fetched the provider\u2019s way', async (kind, contentType, type) => {
    // Arrange
    const bytes = contentType === 'image/jpeg' ? JPEG : new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
    // Act
    const sent = await center.simulator.sendFile(channelOf(kind), 'john', { fileName: contentType === 'image/jpeg' ? 'photo.jpg' : 'receipt.pdf', contentType, bytes });
    const message = await settled(sent.entry.providerMessageId!, channelOf(kind));
    // Assert
    expect(sent.webhook).toMatchObject({ accepted: true });
    expect(message.attachments[0]).toMatchObject({ type, storage: { state: 'stored', contentType, sizeBytes: bytes.byteLength } });
  });

  it('sends an agent\u2019s picture to Viber by a link to this server, which the fake fetches over HTTP', async () => {
    // Arrange: a Viber customer writes; a supervisor (who may reply in any chat) answers with a picture
    const viber = channelOf('viber');
    await center.simulator.say(viber, 'ivan', 'Пришлите схему проезда');
    const contactId = await waitFor(async () => (await scanEntity<StoredMessage>(center.deps, 'message')).find((m) => m.channelId === viber && m.text === 'Пришлите схему проезда' && m.contactId)?.contactId);
    const auth = { authorization: `Bearer ${token}` };
    const uploaded = await json(await fetch(`${center.baseUrl}/api/contacts/${contactId}/attachments?filename=${encodeURIComponent('схема.jpg')}`, { method: 'POST', headers: { ...auth, 'content-type': 'image/jpeg' }, body: JPEG }));
    // Act
    const replied = await fetch(`${center.baseUrl}/api/contacts/${contactId}/messages`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Вот схема', attachments: [{ uploadId: uploaded.uploadId }] }) });
    const line = await center.simulator.waitFor(() => center.simulator.transcript(viber, 'ivan').find((e) => e.from === 'business' && e.file), 30_000);
    // Assert
    expect(replied.status).toBe(202);
    expect(line).toMatchObject({ text: expect.stringContaining('Вот схема'), file: { size: JPEG.byteLength, contentType: 'image/jpeg' } });
    const call = center.simulator.calls(viber).find((c) => c.params.type === 'picture')!;
    expect(String(call.params.media)).toMatch(new RegExp(`^${center.baseUrl}/local/media/`));
    expect(call.params.fetched).toMatchObject({ status: 200, size: JPEG.byteLength });
  });
});
