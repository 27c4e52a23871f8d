import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@cc/shared/db/keys';
import { CallFlowSchema, type CallFlow } from '@cc/shared/voice/flow-config';
import type { CallRepository, StoredCall } from '@cc/shared/voice/ports';
import type { DynamoTable } from './table.ts';

/** A call's record outlives the call by two days (late provider retries, support questions), then expires. */
const CALL_RETENTION_SECONDS = 2 * 24 * 3600;

/** Call records (one per provider call, conditional on their version) and the flows of the tenant's numbers. */
export class DynamoCallRepository implements CallRepository {
  constructor(private readonly table: DynamoTable) {}

  async get(tenantId: string, callId: string): Promise<StoredCall | undefined> {
    // Strongly consistent: a retried invocation must see the answer its first try stored.
    const { Item } = await this.table.documents.send(new GetCommand({ TableName: this.table.tableName, Key: keys.call(tenantId, callId), ConsistentRead: true }));
    return Item ? (Item['call'] as StoredCall) : undefined;
  }

  /** @throws ConflictError when the stored version is not `expectedVersion` (or the call exists, on create). */
  save(call: StoredCall, expectedVersion: number | undefined): Promise<void> {
    const { tenantId, callId } = call.state;
    const item = { ...keys.call(tenantId, callId), tenantId, callId, version: call.version, call, expiresAt: Math.floor(Date.parse(call.updatedAt) / 1000) + CALL_RETENTION_SECONDS };
    const condition = expectedVersion === undefined
      ? { expression: 'attribute_not_exists(pk)' }
      : { expression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expectedVersion } };
    return this.table.put('call', item, condition);
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
