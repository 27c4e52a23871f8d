import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readWireSample, readWireText } from '@cc/shared/messaging/testing/wire';
import type { StoredMessage } from '@cc/shared/conversations/model';
import { createTestDeps } from '../../test/deps.ts';
import { createApp } from '../http/app.ts';
import { messagingReactions } from '../messaging/reactions.ts';
import { StreamPump, TEST_SECRETS, createTestChannel, providerHeaders, scanEntity } from '../messaging/testing/harness.ts';
import { LocalMediaStore } from '../adapters/media/local-media-store.ts';
import { ProviderMediaClient } from '../adapters/media/provider-media.ts';
import { RetryableMediaError, downloadAttachment, type MediaDownloadDeps } from './download.ts';
import { mediaReactions } from './reactions.ts';
import { JPEG, type Served, startMediaProvider } from './testing/fake-media-provider.ts';

const TENANT = 'romashka';
/** A Windows executable dressed up as a photo. */
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, ...new Array<number>(200).fill(0)]);

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let app: ReturnType<typeof createApp>;
let pump: StreamPump;
let folder: string;
let store: LocalMediaStore;
let telegram: Awaited<ReturnType<typeof startMediaProvider>>;
let whatsapp: Awaited<ReturnType<typeof startMediaProvider>>;
/** What the Telegram file download answers next (each test sets it). */
let telegramFile: Served[] = [];
const whatsappFile: Served = { bytes: JPEG, type: 'image/jpeg' };
let getFileSize: number | undefined = 98_820;
let deps: MediaDownloadDeps;
const bot = TEST_SECRETS.telegram.botToken;

beforeAll(async () => {
  ctx = await createTestDeps();
  folder = await mkdtemp(join(tmpdir(), 'cc-media-'));
  telegram = await startMediaProvider((path) => {
    if (path.startsWith(`/bot${bot}/getFile`)) {
      const answer = readWireSample<{ ok: true; result: Record<string, unknown> }>('telegram/get-file-response.json');
      return { json: JSON.stringify({ ...answer, result: { ...answer.result, file_size: getFileSize } }) };
    }
    if (path === `/file/bot${bot}/photos/file_7.jpg`) return telegramFile.shift() ?? { status: 500, json: '{}' };
    return { status: 404, json: '{"ok":false,"description":"Not Found"}' };
  });
  whatsapp = await startMediaProvider((path) => {
    if (path === '/v21.0/1479537139650973') {
      const answer = readWireSample<Record<string, unknown>>('whatsapp/media-url-response.json');
      return { json: JSON.stringify({ ...answer, url: `${whatsapp.baseUrl}/download/1479537139650973` }) };
    }
    if (path === '/download/1479537139650973') return whatsappFile;
    return { status: 404, json: '{}' };
  });
  store = new LocalMediaStore(folder);
  const provider = new ProviderMediaClient({ telegramBaseUrl: telegram.baseUrl, whatsappBaseUrl: whatsapp.baseUrl });
  ctx.deps.media = { store, provider };
  deps = { messaging: ctx.deps.messaging, clock: ctx.deps.clock, store, provider, channels: ctx.services.channels, maxBytes: 150_000 };
  app = createApp(ctx.deps, ctx.services);
  pump = new StreamPump(ctx.deps, messagingReactions(ctx.deps, ctx.services));
  await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: 'tg', kind: 'telegram' });
  await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: 'wa', kind: 'whatsapp' });
});
afterAll(async () => {
  await Promise.all([telegram.close(), whatsapp.close()]);
  await rm(folder, { recursive: true, force: true });
  await ctx.table.drop();
});
beforeEach(() => {
  telegramFile = [];
  getFileSize = 98_820;
  telegram.requests.length = 0;
});

let nextUpdate = 700;
/** A customer's photo through the real Telegram webhook and inbound path; the stored message. */
async function telegramPhoto(): Promise<StoredMessage> {
  const sample = readWireSample<{ update_id: number; message: Record<string, unknown> }>('telegram/update-photo-caption.json');
  const id = nextUpdate++;
  const raw = JSON.stringify({ update_id: id, message: { ...sample.message, message_id: id } });
  const response = await app.request('/webhooks/telegram/tg', { method: 'POST', body: raw, headers: providerHeaders('telegram', raw) });
  expect(response.status).toBe(200);
  await pump.run();
  const messages = await scanEntity<StoredMessage>(ctx.deps, 'message');
  return messages.find((m) => m.channelId === 'tg' && m.providerMessageId === String(id))!;
}
const reread = async (message: StoredMessage) => (await ctx.deps.messaging.getMessage(TENANT, message.messageId))!;

