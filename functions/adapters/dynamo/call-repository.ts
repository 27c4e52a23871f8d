import { ConditionalCheckFailedException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { keys } from '@cc/shared/db/keys';
import { CallChangedError } from '@cc/shared/voice/errors';
import { CallFlowSchema, type CallFlow } from '@cc/shared/voice/flow-config';
import type { CallRepository, StoredCall } from '@cc/shared/voice/ports';
import type { DynamoTable } from './table.ts';

/** A call's record outlives the call by two days (late provider retries, support questions), then expires. */
const CALL_RETENTION_SECONDS = 2 * 24 * 3600;

/**
 * The conditional put of a call's record, alone or in a transaction (a call's new contact carries it): on its
 * version, or its absence on create; a refusal hands back the stored record.
 */
export function callRecordPut(TableName: string, call: StoredCall, expectedVersion: number | undefined) {
  const { tenantId, callId } = call.state;
  const Item = { ...keys.call(tenantId, callId), tenantId, callId, version: call.version, call, entity: 'call', expiresAt: Math.floor(Date.parse(call.updatedAt) / 1000) + CALL_RETENTION_SECONDS };
  const condition = expectedVersion === undefined
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expectedVersion } };
  return { TableName, Item, ...condition, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const };
}

/** The refusal of a call record's put, with the record as stored (the item comes in the wire format). */
export function callChanged(item: Record<string, AttributeValue> | undefined, cause: unknown): CallChangedError {
  return new CallChangedError(item ? (unmarshall(item)['call'] as StoredCall | undefined) : undefined, { entity: 'call' }, { cause });
}

/** Call records (one per provider call, conditional on their version) and the flows of the tenant's numbers. */
export class DynamoCallRepository implements CallRepository {
  constructor(private readonly table: DynamoTable) {}

  async get(tenantId: string, callId: string): Promise<StoredCall | undefined> {
    // Strongly consistent: a retried invocation must see the answer its first try stored.
    const { Item } = await this.table.documents.send(new GetCommand({ TableName: this.table.tableName, Key: keys.call(tenantId, callId), ConsistentRead: true }));
    return Item ? (Item['call'] as StoredCall) : undefined;
  }

  /**
   * The refused write hands back the stored record (`ReturnValuesOnConditionCheckFailure`), so a caller that wrote
   * from a stale copy (the one the provider carried) starts again without a read.
   * @throws CallChangedError when the stored version is not `expectedVersion` (or the call exists, on create).
   */
  async save(call: StoredCall, expectedVersion: number | undefined): Promise<void> {
    try {
      await this.table.documents.send(new PutCommand(callRecordPut(this.table.tableName, call, expectedVersion)));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw callChanged(error.Item, error);
      throw error;
    }
  }

  async getFlow(tenantId: string, number: string): Promise<CallFlow | undefined> {
    const item = await this.table.get<{ flow: unknown }>(keys.callFlow(tenantId, number));
    // Parsed on read: a stored flow written by an older schema still gets today's defaults.
    return item ? CallFlowSchema.parse(item.flow) : undefined;
  }

  putFlow(tenantId: string, number: string, flow: CallFlow): Promise<void> {
    return this.table.put('callFlow', { ...keys.callFlow(tenantId, number), tenantId, number, flow });
  }
}
