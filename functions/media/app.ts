import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { MediaJobSchema } from '@cc/shared/media/model';
import { logger } from '../composition/logger.ts';
import { downloadAttachment, type MediaDownloadDeps } from './download.ts';

/**
 * The media queue's SQS handler: each message is one download job. A try that may succeed later
 * (the provider's 5xx, a timeout) is reported in `batchItemFailures`, so SQS runs it again and, after
 * the queue's receive limit, parks it in the dead-letter queue; the attachment already says it failed.
 */
export function createMediaDownloadHandler(deps: MediaDownloadDeps) {
  const processRecord = async (record: SQSRecord) => {
    const job = MediaJobSchema.parse(JSON.parse(record.body));
    try {
      await downloadAttachment(deps, job);
    } catch (error) {
      logger.warn('Media download failed', { error, messageId: job.messageId, index: job.index });
      throw error;
    }
  };
  return (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    processPartialResponse(event, processRecord, new BatchProcessor(EventType.SQS), { context, processInParallel: true, throwOnFullBatchFailure: false });
}
