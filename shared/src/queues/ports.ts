import type { Queue } from '../routing/model.ts';

/** A queue's configuration as stored: the routing model plus its tenant. */
export type TenantQueue = Queue & { tenantId: string };

/** Queue configuration. */
export interface QueueRepository {
  get(tenantId: string, queueId: string): Promise<TenantQueue | undefined>;
  list(tenantId: string): Promise<TenantQueue[]>;
  put(queue: TenantQueue): Promise<void>;
}
