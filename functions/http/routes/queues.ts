import { randomBytes } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { ConflictError, NotFoundError } from '@cc/shared/errors';
import { CreateQueueRequestSchema, UpdateQueueRequestSchema, checkOverflow, newQueueId, planQueue, planQueueUpdate } from '@cc/shared/queues/admin';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

/** Why a PATCH lost: the console reloads the queue and shows the reason. */
const CHANGED = 'The queue was changed by someone else; reload it and apply your change again';

/**
 * Queue administration (admin role): create a queue from as little as a name and a priority, and change any
 * of its fields. Reading stays in `directory.ts`. Routing reads queues afresh on every decision (`QueueLookup`),
 * so a change applies to the next contact; the voice handler keeps the tenant's queue list at most a second.
 */
export function queueAdminRoutes(deps: Pick<Deps, 'queues'>, services: Pick<Services, 'audit'>, auth: MiddlewareHandler<AuthEnv>) {
  return new Hono<AuthEnv>()
    .post('/queues', auth, requireRole('admin'), async (c) => {
      const request = await readJson(c, CreateQueueRequestSchema);
      const { tenantId } = c.get('principal');
      const taken = new Set((await deps.queues.list(tenantId)).map((q) => q.queueId));
      const queue = planQueue(request, newQueueId(request.name, taken, () => randomBytes(2).toString('hex')), tenantId);
      checkOverflow(queue, taken);
      // A create racing another with the same name loses here rather than overwriting it.
      await deps.queues.create(queue);
      await services.audit.record(c.get('principal'), { target: 'queue', targetId: queue.queueId, action: 'created', after: queue });
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
      if (updated.overflowQueueId !== undefined) checkOverflow(updated, new Set((await deps.queues.list(tenantId)).map((q) => q.queueId)));
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
