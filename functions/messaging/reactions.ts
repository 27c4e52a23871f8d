import { InboxRecordSchema, OutboxRecordSchema, StoredMessageSchema } from '@cc/shared/conversations/model';
import type { DeliveryJob } from '@cc/shared/delivery/model';
import type { Deps } from '../composition/deps.ts';
import type { Services } from '../composition/services.ts';
import { logger } from '../composition/logger.ts';
import { broadcast, ownerOr } from '../realtime/reactions.ts';
import type { ChangeReaction } from '../streams/app.ts';
import type { WidgetDelivery } from './outbox.ts';
import { createDeliveryRunner } from '../delivery/app.ts';

type MessagingReactionDeps = Pick<Deps, 'messaging' | 'customers' | 'contacts' | 'senders' | 'clock' | 'directory' | 'cipher' | 'connections' | 'push' | 'delivery' | 'media'>;

/**
 * Messaging off the stream: webhook inbox records become conversations, contacts and messages;
 * outbox records become jobs on the delivery queue (sending happens off the stream, so a slow
 * provider never holds up the shard); stored messages are pushed live to the agent.
 */
export function messagingReactions(deps: MessagingReactionDeps, services: Pick<Services, 'channels' | 'inbound'>, options: { widget?: WidgetDelivery } = {}): ChangeReaction[] {
  const deliver = createDeliveryRunner(deps, services.channels, options);
  return [
    {
      name: 'messaging: apply webhook inbox',
      entity: 'idempotency',
      react: async (change) => {
        if (change.eventName !== 'INSERT' || !change.newImage) return;
        const record = InboxRecordSchema.safeParse(change.newImage);
        if (record.success) await services.inbound.process(record.data);
        else logger.error('Inbox record does not match the schema; skipped', { sequenceNumber: change.sequenceNumber, issues: record.error.issues });
      },
    },
    {
      name: 'messaging: send outbox',
      entity: 'outbox',
      react: async (change) => {
        if (change.eventName !== 'INSERT' || !change.newImage) return;
        const { tenantId, messageId, attempt } = OutboxRecordSchema.parse(change.newImage);
        const job: DeliveryJob = { tenantId, messageId, attempt, try: 1 };
        // Enqueueing twice (a redelivered stream record) is harmless: the second job finds the try claimed or done.
        if (deps.delivery) await deps.delivery.enqueue(job, 0);
        else await deliver(job);
      },
    },
    {
      name: 'messaging: push messages live',
      entity: 'message',
      react: async (change) => {
        if (!change.newImage) return;
        const message = StoredMessageSchema.parse(change.newImage);
        const contact = message.contactId ? await deps.contacts.get(message.tenantId, message.contactId) : undefined;
        const type = change.eventName === 'INSERT' ? 'message.created' : 'message.updated';
        await broadcast(deps, message.tenantId, ownerOr(contact?.agentId ?? '', 'supervisor'), { type, message });
      },
    },
  ];
}
