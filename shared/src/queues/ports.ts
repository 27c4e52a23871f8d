import type { Queue } from '../routing/model.ts';

/**
 * A queue's configuration as stored: the routing model plus its tenant, once edited through the API its version,
 * and, created through the API, when (which also dates its creation's audit entry, so a retry records it once).
 */
export type TenantQueue = Queue & { tenantId: string; version?: number; createdAt?: string };

/** Queue configuration. */
export interface QueueRepository {
  get(tenantId: string, queueId: string): Promise<TenantQueue | undefined>;
  list(tenantId: string): Promise<TenantQueue[]>;
  put(queue: TenantQueue): Promise<void>;
  /** Stores a new queue. @throws ConflictError when the tenant already has one with its id. */
  create(queue: TenantQueue): Promise<void>;
  /**
   * Replaces a queue if it is still at `expectedVersion` (a queue stored before versions counts as 0).
   * @throws ConflictError when someone changed it in between.
   */
  replace(queue: TenantQueue, expectedVersion: number): Promise<void>;
}
