import { keys } from '@cc/shared/db/keys';
import type { QueueRepository, TenantQueue } from '@cc/shared/queues/ports';
import type { DynamoTable } from './table.ts';

/** Queue configuration under the tenant's queue partition. */
export class DynamoQueueRepository implements QueueRepository {
  constructor(private readonly table: DynamoTable) {}

  get(tenantId: string, queueId: string) {
    return this.table.get<TenantQueue>(keys.queue(tenantId, queueId));
  }

  async list(tenantId: string) {
    const queues = await this.table.queryAll<TenantQueue>(keys.queuesOfTenant(tenantId));
    return queues.sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name));
  }

  put(queue: TenantQueue) {
    return this.table.put('queue', this.item(queue));
  }

  create(queue: TenantQueue) {
    return this.table.put('queue', this.item(queue), { expression: 'attribute_not_exists(pk)' });
  }

  replace(queue: TenantQueue, expectedVersion: number) {
    // Seeded queues carry no version: they count as version 0, and must still exist.
    const expression = expectedVersion === 0 ? 'attribute_exists(pk) AND (attribute_not_exists(#version) OR #version = :expected)' : '#version = :expected';
    return this.table.put('queue', this.item(queue), { expression, ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } });
  }

  private item(queue: TenantQueue) {
    return { ...queue, ...keys.queue(queue.tenantId, queue.queueId) };
  }
}
