// Our senders send agents' files to the fake provider APIs the documented way, and the fakes keep the
// bytes they received; customers' files come the other way in each provider's webhook format.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readWireSample } from '@cc/shared/messaging/testing/wire';
import type { OutboundFile } from '@cc/shared/messaging/model';
import { normalizeViberCallback } from '@cc/shared/messaging/viber/normalize';
import { normalizeVkCallback } from '@cc/shared/messaging/vk/normalize';
import { normalizeWhatsAppWebhook } from '@cc/shared/messaging/whatsapp/normalize';
import { ProviderMediaClient } from '../../adapters/media/provider-media.ts';
import { sha256Hex } from './files.ts';
import { customerIdentity, DEFAULT_PERSONAS } from './personas.ts';
import { createTestSimulator, TEST_BASE_URL } from './testing.ts';

const anna = DEFAULT_PERSONAS[0]!;
const tg = { kind: 'telegram' as const, botToken: '7012345678:AAF-test-token-not-real-0123456789' };
const wa = { kind: 'whatsapp' as const, accessToken: 'EAAtestTokenNotReal', phoneNumberId: '106540352242922' };
const vk = { kind: 'vk' as const, accessToken: 'vk1.a.test-token-not-real' };
const vb = { kind: 'viber' as const, authToken: '4f1a7c2e9b3d5a60-8c2e1f4b7a9d3e5c-0a1b2c3d4e5f6a7b', senderName: 'Ромашка' };
const to = (channelId: string, key: 'telegramUserId' | 'waId' | 'vkUserId' | 'viberUserId') => String(customerIdentity(anna, channelId)[key]);

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(120).fill(3)]);
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
const photo: OutboundFile = { as: 'image', fileName: 'схема.png', contentType: 'image/png', bytes: PNG };
const invoice: OutboundFile = { as: 'document', fileName: 'Счёт 1042.pdf', contentType: 'application/pdf', bytes: PDF };

