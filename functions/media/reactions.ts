import { StoredMessageSchema } from '@cc/shared/conversations/model';
import { DOWNLOADABLE_ATTACHMENTS, type MediaJob } from '@cc/shared/media/model';
import type { Deps } from '../composition/deps.ts';
import type { ChannelResolver } from '../messaging/channel-resolver.ts';
import type { ChangeReaction } from '../streams/app.ts';
import { downloadAttachment } from './download.ts';

/** The download jobs a newly stored customer message needs: one per file not looked at yet. */
export function mediaJobsOf(message: { tenantId: string; messageId: string; direction: string; attachments: { type: string; storage?: unknown }[] }): MediaJob[] {
  if (message.direction !== 'inbound') return [];
  return message.attachments.flatMap((attachment, index) =>
    DOWNLOADABLE_ATTACHMENTS.has(attachment.type) && attachment.storage === undefined ? [{ tenantId: message.tenantId, messageId: message.messageId, index }] : [],
  );
}

/**
 * Customers' files off the stream: a stored inbound message with attachments gets a download job per
 * file on the media queue (a redelivered record enqueues again, harmlessly: a stored file is skipped).
 */
export function mediaReactions(deps: Pick<Deps, 'messaging' | 'clock' | 'media'>, channels: ChannelResolver): ChangeReaction[] {
  const media = deps.media;
  if (!media) return [];
  return [
    {
      name: 'media: download customers\u2019 files',
      entity: 'message',
      react: async (change) => {
        if (change.eventName !== 'INSERT' || !change.newImage) return;
        for (const job of mediaJobsOf(StoredMessageSchema.parse(change.newImage))) {
          if (media.queue) await media.queue.enqueue(job);
          else if (media.store && media.provider) await downloadAttachment({ messaging: deps.messaging, clock: deps.clock, store: media.store, provider: media.provider, channels }, job).catch(() => undefined);
        }
      },
    },
  ];
}
