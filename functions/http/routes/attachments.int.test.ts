import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { StoredMessage } from '@cc/shared/conversations/model';
import { readWireSample } from '@cc/shared/messaging/testing/wire';
import { createTestDeps } from '../../../test/deps.ts';
import { createApp } from '../app.ts';
import { messagingReactions } from '../../messaging/reactions.ts';
import { StreamPump, TEST_SECRETS, createTestChannel, providerHeaders, scanEntity } from '../../messaging/testing/harness.ts';
import { LocalMediaStore } from '../../adapters/media/local-media-store.ts';
import { ProviderMediaClient } from '../../adapters/media/provider-media.ts';
import { downloadAttachment } from '../../media/download.ts';
import { JPEG, startMediaProvider } from '../../media/testing/fake-media-provider.ts';

const TENANT = 'romashka';
const bot = TEST_SECRETS.telegram.botToken;
let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let app: ReturnType<typeof createApp>;
let folder: string;
let telegram: Awaited<ReturnType<typeof startMediaProvider>>;
let photo: StoredMessage;
const token = {} as Record<'anna' | 'boris' | 'sup' | 'stranger', string>;
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });

beforeAll(async () => {
  ctx = await createTestDeps();
  folder = await mkdtemp(join(tmpdir(), 'cc-media-'));
  telegram = await startMediaProvider((path) => {
    if (path.startsWith(`/bot${bot}/getFile`)) return { json: JSON.stringify(readWireSample('telegram/get-file-response.json')) };
    if (path === `/file/bot${bot}/photos/file_7.jpg`) return { bytes: JPEG };
    return { status: 404, json: '{"ok":false,"description":"Not Found"}' };
  });
  const media = { store: new LocalMediaStore(folder), provider: new ProviderMediaClient({ telegramBaseUrl: telegram.baseUrl }) };
  ctx.deps.media = media;
  app = createApp(ctx.deps, ctx.services);
  for (const [name, tenant, user, role] of [['anna', TENANT, 'anna', 'agent'], ['boris', TENANT, 'boris', 'agent'], ['sup', TENANT, 'sup', 'supervisor'], ['stranger', 'other', 'anna', 'supervisor']] as const) {
    token[name] = await ctx.issuer.issue(principal(tenant, user, role));
  }
  await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: 'tg', kind: 'telegram' });

  // A customer's photo through the real webhook, downloaded, and its contact handed to Anna.
  const sample = readWireSample<{ update_id: number; message: Record<string, unknown> }>('telegram/update-photo-caption.json');
  const raw = JSON.stringify({ update_id: 901, message: { ...sample.message, message_id: 901 } });
  expect((await app.request('/webhooks/telegram/tg', { method: 'POST', body: raw, headers: providerHeaders('telegram', raw) })).status).toBe(200);
  await new StreamPump(ctx.deps, messagingReactions(ctx.deps, ctx.services)).run();
  photo = (await scanEntity<StoredMessage>(ctx.deps, 'message')).find((m) => m.providerMessageId === '901')!;
  await downloadAttachment({ messaging: ctx.deps.messaging, clock: ctx.deps.clock, store: media.store, provider: media.provider, channels: ctx.services.channels }, { tenantId: TENANT, messageId: photo.messageId, index: 0 });
  const contact = (await ctx.deps.contacts.get(TENANT, photo.contactId!))!;
  await ctx.deps.contacts.save({ ...contact, agentId: 'anna', version: contact.version + 1 }, contact.version);
});
afterAll(async () => {
  await telegram.close();
  await rm(folder, { recursive: true, force: true });
  await ctx.table.drop();
});

const open = (path: string, as: string) => app.request(`/api/messages/${path}`, { headers: { authorization: `Bearer ${as}` } });

describe('GET /api/messages/:messageId/attachments/:n', () => {
  it('gives the contact\u2019s agent and a supervisor the stored photo, inline, typed from its bytes and never sniffed', async () => {
    // Act
    const forAgent = await open(`${photo.messageId}/attachments/0`, token.anna);
    const forSupervisor = await open(`${photo.messageId}/attachments/0`, token.sup);

    // Assert
    expect(forAgent.status).toBe(200);
    expect(new Uint8Array(await forAgent.arrayBuffer())).toEqual(JPEG);
    expect(Object.fromEntries(['content-type', 'content-disposition', 'x-content-type-options', 'cache-control'].map((h) => [h, forAgent.headers.get(h)]))).toEqual({
      'content-type': 'image/jpeg', 'content-disposition': 'inline', 'x-content-type-options': 'nosniff', 'cache-control': 'private, max-age=300',
    });
    expect(forAgent.headers.get('content-security-policy')).toContain('sandbox');
    expect(forSupervisor.status).toBe(200);
  });

  it('refuses another agent (403), hides the message from another tenant (404) and from anonymous callers (401)', async () => {
    // Act
    const statuses = [
      (await open(`${photo.messageId}/attachments/0`, token.boris)).status,
      (await open(`${photo.messageId}/attachments/0`, token.stranger)).status,
      (await app.request(`/api/messages/${photo.messageId}/attachments/0`)).status,
    ];

    // Assert
    expect(statuses).toEqual([403, 404, 401]);
  });

  it('answers 404 for a file the message does not have and 400 with a reason for an index that is not one', async () => {
    // Act
    const missing = await open(`${photo.messageId}/attachments/3`, token.anna);
    const bad = await open(`${photo.messageId}/attachments/first`, token.anna);

    // Assert
    expect(missing.status).toBe(404);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/number/i);
  });

  it.each(['-1', '1.5', '100', '0x0', '1e0', '%200'])('answers 400 with the reason for the index %s, never another file', async (index) => {
    // Act
    const res = await open(`${photo.messageId}/attachments/${index}`, token.anna);
    // Assert
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/index is a whole number from 0 to 99|not letters, digits/);
  });
});
