/**
 * The AWS media adapters, apart from aws-adapters.ts because the provider client imports the messenger
 * senders' constants (and so their schemas): only the functions that handle files import this.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Config } from './config.ts';
import type { Deps } from './deps.ts';
import { ProviderMediaClient } from '../adapters/media/provider-media.ts';
import { S3MediaStore } from '../adapters/media/s3-media-store.ts';
import { SqsMediaQueue } from '../adapters/media/sqs-media-queue.ts';

/** The media bucket on `MEDIA_BUCKET` (the API signs links to it; media-download writes it), when set. */
export function awsMediaStore(config: Config): Pick<NonNullable<Deps['media']>, 'store'> {
  return config.MEDIA_BUCKET ? { store: new S3MediaStore(new S3Client({ region: config.AWS_REGION }), config.MEDIA_BUCKET) } : {};
}

/** The provider client that fetches customers' files, at the configured messenger hosts. */
export function mediaProvider(config: Config): ProviderMediaClient {
  return new ProviderMediaClient({ telegramBaseUrl: config.TELEGRAM_API_BASE_URL, whatsappBaseUrl: config.WHATSAPP_API_BASE_URL });
}

/** The stream processor's part: download jobs go on `MEDIA_QUEUE_URL`; unset, attachments stay provider references. */
export function awsMediaQueue(config: Config): Pick<Deps, 'media'> {
  return config.MEDIA_QUEUE_URL ? { media: { queue: new SqsMediaQueue(new SQSClient({ region: config.AWS_REGION }), config.MEDIA_QUEUE_URL) } } : {};
}

/** The full set's part (the HTTP API): the bucket to sign links to, and the queue when configured. */
export function awsMedia(config: Config): Pick<Deps, 'media'> {
  const media = { ...awsMediaStore(config), ...awsMediaQueue(config).media };
  return Object.keys(media).length > 0 ? { media } : {};
}
