import { Hono, type MiddlewareHandler } from 'hono';
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { hasRole, type Principal } from '@cc/shared/auth/model';
import { InvalidRequestError, NotFoundError } from '@cc/shared/errors';
import { lazySchema } from '@cc/shared/lazy-schema';
import { IdSchema } from '@cc/shared/limits/input';
import { CreateQuickReplySchema, PatchQuickReplySchema, type StoredQuickReply } from '@cc/shared/quick-replies/schema';
import { QUICK_REPLY_LIMITS, visibleQuickReplies } from '@cc/shared/quick-replies/values';
import { CompleteContactSchema, CreateTopicSchema, PatchTopicSchema, type StoredTopic } from '@cc/shared/wrap-up/schema';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

const QuickReplyQuerySchema = lazySchema(() => z.object({ queueId: IdSchema.optional() }));

/** A body that may be absent: older callers of `complete` send none. */
async function readOptionalJson<S extends z.ZodType>(c: Parameters<typeof readJson>[0], schema: S): Promise<z.infer<S>> {
  // Hono keeps the body it read, so `readJson` can read it again.
  return (await c.req.text()).trim() === '' ? schema.parse({}) : readJson(c, schema);
}

/** The queues an agent works (their routing profile); supervisors and admins see every queue. */
async function queuesOf(deps: Pick<Deps, 'agents'>, principal: Principal): Promise<string[] | 'all'> {
  if (hasRole(principal.roles, 'supervisor')) return 'all';
  const agent = await deps.agents.get(principal.tenantId, principal.userId);
  return [...new Set([...(agent?.queueIds ?? []), ...(agent?.profile ?? []).map((entry) => entry.queueId)])];
}

/**
 * Wrap-up topics (`/api/topics`: any role reads, admins create, rename and archive) and the agent's completion of
 * after-contact work with topics, disposition and note (`POST /api/contacts/:contactId/complete`).
 */
export function topicRoutes(deps: Pick<Deps, 'topics' | 'clock'>, services: Pick<Services, 'routing'>, auth: MiddlewareHandler<AuthEnv>) {
  const topics = new Hono<AuthEnv>()
    .get('/', auth, async (c) => {
      const list = await deps.topics.list(c.get('principal').tenantId);
      return c.json({ topics: list.sort((a, b) => a.name.localeCompare(b.name, 'ru')) });
    })
    .post('/', auth, requireRole('admin'), async (c) => {
      const { name } = await readJson(c, CreateTopicSchema);
      const at = deps.clock.now().toISOString();
      const topic: StoredTopic = { tenantId: c.get('principal').tenantId, topicId: randomUUID(), name, archived: false, createdAt: at, updatedAt: at };
      await deps.topics.put(topic);
      return c.json(topic, 201);
    })
    .patch('/:topicId', auth, requireRole('admin'), async (c) => {
      const patch = await readJson(c, PatchTopicSchema);
      const { tenantId } = c.get('principal');
      const topic = await deps.topics.get(tenantId, c.req.param('topicId'));
      if (!topic) throw new NotFoundError('Topic', c.req.param('topicId'));
      const next: StoredTopic = { ...topic, ...patch, updatedAt: deps.clock.now().toISOString() };
      await deps.topics.put(next);
      return c.json(next);
    });
  const completion = new Hono<AuthEnv>().post('/:contactId/complete', auth, async (c) => {
    const input = await readOptionalJson(c, CompleteContactSchema);
    const principal = c.get('principal');
    const known = input.topics.length > 0 ? await deps.topics.list(principal.tenantId) : [];
    return c.json(await services.routing.commands.completeWrapUp(principal, c.req.param('contactId'), input, known));
  });
  return { topics, completion };
}

/**
 * Quick replies (`/api/quick-replies`): admins write them; agents read the tenant-wide ones and their queues'
 * (`?queueId=` narrows to one queue's and the tenant-wide ones), supervisors and admins all.
 */
export function quickReplyRoutes(deps: Pick<Deps, 'quickReplies' | 'agents' | 'queues' | 'clock'>, auth: MiddlewareHandler<AuthEnv>) {
  const load = async (tenantId: string, id: string) => {
    const reply = await deps.quickReplies.get(tenantId, id);
    if (!reply) throw new NotFoundError('Quick reply', id);
    return reply;
  };
  const checkQueue = async (tenantId: string, queueId: string | null | undefined) => {
    if (queueId && !(await deps.queues.get(tenantId, queueId))) throw new NotFoundError('Queue', queueId);
  };
  return new Hono<AuthEnv>()
    .get('/', auth, async (c) => {
      const principal = c.get('principal');
      const { queueId } = QuickReplyQuerySchema.parse(c.req.query());
      const [all, queues] = await Promise.all([deps.quickReplies.list(principal.tenantId), queuesOf(deps, principal)]);
      const visible = visibleQuickReplies(all, queues).filter((r) => queueId === undefined || r.queueId === undefined || r.queueId === queueId);
      return c.json({ quickReplies: visible.sort((a, b) => a.title.localeCompare(b.title, 'ru')) });
    })
    .post('/', auth, requireRole('admin'), async (c) => {
      const input = await readJson(c, CreateQuickReplySchema);
      const { tenantId } = c.get('principal');
      await checkQueue(tenantId, input.queueId);
      if ((await deps.quickReplies.list(tenantId)).length >= QUICK_REPLY_LIMITS.perTenant) throw new InvalidRequestError(`At most ${QUICK_REPLY_LIMITS.perTenant} quick replies`, { reason: 'too-many' });
      const at = deps.clock.now().toISOString();
      const reply: StoredQuickReply = { tenantId, quickReplyId: randomUUID(), ...input, createdAt: at, updatedAt: at };
      await deps.quickReplies.put(reply);
      return c.json(reply, 201);
    })
    .patch('/:quickReplyId', auth, requireRole('admin'), async (c) => {
      const { queueId, ...patch } = await readJson(c, PatchQuickReplySchema);
      const { tenantId } = c.get('principal');
      await checkQueue(tenantId, queueId);
      const { queueId: oldQueueId, ...current } = await load(tenantId, c.req.param('quickReplyId'));
      const nextQueueId = queueId === undefined ? oldQueueId : (queueId ?? undefined);
      const next: StoredQuickReply = { ...current, ...patch, ...(nextQueueId && { queueId: nextQueueId }), updatedAt: deps.clock.now().toISOString() };
      await deps.quickReplies.put(next);
      return c.json(next);
    })
    .delete('/:quickReplyId', auth, requireRole('admin'), async (c) => {
      const { tenantId } = c.get('principal');
      await load(tenantId, c.req.param('quickReplyId'));
      await deps.quickReplies.delete(tenantId, c.req.param('quickReplyId'));
      return c.body(null, 204);
    });
}
