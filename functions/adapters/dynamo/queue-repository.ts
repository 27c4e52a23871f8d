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
    return this.table.put('queue', { ...queue, ...keys.queue(queue.tenantId, queue.queueId) });
  }
}
