import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { contentDispositionOf } from '@cc/shared/media/access';
import type { MediaJob } from '@cc/shared/media/model';
import { INLINE_IMAGE_TYPES } from '@cc/shared/media/values';
import type { Deps } from '../composition/deps.ts';
import type { Services } from '../composition/services.ts';
import { logger } from '../composition/logger.ts';
import { problemResponse } from '../http/problem.ts';
import { LocalDeliveryQueue } from '../adapters/delivery/local-delivery-queue.ts';
import { LocalMediaStore } from '../adapters/media/local-media-store.ts';
import { ProviderMediaClient } from '../adapters/media/provider-media.ts';
import { downloadAttachment } from '../media/download.ts';

/**
 * The local media: a folder store (whose public links, for Viber and widget visitors, point at this
 * server's `/local/media/…`), the provider client at the simulator's fake APIs, and an in-process job queue.
 */
export async function localMedia(deps: Pick<Deps, 'config' | 'messaging' | 'clock'>, services: () => Pick<Services, 'channels'>, dataDir: string | undefined, baseUrl?: string) {
  const folder = dataDir ? join(dataDir, 'media') : await mkdtemp(join(tmpdir(), 'cc-media-'));
  const store = new LocalMediaStore(folder, baseUrl ? { baseUrl } : undefined);
  const provider = new ProviderMediaClient({ telegramBaseUrl: deps.config.TELEGRAM_API_BASE_URL, whatsappBaseUrl: deps.config.WHATSAPP_API_BASE_URL });
  const queue = new LocalDeliveryQueue<MediaJob>({
    run: async (job) => {
      await downloadAttachment({ messaging: deps.messaging, clock: deps.clock, store, provider, channels: services().channels }, job);
    },
    onError: (error, job) => logger.warn('Media download failed; queued again', { error, messageId: job.messageId }),
  });
  return { media: { store, provider, queue }, routes: mediaLinkRoutes(store), stop: () => queue.stop() };
}

/**
 * `GET /local/media/<key>?expires=&signature=`: a stored file for whoever holds a link the store signed
 * (the simulator's Viber fetching a picture, a widget visitor), until it expires; a bad or stale link is
 * a 404. Served as S3 would serve a presigned GET, never run on this origin.
 */
export function mediaLinkRoutes(store: LocalMediaStore) {
  return new Hono().get('/local/media/:key{.+}', async (c) => {
    const objectKey = c.req.param('key').split('/').map(decodeURIComponent).join('/');
    const expires = Number(c.req.query('expires'));
    const gone = () => problemResponse({ type: 'urn:problem:not_found', title: 'Not Found', status: 404, detail: 'No such file, or the link has expired' });
    if (!store.verifyLink(objectKey, expires, c.req.query('signature') ?? '')) return gone();
    const object = await store.get(objectKey);
    if (!object) return gone();
    const info = await store.head(objectKey);
    return c.body(object.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': object.contentType,
      'content-disposition': contentDispositionOf({ fileName: info?.fileName, inline: INLINE_IMAGE_TYPES.includes(object.contentType) }),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cross-origin-resource-policy': 'cross-origin',
      'cache-control': 'private, max-age=300',
    });
  });
}
