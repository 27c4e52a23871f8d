import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import type { EntityType } from '@cc/shared/db/keys';
import { logger } from '../composition/logger.ts';

/** One decoded item change from the table's stream. */
export interface ItemChange {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  entity: EntityType;
  newImage?: Record<string, unknown>;
  oldImage?: Record<string, unknown>;
  sequenceNumber: string;
}

/** A record that cannot be a change of our table: reported as a batch item failure, never dropped. */
export class MalformedStreamRecordError extends Error {
  override readonly name = 'MalformedStreamRecordError';
}

const decode = (image: Record<string, AttributeValue> | undefined) => (image ? unmarshall(image as Record<string, SdkAttributeValue>) : undefined);

/** Decodes a Lambda DynamoDB stream record. @throws MalformedStreamRecordError */
export function decodeRecord(record: DynamoDBRecord): ItemChange {
  const { eventName, dynamodb } = record;
  if (!eventName || !dynamodb?.SequenceNumber || !dynamodb.Keys) throw new MalformedStreamRecordError('Record lacks eventName, sequence number or keys');
  let newImage, oldImage;
  try {
    newImage = decode(dynamodb.NewImage);
    oldImage = decode(dynamodb.OldImage);
  } catch (error) {
    throw new MalformedStreamRecordError(`Undecodable image: ${String(error)}`);
  }
  const entity = (newImage ?? oldImage)?.entity;
  if (typeof entity !== 'string') throw new MalformedStreamRecordError('Image has no entity type');
  return { eventName, entity: entity as EntityType, newImage, oldImage, sequenceNumber: dynamodb.SequenceNumber };
}

/** One reaction to table changes of one entity type. Must be idempotent: records can be redelivered. */
export interface ChangeReaction {
  name: string;
  entity: EntityType;
  react(change: ItemChange): Promise<void>;
}

/**
 * The stream handler: decodes each record and runs its reactions, in order. After the first failure
 * the rest of the batch is not applied and is reported too: Lambda (and the local poller) resume from
 * the first failed record, so a later change of the same key must not be applied before it.
 */
export function createStreamHandler(reactions: readonly ChangeReaction[]) {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  return (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> => {
    let failed = false; // per invocation: set by the first failed record
    const processRecord = async (record: DynamoDBRecord) => {
      if (failed) throw new SkippedAfterFailureError(`Not applied: an earlier record of the batch failed (${record.dynamodb?.SequenceNumber ?? '?'})`);
      try {
        const change = decodeRecord(record);
        // In order: a later reaction may rely on an earlier one's effect.
        for (const reaction of reactions) if (reaction.entity === change.entity) await reaction.react(change);
      } catch (error) {
        failed = true;
        logger.error('Stream record failed', { error, sequenceNumber: record.dynamodb?.SequenceNumber, eventID: record.eventID });
        throw error;
      }
    };
    return processPartialResponse(event, processRecord, processor, { context, processInParallel: false, throwOnFullBatchFailure: false });
  };
}

/** A record held back because an earlier one of its batch failed; retried with it, in order. */
export class SkippedAfterFailureError extends Error {
  override readonly name = 'SkippedAfterFailureError';
}
