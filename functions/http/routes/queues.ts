import { createHash } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import type { Principal } from '@cc/shared/auth/model';
import { ConflictError, NotFoundError } from '@cc/shared/errors';
import { CreateQueueRequestSchema, UpdateQueueRequestSchema, checkOverflow, newQueueId, normalizedQueueName, planQueue, planQueueUpdate, queueNamed, replayOfCreate, type CreateQueueRequest } from '@cc/shared/queues/admin';
import type { TenantQueue } from '@cc/shared/queues/ports';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

/** Why a PATCH lost: the console reloads the queue and shows the reason. */
const CHANGED = 'The queue was changed by someone else; reload it and apply your change again';

/** Suffixes for a name whose plain id is taken, the same for every attempt: two racing retries pick the same id. */
function suffixesOf(name: string): () => string {
  let attempt = 0;
  return () => createHash('sha256').update(`${normalizedQueueName(name)}#${attempt++}`).digest('hex').slice(0, 4);
}

/**
 * Queue administration (admin role): create a queue from as little as a name and a priority, and change any
 * of its fields. Reading stays in `directory.ts`. Routing reads queues afresh on every decision (`QueueLookup`),
 * so a change applies to the next contact; the voice handler keeps the tenant's queue list at most a second.
 *
 * Creating is safe to retry, keyed by the queue's name as users are by their login: a tenant's queue names are
 * unique (normalised: case, `ё`, spaces aside), so a repeated request with the same body finds the queue it made and
 * answers it again (201, the creation audited once), and another body under that name is a 409 `queue_name_taken`.
 */
export function queueAdminRoutes(deps: Pick<Deps, 'queues' | 'clock'>, services: Pick<Services, 'audit'>, auth: MiddlewareHandler<AuthEnv>) {
  /** The creation's audit entry, dated and named by the queue itself, so a retry after a failed audit write completes it and a later one adds nothing. */
  const auditCreation = (principal: Principal, queue: TenantQueue) =>
    queue.createdAt && services.audit.recordOnce(principal, { target: 'queue', targetId: queue.queueId, action: 'created', after: queue }, { entryId: `queue-created-${queue.queueId}`, at: new Date(queue.createdAt) });

  const created = async (principal: Principal, queue: TenantQueue) => {
    await auditCreation(principal, queue);
    return queue;
  };

  const create = async (principal: Principal, request: CreateQueueRequest): Promise<TenantQueue> => {
    const { tenantId } = principal;
    const queues = await deps.queues.list(tenantId);
    const same = queueNamed(queues, request.name);
    if (same) return created(principal, replayOfCreate(same, request));
    const taken = new Set(queues.map((q) => q.queueId));
    const queue = planQueue(request, newQueueId(request.name, taken, suffixesOf(request.name)), tenantId, deps.clock.now().toISOString());
    checkOverflow(queue, taken);
    try {
      await deps.queues.create(queue);
    } catch (error) {
      // A racing twin of this request wrote first (the same name gives the same id): answer what it stored.
      if (!(error instanceof ConflictError)) throw error;
      const raced = queueNamed(await deps.queues.list(tenantId), request.name);
      if (!raced) throw new ConflictError('The same queue is being created right now; repeat the request', { reason: 'queue_being_created' }, { cause: error });
      return created(principal, replayOfCreate(raced, request));
    }
    return created(principal, queue);
  };

  return new Hono<AuthEnv>()
    .post('/queues', auth, requireRole('admin'), async (c) => {
      const queue = await create(c.get('principal'), await readJson(c, CreateQueueRequestSchema));
      return c.json(queue, 201, { location: `/api/queues/${queue.queueId}` });
    })
    .patch('/queues/:queueId', auth, requireRole('admin'), async (c) => {
      const patch = await readJson(c, UpdateQueueRequestSchema);
      const { tenantId } = c.get('principal');
      const queueId = c.req.param('queueId');
      const stored = await deps.queues.get(tenantId, queueId);
      if (!stored) throw new NotFoundError('Queue', queueId);
      const current = stored.version ?? 0;
      if (patch.version !== undefined && patch.version !== current) throw new ConflictError(CHANGED, { reason: 'queue_changed', version: current });
      const updated = planQueueUpdate(stored, patch);
      const queues = updated.overflowQueueId !== undefined || updated.name !== stored.name ? await deps.queues.list(tenantId) : [];
      if (updated.overflowQueueId !== undefined) checkOverflow(updated, new Set(queues.map((q) => q.queueId)));
      const namesake = updated.name !== stored.name ? queueNamed(queues.filter((q) => q.queueId !== queueId), updated.name) : undefined;
      if (namesake) throw new ConflictError(`A queue named «${namesake.name}» exists already (${namesake.queueId})`, { reason: 'queue_name_taken', queueId: namesake.queueId });
      try {
        await deps.queues.replace(updated, current);
      } catch (error) {
        if (error instanceof ConflictError) throw new ConflictError(CHANGED, { reason: 'queue_changed' }, { cause: error });
        throw error;
      }
      await services.audit.record(c.get('principal'), { target: 'queue', targetId: queueId, action: 'updated', before: stored, after: updated });
      return c.json(updated);
    });
}
