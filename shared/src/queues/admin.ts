import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { changedFields } from '../audit/record.ts';
import { ConflictError } from '../errors.ts';
import { QueueSchema, type Queue } from '../routing/model.ts';
import type { TenantQueue } from './ports.ts';

/**
 * Queue administration: the request schemas of `POST /api/queues` and `PATCH /api/queues/:queueId` and the
 * pure decisions behind them (the generated id, the merged queue, its overflow target, a retried create). Every stored queue
 * passes `QueueSchema`, the schema routing reads, so an admin cannot store a queue routing would refuse.
 */

/** Defaults a new queue gets for what the request leaves out: 80 % within 20 s, like most contact centers aim for. */
const DEFAULT_SERVICE_LEVEL = { targetPercent: 80, thresholdSeconds: 20 };

/** The editable fields: the queue without its id (generated) and its version (ours). */
const editableShape = () => QueueSchema.omit({ queueId: true }).shape;

/** `POST /api/queues`: at least `{ name, priority }`; the rest has defaults. */
export const CreateQueueRequestSchema = lazySchema(() => z.strictObject({
  ...editableShape(),
  name: z.string().trim().min(1).max(100),
  serviceLevel: editableShape().serviceLevel.default(DEFAULT_SERVICE_LEVEL),
}));
export type CreateQueueRequest = z.infer<typeof CreateQueueRequestSchema>;

/**
 * `PATCH /api/queues/:queueId`: any editable field; `null` clears an optional one (hours, overflow, thresholds).
 * `version`, when given, is the version the editor started from: a queue changed since answers 409.
 */
export const UpdateQueueRequestSchema = lazySchema(() => z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  priority: z.number().int().optional(),
  serviceLevel: editableShape().serviceLevel.optional(),
  maxWaitSeconds: z.number().int().positive().nullable().optional(),
  overflowQueueId: z.string().min(1).nullable().optional(),
  timeZone: z.string().optional(),
  businessHours: z.unknown().optional(),
  offerTimeoutSeconds: z.number().int().positive().optional(),
  afterContactWorkSeconds: z.number().int().nonnegative().optional(),
  requiredSkills: z.unknown().optional(),
  ageingPerMinute: z.number().positive().optional(),
  onMissedOffer: z.unknown().optional(),
  topicsRequired: z.boolean().nullable().optional(),
  wallboardThresholds: z.unknown().optional(),
  version: z.number().int().nonnegative().optional(),
}).refine((patch) => Object.keys(patch).some((key) => key !== 'version'), 'Nothing to change: send at least one field besides `version`'));
export type UpdateQueueRequest = z.infer<typeof UpdateQueueRequestSchema>;

/** Russian letters as Latin, so a queue named «Продажи» gets the readable id `prodazhi`. */
const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** A readable id from a queue name: lower-case Latin letters, digits and dashes, at most 40 characters. */
export function queueSlug(name: string): string {
  const latin = [...name.toLowerCase()].map((ch) => LATIN[ch] ?? ch).join('');
  const slug = latin.normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  return slug || 'queue';
}

/** The id for a new queue: its slug, or the slug plus a short suffix when the tenant already has that id. */
export function newQueueId(name: string, taken: ReadonlySet<string>, suffix: () => string): string {
  const slug = queueSlug(name);
  if (!taken.has(slug)) return slug;
  for (;;) {
    const candidate = `${slug}-${suffix()}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The queue a create request describes, checked by the schema routing reads. @throws ZodError */
export function planQueue(request: CreateQueueRequest, queueId: string, tenantId: string, createdAt: string): TenantQueue {
  return { ...QueueSchema.parse({ ...request, queueId }), tenantId, version: 1, createdAt };
}

/**
 * A queue name as people tell names apart: Unicode-normalised, case, `ё`/`е` and runs of spaces aside. Two queues of
 * a tenant never share one, which is what makes `POST /api/queues` safe to retry.
 */
export function normalizedQueueName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('ru').replace(/ё/g, 'е');
}

/** The tenant's queue with the same name as `name` (normalised), if any. */
export function queueNamed(queues: readonly TenantQueue[], name: string): TenantQueue | undefined {
  const wanted = normalizedQueueName(name);
  return queues.find((queue) => normalizedQueueName(queue.name) === wanted);
}

/** What makes two queues the same configuration: everything but who holds it, its version and its creation time. */
const configurationOf = ({ tenantId: _t, version: _v, createdAt: _c, ...queue }: TenantQueue) => queue;

/**
 * A create request that meets a queue of the same name: a retry of the request that created it (every field the
 * same: answered with that queue), or a second queue by that name (refused).
 * @throws ConflictError (`queue_name_taken`) when the stored queue differs from what the request describes
 */
export function replayOfCreate(stored: TenantQueue, request: CreateQueueRequest): TenantQueue {
  const planned = planQueue(request, stored.queueId, stored.tenantId, stored.createdAt ?? '');
  if (changedFields(configurationOf(stored), configurationOf(planned)).length === 0) return stored;
  throw new ConflictError(`A queue named «${stored.name}» exists already (${stored.queueId}); choose another name or change that queue`, { reason: 'queue_name_taken', queueId: stored.queueId });
}

/** The queue after a patch: fields given replace the stored ones, `null` removes them; checked as a whole. @throws ZodError */
export function planQueueUpdate(stored: TenantQueue, patch: UpdateQueueRequest): TenantQueue {
  const { version: _expected, ...fields } = patch;
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(fields)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  delete merged.tenantId;
  delete merged.version;
  delete merged.createdAt;
  return { ...QueueSchema.parse(merged), tenantId: stored.tenantId, version: (stored.version ?? 0) + 1, ...(stored.createdAt && { createdAt: stored.createdAt }) };
}

/**
 * Checks the overflow target: another queue of the same tenant. Issues carry the field path, so the
 * console shows them next to the overflow select. Parsed rather than constructed, so it is the same
 * ZodError (an `Error`, answered 400 with fields) as any other. @throws ZodError
 */
export function checkOverflow(queue: Queue, tenantQueueIds: ReadonlySet<string>): void {
  z.object({ queueId: z.string(), overflowQueueId: z.string().optional() })
    .superRefine(({ queueId, overflowQueueId: target }, ctx) => {
      if (target === undefined) return;
      if (target === queueId) ctx.addIssue({ code: 'custom', path: ['overflowQueueId'], message: 'A queue cannot overflow into itself' });
      else if (!tenantQueueIds.has(target)) ctx.addIssue({ code: 'custom', path: ['overflowQueueId'], message: `No queue ${target} in this tenant` });
    })
    .parse({ queueId: queue.queueId, overflowQueueId: queue.overflowQueueId });
}
