import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MediaJob } from '@cc/shared/media/model';
import type { Deps } from '../composition/deps.ts';
import type { Services } from '../composition/services.ts';
import { logger } from '../composition/logger.ts';
import { LocalDeliveryQueue } from '../adapters/delivery/local-delivery-queue.ts';
import { LocalMediaStore } from '../adapters/media/local-media-store.ts';
import { ProviderMediaClient } from '../adapters/media/provider-media.ts';
import { downloadAttachment } from '../media/download.ts';

/** The local media: a folder store, the provider client at the simulator's fake APIs, and an in-process job queue. */
export async function localMedia(deps: Pick<Deps, 'config' | 'messaging' | 'clock'>, services: () => Pick<Services, 'channels'>, dataDir: string | undefined) {
  const folder = dataDir ? join(dataDir, 'media') : await mkdtemp(join(tmpdir(), 'cc-media-'));
  const store = new LocalMediaStore(folder);
  const provider = new ProviderMediaClient({ telegramBaseUrl: deps.config.TELEGRAM_API_BASE_URL, whatsappBaseUrl: deps.config.WHATSAPP_API_BASE_URL });
  const queue = new LocalDeliveryQueue<MediaJob>({
    run: async (job) => {
      await downloadAttachment({ messaging: deps.messaging, clock: deps.clock, store, provider, channels: services().channels }, job);
    },
    onError: (error, job) => logger.warn('Media download failed; queued again', { error, messageId: job.messageId }),
  });
  return { media: { store, provider, queue }, stop: () => queue.stop() };
}
