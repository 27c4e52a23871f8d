import { NotFoundError } from '@cc/shared/errors';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { QueueSchema } from '@cc/shared/routing/index';
import type { Deps } from '../composition/deps.ts';

/** Queues as routing reads them: stored queues may predate optional fields, so the schema fills the defaults. */
export class QueueLookup {
  constructor(private readonly deps: Pick<Deps, 'queues'>) {}

  async find(tenantId: string, queueId: string): Promise<TenantQueue | undefined> {
    const stored = await this.deps.queues.get(tenantId, queueId);
    return stored && { ...this.ofStored(stored), tenantId };
  }

  /** A queue as stored, with the defaults of fields it may predate. */
  ofStored(stored: TenantQueue): TenantQueue {
    return { ...QueueSchema.parse(stored), tenantId: stored.tenantId };
  }

  /** @throws NotFoundError */
  async load(tenantId: string, queueId: string): Promise<TenantQueue> {
    const queue = await this.find(tenantId, queueId);
    if (!queue) throw new NotFoundError('Queue', queueId);
    return queue;
  }

  /** The queue from `known` (the tenant's queues as the caller read them) when it is there, else as stored. @throws NotFoundError */
  async loadKnown(tenantId: string, queueId: string, known: readonly TenantQueue[] | undefined): Promise<TenantQueue> {
    const found = known?.find((q) => q.queueId === queueId && q.tenantId === tenantId);
    return found ? this.ofStored(found) : this.load(tenantId, queueId);
  }

  /** Every queue of the tenant by id. */
  async byId(tenantId: string): Promise<Map<string, TenantQueue>> {
    return new Map((await this.deps.queues.list(tenantId)).map((q) => [q.queueId, { ...this.ofStored(q), tenantId }]));
  }
}
