import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { DeliveryJobSchema, type DeliveryJob } from '@cc/shared/delivery/model';
import type { Deps } from '../composition/deps.ts';
import { logger } from '../composition/logger.ts';
import type { ChannelResolver } from '../messaging/channel-resolver.ts';
import { DeliveryProcessor, type WidgetDelivery } from '../messaging/outbox.ts';
import { ConnectionWidgetDelivery } from '../messaging/widget-delivery.ts';

/** What delivering one job reads and writes. */
export type DeliveryDeps = Pick<Deps, 'messaging' | 'senders' | 'clock' | 'directory' | 'cipher' | 'connections' | 'push' | 'delivery' | 'media'>;

/** Runs one delivery job against `deps` as they are now (tests swap `deps.senders`). */
export function createDeliveryRunner(deps: DeliveryDeps, channels: ChannelResolver, options: { widget?: WidgetDelivery; random?: () => number } = {}) {
  return (job: DeliveryJob): Promise<void> =>
    new DeliveryProcessor({ ...deps, widget: options.widget ?? new ConnectionWidgetDelivery(deps), ...(options.random && { random: options.random }) }, channels).deliver(job);
}

/** The delivery queue's SQS handler: each message is one job; failures go back in `batchItemFailures`. */
export function createDeliveryHandler(deps: DeliveryDeps, channels: ChannelResolver) {
  const run = createDeliveryRunner(deps, channels);
  const processRecord = async (record: SQSRecord) => {
    try {
      await run(DeliveryJobSchema.parse(JSON.parse(record.body)));
    } catch (error) {
      logger.error('Delivery job failed', { error, messageId: record.messageId });
      throw error;
    }
  };
  return (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    processPartialResponse(event, processRecord, new BatchProcessor(EventType.SQS), { context, processInParallel: true, throwOnFullBatchFailure: false });
}
