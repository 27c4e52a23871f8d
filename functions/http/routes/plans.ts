import { Hono, type MiddlewareHandler } from 'hono';
import type { Principal } from '@cc/shared/auth/model';
import { ConflictError, InvalidRequestError, NotFoundError, RateLimitedError } from '@cc/shared/errors';
import { madeBy, patchedPlan, planFrom } from '@cc/shared/plans/plan';
import { AttainmentQuerySchema, CreatePlanSchema, PatchPlanSchema, type CreatePlan } from '@cc/shared/plans/schema';
import { PLAN_LIMITS, type Plan } from '@cc/shared/plans/values';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';
import { REPORT_LIMIT } from './metrics.ts';

/** Why a change lost: the console reloads the plan and shows the reason. */
const CHANGED = 'The plan was changed by someone else; reload it and apply your change again';

/**
 * KPI plans (`/api/plans`): supervisors and admins create, change and delete them and read them all; an agent
 * reads the plans that apply to them. `GET /api/plans/attainment` gives each applicable plan's actual, attainment
 * and pace over a local day or month (an agent: only their own; as often as reports). Every change is audited.
 *
 * A plan's id is its metric, scope and period, so there is one plan of each, and creating is safe to retry: the
 * same body again answers the stored plan (201, audited once); another target under that id is a 409 `plan_exists`.
 */
export function planRoutes(deps: Pick<Deps, 'plans' | 'queues' | 'agents' | 'clock' | 'rateLimiter'>, services: Pick<Services, 'plans' | 'audit'>, auth: MiddlewareHandler<AuthEnv>) {
  /** The creation's entry is named and dated by the plan, so a retry completes a failed audit write and adds nothing otherwise. */
  const created = async (principal: Principal, plan: Plan) => {
    await services.audit.recordOnce(principal, { target: 'plan', targetId: plan.planId, action: 'created', after: plan }, { entryId: `plan-created-${plan.planId}-${Date.parse(plan.createdAt)}`, at: new Date(plan.createdAt) });
    return plan;
  };
  const exists = (stored: Plan) => new ConflictError(`A plan for this metric, scope and period exists already (${stored.planId}, target ${stored.target}): change its target instead`, { reason: 'plan_exists', planId: stored.planId });

  /** @throws InvalidRequestError (field `scope.value`) when the named queue or agent is not in the tenant. */
  const checkScope = async (tenantId: string, { scope }: CreatePlan) => {
    if (scope.value === undefined) return;
    const found = scope.dimension === 'queue' ? await deps.queues.get(tenantId, scope.value) : await deps.agents.get(tenantId, scope.value);
    if (!found) throw new InvalidRequestError(`No ${scope.dimension} "${scope.value}" in this tenant`, { field: 'scope.value' });
  };

  const create = async (principal: Principal, input: CreatePlan): Promise<Plan> => {
    const { tenantId } = principal;
    await checkScope(tenantId, input);
    const plan = planFrom(input, tenantId, deps.clock.now());
    const plans = await deps.plans.list(tenantId);
    const same = plans.find((p) => p.planId === plan.planId);
    if (same) {
      if (madeBy(same, input)) return created(principal, same);
      throw exists(same);
    }
    if (plans.length >= PLAN_LIMITS.perTenant) throw new InvalidRequestError(`At most ${PLAN_LIMITS.perTenant} plans per tenant: delete one first`, { reason: 'too_many_plans' });
    try {
      await deps.plans.create(plan);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // A twin of this request wrote first (the same plan has the same id).
      const raced = await deps.plans.get(tenantId, plan.planId);
      if (raced && madeBy(raced, input)) return created(principal, raced);
      if (raced) throw exists(raced);
      throw new ConflictError('The same plan is being created or deleted right now; repeat the request', { reason: 'plan_changed' }, { cause: error });
    }
    return created(principal, plan);
  };

  const load = async (tenantId: string, planId: string) => {
    const plan = await deps.plans.get(tenantId, planId);
    if (!plan) throw new NotFoundError('Plan', planId);
    return plan;
  };
  const changed = (error: unknown) => (error instanceof ConflictError ? new ConflictError(CHANGED, { reason: 'plan_changed' }, { cause: error }) : error);

  return new Hono<AuthEnv>()
    .get('/', auth, async (c) => c.json({ plans: await services.plans.visible(c.get('principal')) }))
    .get('/attainment', auth, async (c) => {
      const principal = c.get('principal');
      const query = AttainmentQuerySchema.parse(c.req.query());
      const decision = await deps.rateLimiter.hit(principal.tenantId, `attainment#${principal.userId}`, REPORT_LIMIT, deps.clock.now());
      if (!decision.allowed) throw new RateLimitedError(`At most ${REPORT_LIMIT.max} attainment reads a minute`, decision.retryAfterSeconds);
      return c.json(await services.plans.attainment(principal, query));
    })
    .post('/', auth, requireRole('supervisor'), async (c) => {
      const plan = await create(c.get('principal'), await readJson(c, CreatePlanSchema));
      return c.json(plan, 201, { location: `/api/plans/${plan.planId}` });
    })
    .patch('/:planId', auth, requireRole('supervisor'), async (c) => {
      const patch = await readJson(c, PatchPlanSchema);
      const principal = c.get('principal');
      const before = await load(principal.tenantId, c.req.param('planId'));
      if (patch.version !== undefined && patch.version !== before.version) throw new ConflictError(CHANGED, { reason: 'plan_changed', version: before.version });
      const after = patchedPlan(before, patch, deps.clock.now());
      await deps.plans.replace(after, before.version).catch((error: unknown) => { throw changed(error); });
      await services.audit.record(principal, { target: 'plan', targetId: after.planId, action: 'updated', before, after });
      return c.json(after);
    })
    .delete('/:planId', auth, requireRole('supervisor'), async (c) => {
      const principal = c.get('principal');
      const before = await load(principal.tenantId, c.req.param('planId'));
      await deps.plans.delete(principal.tenantId, before.planId, before.version).catch((error: unknown) => { throw changed(error); });
      await services.audit.record(principal, { target: 'plan', targetId: before.planId, action: 'deleted', before });
      return c.body(null, 204);
    });
}