/** The structure of a JSON value: objects keep their keys, leaves become their type. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

/** A fetch that serves one link the way our media store's public link would. */
const serving = (url: string, file: OutboundFile) => (async (input: string | URL | Request) => (String(input instanceof Request ? input.url : input) === url ? new Response(file.bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': file.contentType } }) : new Response('gone', { status: 404 }))) as typeof fetch;

describe('agents\u2019 files to the fake provider APIs', () => {
  it('Telegram: sendDocument as multipart with the bytes, the file name and the caption', async () => {
    // Arrange
    const { sim, senders } = createTestSimulator();
    // Act
    const result = await senders.telegram.send(tg, { conversationExternalId: to('tg-test', 'telegramUserId'), text: 'Ваш счёт', file: invoice, idempotencyKey: 'k1' });
    // Assert
    expect(result).toMatchObject({ ok: true });
    const call = sim.calls().at(-1)!;
    expect(call).toMatchObject({ method: 'sendDocument', httpMethod: 'POST', status: 200 });
    expect(call.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(call.params).toMatchObject({ chat_id: to('tg-test', 'telegramUserId'), caption: 'Ваш счёт', document: { file: 'Счёт 1042.pdf', type: 'application/pdf', size: PDF.byteLength, sha256: sha256Hex(PDF) } });
    expect(JSON.parse(call.response).result.document).toMatchObject({ file_name: 'Счёт 1042.pdf', mime_type: 'application/pdf' });
    const line = sim.transcript('tg-test', 'anna').find((e) => e.from === 'business')!;
    expect(line).toMatchObject({ text: 'Ваш счёт', file: { name: 'Счёт 1042.pdf', sha256: sha256Hex(PDF) } });
  });

  it('Telegram: an image goes by sendPhoto, without a caption when there is no text', async () => {
    // Arrange
    const { sim, senders } = createTestSimulator();
    // Act
    const result = await senders.telegram.send(tg, { conversationExternalId: to('tg-test', 'telegramUserId'), text: '', file: photo, idempotencyKey: 'k1' });
    // Assert
    expect(result).toMatchObject({ ok: true });
    const call = sim.calls().at(-1)!;
    expect(call).toMatchObject({ method: 'sendPhoto', params: { photo: { size: PNG.byteLength, sha256: sha256Hex(PNG) } } });
    expect(call.params).not.toHaveProperty('caption');
  });

  it('WhatsApp: uploads to /media (multipart, messaging_product, type), then sends the document by its media id', async () => {
    // Arrange
    const { sim, senders } = createTestSimulator();
    // Act
    const result = await senders.whatsapp.send(wa, { conversationExternalId: to('wa-test', 'waId'), text: 'Ваш счёт', file: invoice, idempotencyKey: 'k1' });
    // Assert
    expect(result).toMatchObject({ ok: true });
    const [upload, message] = sim.calls().slice(-2);
    expect(upload).toMatchObject({ method: 'media upload', path: `/simulator/whatsapp/v21.0/${wa.phoneNumberId}/media`, params: { messaging_product: 'whatsapp', type: 'application/pdf', file: { sha256: sha256Hex(PDF) } } });
    const mediaId = JSON.parse(upload!.response).id as string;
    expect(message).toMatchObject({ method: 'messages', status: 200, params: { type: 'document', document: { id: mediaId, filename: 'Счёт 1042.pdf', caption: 'Ваш счёт' } } });
  });

  it('WhatsApp: an image goes by its media id without a caption, and a media id the number never uploaded is refused', async () => {
    // Arrange
    const { senders, sim, app } = createTestSimulator();
    // Act
    await senders.whatsapp.send(wa, { conversationExternalId: to('wa-test', 'waId'), text: '', file: photo, idempotencyKey: 'k1' });
    const sent = sim.calls().at(-1)!;
    const forged = await app.request(`/simulator/whatsapp/v21.0/${wa.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${wa.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', to: to('wa-test', 'waId'), type: 'image', image: { id: '1000000000000001' } }),
    });
    // Assert
    expect(sent.params).toMatchObject({ type: 'image', image: { id: expect.any(String) } });
    expect(sent.params).not.toHaveProperty('image.caption');
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { error: { code: number } }).error.code).toBe(100);
  });

  it('Viber: sends a picture by link, and the fake fetches the bytes from it', async () => {
    // Arrange
    const link = 'http://contact-center.test/local/media/romashka/outbound/ct-1/up_1.png?expires=9&signature=ab';
    const { sim, senders } = createTestSimulator({ mediaFetch: serving(link, photo) });
    // Act
    const result = await senders.viber.send(vb, { conversationExternalId: to('vb-test', 'viberUserId'), text: 'Схема проезда', file: { ...photo, link }, idempotencyKey: 'k1' });
    // Assert
    expect(result).toMatchObject({ ok: true });
    const call = sim.calls().at(-1)!;
    expect(call.params).toMatchObject({ type: 'picture', media: link, text: 'Схема проезда', fetched: { status: 200, size: PNG.byteLength, sha256: sha256Hex(PNG) } });
  });

  it('Viber: a file goes as `file` with size and name; a link it cannot fetch is refused, and no link is not sent at all', async () => {
    // Arrange
    const link = 'http://contact-center.test/local/media/romashka/outbound/ct-1/up_2.pdf?expires=9&signature=cd';
    const { sim, senders } = createTestSimulator({ mediaFetch: serving(link, invoice) });
    // Act
    const sent = await senders.viber.send(vb, { conversationExternalId: to('vb-test', 'viberUserId'), text: '', file: { ...invoice, link }, idempotencyKey: 'k1' });
    const sentCall = sim.calls().at(-1)!;
    const stale = await senders.viber.send(vb, { conversationExternalId: to('vb-test', 'viberUserId'), text: '', file: { ...invoice, link: `${link}x` }, idempotencyKey: 'k2' });
    const unlinked = await senders.viber.send(vb, { conversationExternalId: to('vb-test', 'viberUserId'), text: '', file: invoice, idempotencyKey: 'k3' });
    // Assert
    expect(sent).toMatchObject({ ok: true });
    expect(sentCall.params).toMatchObject({ type: 'file', media: link, size: PDF.byteLength, file_name: 'Счёт 1042.pdf', fetched: { sha256: sha256Hex(PDF) } });
    expect(stale).toMatchObject({ ok: false, providerCode: '3' });
    expect(unlinked).toMatchObject({ ok: false, permanent: true, attempts: 0 });
  });

  it('VK: photos.getMessagesUploadServer → upload → photos.saveMessagesPhoto, then messages.send with the photo attachment', async () => {
    // Arrange
    const { sim, senders } = createTestSimulator();
    // Act
    const result = await senders.vk.send(vk, { conversationExternalId: to('vk-test', 'vkUserId'), text: 'Схема', file: photo, idempotencyKey: 'k1' });
    // Assert
    expect(result).toMatchObject({ ok: true });
    expect(sim.calls().map((c) => c.method)).toEqual(['photos.getMessagesUploadServer', 'upload', 'photos.saveMessagesPhoto', 'messages.send']);
    const [server, upload, saved, send] = sim.calls();
    expect(server!.params).toMatchObject({ peer_id: to('vk-test', 'vkUserId') });
    expect(upload!.params).toMatchObject({ photo: { size: PNG.byteLength, sha256: sha256Hex(PNG) } });
    const item = JSON.parse(saved!.response).response[0] as { id: number; owner_id: number; access_key: string };
    expect(send!.params).toMatchObject({ attachment: `photo${item.owner_id}_${item.id}_${item.access_key}`, message: 'Схема' });
    expect(sim.transcript('vk-test', 'anna').find((e) => e.from === 'business')).toMatchObject({ file: { sha256: sha256Hex(PNG) } });
  });

  it('VK: a document goes through docs.getMessagesUploadServer (type doc) → upload `file` → docs.save', async () => {
    // Arrange
    const { sim, senders } = createTestSimulator();
    // Act
    const result = await senders.vk.send(vk, { conversationExternalId: to('vk-test', 'vkUserId'), text: '', file: invoice, idempotencyKey: 'k1' });
    // Assert
    expect(result).toMatchObject({ ok: true });
    const [server, upload, saved, send] = sim.calls();
    expect(server).toMatchObject({ method: 'docs.getMessagesUploadServer', params: { type: 'doc' } });
    expect(upload!.params).toMatchObject({ file: { file: 'Счёт 1042.pdf', sha256: sha256Hex(PDF) } });
    expect(saved).toMatchObject({ method: 'docs.save', params: { title: 'Счёт 1042.pdf' } });
    const doc = JSON.parse(saved!.response).response.doc as { id: number; owner_id: number };
    expect(send!.params).toMatchObject({ attachment: `doc${doc.owner_id}_${doc.id}` });
  });
});

describe('customers\u2019 files from the simulator', () => {
  const provider = (fetchImpl: typeof fetch) => new ProviderMediaClient({ whatsappBaseUrl: `${TEST_BASE_URL}/simulator/whatsapp`, fetch: fetchImpl });

  it('WhatsApp: an image notification names a media id whose URL serves the bytes with the token', async () => {
    // Arrange
    const { sim, received, fetch } = createTestSimulator();
    // Act
    await sim.sendFile('wa-test', 'anna', { fileName: 'фото.png', contentType: 'image/png', bytes: PNG, caption: 'Вот коробка' });
    const result = normalizeWhatsAppWebhook(JSON.parse(received.at(-1)!.body), { channelId: 'wa-test', receivedAt: new Date().toISOString() });
    const attachment = result.kind === 'messages' ? result.messages[0]!.attachments[0]! : undefined;
    const download = await provider(fetch).download(attachment!, wa, 1_000_000);
    // Assert
    expect(result).toMatchObject({ kind: 'messages', messages: [{ kind: 'image', text: 'Вот коробка' }] });
    expect(download).toMatchObject({ kind: 'bytes', bytes: PNG });
  });

  it('WhatsApp: the image notification has the documented shape (the project\u2019s copy of Meta\u2019s sample)', async () => {
    // Arrange
    const { sim, received } = createTestSimulator();
    const sample = readWireSample<{ entry: [{ changes: [{ value: { messages: [Record<string, unknown>] } }] }] }>('whatsapp/webhook-message-image.json');
    // Act
    await sim.sendFile('wa-test', 'anna', { fileName: 'фото.jpg', contentType: 'image/jpeg', bytes: PNG, caption: 'Вот коробка' });
    const sent = JSON.parse(received.at(-1)!.body) as typeof sample;
    // Assert
    expect(shape(sent)).toEqual(shape(sample));
    expect(sent.entry[0].changes[0].value.messages[0]).toMatchObject({ type: 'image', image: { caption: 'Вот коробка', mime_type: 'image/jpeg', sha256: createHash('sha256').update(PNG).digest('base64') } });
  });

  it('VK and Viber: the webhook carries a direct link to the simulator\u2019s copy', async () => {
    // Arrange
    const { sim, received, fetch } = createTestSimulator();
    // Act
    await sim.sendFile('vk-test', 'anna', { fileName: 'Договор.pdf', contentType: 'application/pdf', bytes: PDF });
    const vkEvent = normalizeVkCallback(JSON.parse(received.at(-1)!.body), { channelId: 'vk-test', receivedAt: new Date().toISOString() });
    await sim.sendFile('vb-test', 'anna', { fileName: 'фото.png', contentType: 'image/png', bytes: PNG, caption: 'Коробка' });
    const viberEvent = normalizeViberCallback(received.at(-1)!.body, { channelId: 'vb-test', receivedAt: new Date().toISOString() });
    const vkFile = vkEvent.kind === 'messages' ? vkEvent.messages[0]!.attachments[0]! : undefined;
    const viberFile = viberEvent.kind === 'messages' ? viberEvent.messages[0]!.attachments[0]! : undefined;
    // Assert
    expect(vkFile).toMatchObject({ type: 'document', fileName: 'Договор.pdf', sizeBytes: PDF.byteLength });
    expect(viberFile).toMatchObject({ type: 'image', sizeBytes: PNG.byteLength });
    expect(new Uint8Array(await (await fetch(vkFile!.url!)).arrayBuffer())).toEqual(PDF);
    expect(new Uint8Array(await (await fetch(viberFile!.url!)).arrayBuffer())).toEqual(PNG);
  });
});
