import { fileTypeFromBuffer } from 'file-type';
import type { StoredMessage } from '@cc/shared/conversations/model';
import type { MessagingRepository } from '@cc/shared/conversations/ports';
import { ConflictError } from '@cc/shared/errors';
import { MAX_MEDIA_BYTES, type MediaJob, type MediaStorage, decideBeforeDownload, decideContentType, mediaObjectKey } from '@cc/shared/media/model';
import type { MediaStore } from '@cc/shared/media/ports';
import { channelCredentials } from '@cc/shared/tenancy/channel-secrets';
import type { ChannelResolver } from '../messaging/channel-resolver.ts';
import { MediaFetchError, type ProviderMediaClient } from '../adapters/media/provider-media.ts';

/** What a download job reads and writes. */
export interface MediaDownloadDeps {
  messaging: Pick<MessagingRepository, 'getMessage' | 'saveMessage'>;
  store: MediaStore;
  provider: ProviderMediaClient;
  channels: Pick<ChannelResolver, 'resolve'>;
  clock: { now(): Date };
  maxBytes?: number;
}

/** A try that failed but may succeed later: the queue runs the job again (the failure is already recorded). */
export class RetryableMediaError extends Error {}

/**
 * Runs one download job: fetch the customer's file from the provider, check its size and real type,
 * store it under the attachment's fixed key and record the outcome on the attachment. A job for an
 * attachment already stored (a redelivered job) changes nothing.
 * @throws RetryableMediaError when the provider failed in a way another try may fix
 */
export async function downloadAttachment(deps: MediaDownloadDeps, job: MediaJob): Promise<MediaStorage | undefined> {
  const message = await deps.messaging.getMessage(job.tenantId, job.messageId);
  const attachment = message?.attachments[job.index];
  if (!message || !attachment) return undefined;
  if (attachment.storage?.state === 'stored') return attachment.storage;
  const maxBytes = deps.maxBytes ?? MAX_MEDIA_BYTES;
  const tries = (attachment.storage?.tries ?? 0) + 1;
  const at = () => deps.clock.now().toISOString();
  const record = (storage: Omit<MediaStorage, 'tries' | 'at'>) => recordStorage(deps, job, { ...storage, tries, at: at() });

  const before = decideBeforeDownload({ sizeBytes: attachment.sizeBytes }, maxBytes);
  if (!before.download) return record({ state: before.state, reason: before.reason, ...(attachment.sizeBytes !== undefined && { sizeBytes: attachment.sizeBytes }) });

  const resolved = await deps.channels.resolve(message.channelId);
  const credentials = resolved && channelCredentials(resolved.channel, resolved.secrets);
  if (!credentials) return record({ state: 'failed', reason: 'the channel or its credentials are gone' });

  let fetched;
  try {
    fetched = await deps.provider.download(attachment, credentials, maxBytes);
  } catch (error) {
    const retryable = error instanceof MediaFetchError ? error.retryable : true;
    await record({ state: 'failed', reason: (error as Error).message });
    if (retryable) throw new RetryableMediaError((error as Error).message, { cause: error });
    return { state: 'failed', reason: (error as Error).message, tries, at: at() };
  }
  if (fetched.kind === 'too_large') {
    return record({ state: 'too_large', reason: `over the ${maxBytes} byte limit`, ...(fetched.sizeBytes !== undefined && { sizeBytes: fetched.sizeBytes }) });
  }
  const sniffed = await fileTypeFromBuffer(fetched.bytes);
  const verdict = decideContentType(sniffed?.mime, fetched.declaredType ?? attachment.mimeType);
  if (!verdict.store) return record({ state: 'rejected', reason: verdict.reason, sizeBytes: fetched.bytes.byteLength });
  const objectKey = mediaObjectKey(job);
  await deps.store.put(objectKey, fetched.bytes, verdict.contentType);
  return record({ state: 'stored', objectKey, contentType: verdict.contentType, sizeBytes: fetched.bytes.byteLength });
}

/** Writes the outcome onto the attachment, re-reading on a version conflict (a status update, a push). */
async function recordStorage(deps: MediaDownloadDeps, job: MediaJob, storage: MediaStorage): Promise<MediaStorage> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const message = await deps.messaging.getMessage(job.tenantId, job.messageId);
    if (!message) return storage;
    const next: StoredMessage = {
      ...message,
      attachments: message.attachments.map((item, index) => (index === job.index ? { ...item, storage } : item)),
      version: message.version + 1,
    };
    try {
      await deps.messaging.saveMessage(next, message.version);
      return storage;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new ConflictError(`Could not record media of ${job.messageId}`);
}
