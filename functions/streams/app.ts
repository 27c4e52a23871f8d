import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import { AgentSchema } from '@cc/shared/agents/model';
import type { EntityType } from '@cc/shared/db/keys';
import { hasRole } from '@cc/shared/auth/model';
import type { LiveMessage } from '@cc/shared/realtime/ports';
import type { Deps } from '../composition/root.ts';
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

/** Sends `message` to the tenant's consoles that `accept`, forgetting connections that are gone. */
async function broadcast(deps: Pick<Deps, 'connections' | 'push'>, tenantId: string, accept: (c: { userId: string; roles: string[] }) => boolean, message: LiveMessage) {
  const connections = (await deps.connections.listByTenant(tenantId)).filter(accept);
  await Promise.all(
    connections.map(async (connection) => {
      if (!(await deps.push.post(connection.connectionId, message))) await deps.connections.remove(tenantId, connection.connectionId);
    }),
  );
}

/** Reactions to table changes, by entity type. Each must be idempotent: records can be redelivered. */
export function createChangeReactions(deps: Pick<Deps, 'connections' | 'push'>): Partial<Record<EntityType, (change: ItemChange) => Promise<void>>> {
  return {
    // Agent presence goes live to supervisors and to the agent's own consoles; consoles keep the highest version.
    agent: async (change) => {
      if (!change.newImage) return;
      const agent = AgentSchema.parse(change.newImage);
      await broadcast(deps, agent.tenantId, (c) => c.userId === agent.agentId || hasRole(c.roles as never, 'supervisor'), { type: 'agent.updated', agent });
    },
  };
}

/**
 * The stream handler: decodes each record and runs its reaction; failed records go back in
 * `batchItemFailures` so Lambda (or the local poller) retries from the first of them.
 */
export function createStreamHandler(deps: Pick<Deps, 'connections' | 'push'>) {
  const reactions = createChangeReactions(deps);
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  const processRecord = async (record: DynamoDBRecord) => {
    try {
      const change = decodeRecord(record);
      await reactions[change.entity]?.(change);
    } catch (error) {
      logger.error('Stream record failed', { error, sequenceNumber: record.dynamodb?.SequenceNumber, eventID: record.eventID });
      throw error;
    }
  };
  return (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> =>
    processPartialResponse(event, processRecord, processor, { context, processInParallel: false, throwOnFullBatchFailure: false });
}
