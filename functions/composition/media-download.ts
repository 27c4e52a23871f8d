/** The media-download function's composition: the table, the channel secrets, the provider client and the bucket. */
import type { Config } from './config.ts';
import type { MediaDownloadDeps } from '../media/download.ts';
import { ChannelResolver } from '../messaging/channel-resolver.ts';
import { processComposition } from './installed.ts';
import { awsCipher, awsTable } from './aws-adapters.ts';
import { awsMediaStore, mediaProvider } from './media-adapters.ts';
import { DynamoDirectoryRepository } from '../adapters/dynamo/directory-repository.ts';
import { DynamoMessagingRepository } from '../adapters/dynamo/messaging-repository.ts';

/** @throws Error without `MEDIA_BUCKET` (CDK sets it on this function). */
export function awsMediaDownloadDeps(config: Config): MediaDownloadDeps {
  const { clock, table } = awsTable(config);
  const { store } = awsMediaStore(config);
  if (!store) throw new Error('MEDIA_BUCKET is required when CC_RUNTIME=aws');
  const channels = new ChannelResolver({ directory: new DynamoDirectoryRepository(table), cipher: awsCipher(config) });
  return { clock, messaging: new DynamoMessagingRepository(table), store, provider: mediaProvider(config), channels };
}

/** This process's media-download composition, built once (locally: the running contact center's). */
export const getMediaDownloadComposition = processComposition<MediaDownloadDeps>(
  (full) => {
    const { store, provider } = full.deps.media ?? {};
    if (!store || !provider) throw new Error('The installed composition has no media store and provider client');
    return { clock: full.deps.clock, messaging: full.deps.messaging, store, provider, channels: full.services.channels };
  },
  (config) => awsMediaDownloadDeps(config),
);
