import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { OutboxRecordSchema } from '@cc/shared/conversations/model';
import { DELIVERY_LEASE_MS, type DeliveryJob } from '@cc/shared/delivery/model';
import type { DeliveryQueue } from '@cc/shared/delivery/ports';
import type { Deps } from '../composition/deps.ts';

/**
 * Local start-up: the in-process delivery queue died with the last process, so every outbox record
 * whose message still waits to be sent is queued again, at the try the message records (a try that
 * was in flight is resent once its lease has run out). A scan: DynamoDB Local holds demo data only.
 * @returns jobs queued
 */
export async function requeuePendingDeliveries(deps: Pick<Deps, 'table' | 'messaging' | 'clock'>, queue: DeliveryQueue): Promise<number> {
  let queued = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.table.documents.send(
      new ScanCommand({ TableName: deps.table.tableName, FilterExpression: 'entity = :e', ExpressionAttributeValues: { ':e': 'outbox' }, ExclusiveStartKey }),
    );
    for (const item of page.Items ?? []) {
      const record = OutboxRecordSchema.safeParse(item);
      if (!record.success) continue;
      const message = await deps.messaging.getMessage(record.data.tenantId, record.data.messageId);
      if (message?.status !== 'pending' || message.sendAttempt !== record.data.attempt) continue;
      const held = message.delivery;
      const job: DeliveryJob = { tenantId: message.tenantId, messageId: message.messageId, attempt: message.sendAttempt, try: held ? held.try + (held.lastError ? 1 : 0) : 1 };
      const leaseLeftMs = held && !held.lastError ? Date.parse(held.sendingSince) + DELIVERY_LEASE_MS - deps.clock.now().getTime() : 0;
      await queue.enqueue(job, Math.max(0, Math.ceil(leaseLeftMs / 1000)));
      queued += 1;
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return queued;
}