describe('downloading customers\u2019 files', () => {
  it('stores a Telegram photo found through getFile, under the attachment\u2019s key, typed from its bytes', async () => {
    telegramFile = [{ bytes: JPEG, type: 'application/octet-stream' }];
    const message = await telegramPhoto();
    const [reaction] = mediaReactions(ctx.deps, ctx.services.channels);
    await reaction!.react({ eventName: 'INSERT', entity: 'message', newImage: message as unknown as Record<string, unknown>, sequenceNumber: '1' });
    const storage = (await reread(message)).attachments[0]!.storage!;
    expect(storage).toMatchObject({ state: 'stored', contentType: 'image/jpeg', sizeBytes: JPEG.byteLength, objectKey: `${TENANT}/${message.messageId}/0`, tries: 1 });
    expect(telegram.requests.map((r) => r.path)).toEqual([`/bot${bot}/getFile?file_id=AgACAgIAAxkBAAIBOmZ0a1cQ-large`, `/file/bot${bot}/photos/file_7.jpg`]);
    expect((await store.get(storage.objectKey!))?.bytes).toEqual(JPEG);
  });

  it('records a provider failure, retries to the same key, and leaves a stored file alone on a redelivered job', async () => {
    telegramFile = [{ status: 502, json: '{}' }, { bytes: JPEG }];
    const message = await telegramPhoto();
    const job = { tenantId: TENANT, messageId: message.messageId, index: 0 };
    await expect(downloadAttachment(deps, job)).rejects.toBeInstanceOf(RetryableMediaError);
    expect((await reread(message)).attachments[0]!.storage).toMatchObject({ state: 'failed', reason: 'download: HTTP 502', tries: 1 });
    const stored = await downloadAttachment(deps, job);
    expect(stored).toMatchObject({ state: 'stored', objectKey: `${TENANT}/${message.messageId}/0`, tries: 2 });
    const calls = telegram.requests.length;
    expect(await downloadAttachment(deps, job)).toEqual(stored);
    expect(telegram.requests.length).toBe(calls);
  });

  it('records a file over the limit as too large without downloading it', async () => {
    getFileSize = 5_000_000;
    const message = await telegramPhoto();
    const storage = await downloadAttachment(deps, { tenantId: TENANT, messageId: message.messageId, index: 0 });
    expect(storage).toMatchObject({ state: 'too_large', sizeBytes: 5_000_000 });
    expect(telegram.requests.some((r) => r.path.startsWith('/file/'))).toBe(false);
    expect((await reread(message)).attachments[0]!.storage?.state).toBe('too_large');
  });

  it('stops reading a body that grows past the limit when no size was declared', async () => {
    getFileSize = undefined;
    telegramFile = [{ bytes: new Uint8Array(200_000).fill(0xff) }];
    const message = await telegramPhoto();
    expect(await downloadAttachment(deps, { tenantId: TENANT, messageId: message.messageId, index: 0 })).toMatchObject({ state: 'too_large' });
  });

  it('refuses bytes that are not what they claim to be, and stores nothing', async () => {
    telegramFile = [{ bytes: EXE, type: 'image/jpeg' }];
    const message = await telegramPhoto();
    const storage = await downloadAttachment(deps, { tenantId: TENANT, messageId: message.messageId, index: 0 });
    expect(storage).toMatchObject({ state: 'rejected', reason: 'type application/x-msdownload is not allowed' });
    expect(await store.get(`${TENANT}/${message.messageId}/0`)).toBeUndefined();
  });

  it('records a permanent provider refusal as failed without asking for another try', async () => {
    telegramFile = [{ status: 404, json: '{}' }];
    const message = await telegramPhoto();
    const storage = await downloadAttachment(deps, { tenantId: TENANT, messageId: message.messageId, index: 0 });
    expect(storage).toMatchObject({ state: 'failed', reason: 'download: HTTP 404' });
    expect((await reread(message)).attachments[0]!.storage?.state).toBe('failed');
  });

  it('stores a WhatsApp image: the media id resolves to a URL, both fetched with the token', async () => {
    const raw = readWireText('whatsapp/webhook-message-image.json');
    expect((await app.request('/webhooks/whatsapp/wa', { method: 'POST', body: raw, headers: providerHeaders('whatsapp', raw) })).status).toBe(200);
    await pump.run();
    const message = (await scanEntity<StoredMessage>(ctx.deps, 'message')).find((m) => m.channelId === 'wa')!;
    const storage = await downloadAttachment(deps, { tenantId: TENANT, messageId: message.messageId, index: 0 });
    expect(storage).toMatchObject({ state: 'stored', contentType: 'image/jpeg' });
    expect(whatsapp.requests.map((r) => r.authorization)).toEqual([`Bearer ${TEST_SECRETS.whatsapp.accessToken}`, `Bearer ${TEST_SECRETS.whatsapp.accessToken}`]);
  });
});
