import { Hono, type MiddlewareHandler } from 'hono';
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { ALERT_LIMITS, CreateAlertSchema, PatchAlertSchema, patchedRule, scopeProblem, type AlertRule } from '@cc/shared/alerts/model';
import { ConflictError, InvalidRequestError, NotFoundError } from '@cc/shared/errors';
import { lazySchema } from '@cc/shared/lazy-schema';
import type { Deps } from '../../composition/deps.ts';
import { logger } from '../../composition/logger.ts';
import type { Services } from '../../composition/services.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

const NoticeQuerySchema = lazySchema(() => z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }));
const PATCH_TRIES = 3;

/**
 * KPI alert rules (`/api/alerts`, supervisors and admins): list with each rule's state, create, change, delete;
 * `GET /api/alerts/notices`: the latest notices sent (the console's bell). A rule is evaluated as soon as it is
 * written, so one already breached fires at once; every change is in the audit log.
 */
export function alertRoutes(deps: Pick<Deps, 'alerts' | 'queues' | 'agents' | 'clock'>, services: Pick<Services, 'audit' | 'alerts'>, auth: MiddlewareHandler<AuthEnv>) {
  const load = async (tenantId: string, alertId: string) => {
    const rule = await deps.alerts.get(tenantId, alertId);
    if (!rule) throw new NotFoundError('Alert rule', alertId);
    return rule;
  };
  const checkScope = async (tenantId: string, rule: Pick<AlertRule, 'metric' | 'queueId' | 'agentId'>) => {
    const problem = scopeProblem(rule);
    if (problem) throw new InvalidRequestError(problem.message, { field: problem.path });
    if (rule.queueId !== undefined && !(await deps.queues.get(tenantId, rule.queueId))) throw new NotFoundError('Queue', rule.queueId);
    if (rule.agentId !== undefined && !(await deps.agents.get(tenantId, rule.agentId))) throw new NotFoundError('Agent', rule.agentId);
  };
  /** Evaluates the rule now; a failure is logged and left to the next change (the write itself succeeded). */
  const evaluated = async (rule: AlertRule): Promise<AlertRule> => {
    try {
      await services.alerts.check(rule.tenantId, rule.alertId);
      return (await deps.alerts.get(rule.tenantId, rule.alertId)) ?? rule;
    } catch (error) {
      logger.warn('Alert rule not evaluated on write', { error, tenantId: rule.tenantId, alertId: rule.alertId });
      return rule;
    }
  };
  return new Hono<AuthEnv>()
    .get('/notices', auth, requireRole('supervisor'), async (c) => {
      const { limit } = NoticeQuerySchema.parse(c.req.query());
      return c.json({ notices: await deps.alerts.listNotices(c.get('principal').tenantId, limit) });
    })
    .get('/', auth, requireRole('supervisor'), async (c) => {
      const rules = await deps.alerts.list(c.get('principal').tenantId);
      return c.json({ alerts: rules.sort((a, b) => a.createdAt.localeCompare(b.createdAt)) });
    })
    .post('/', auth, requireRole('supervisor'), async (c) => {
      const input = await readJson(c, CreateAlertSchema);
      const { tenantId } = c.get('principal');
      await checkScope(tenantId, input);
      if ((await deps.alerts.list(tenantId)).length >= ALERT_LIMITS.perTenant) throw new InvalidRequestError(`At most ${ALERT_LIMITS.perTenant} alert rules`, { reason: 'too-many' });
      const at = deps.clock.now().toISOString();
      const rule: AlertRule = { tenantId, alertId: randomUUID(), ...input, createdAt: at, updatedAt: at, version: 1, watch: { firing: false } };
      await deps.alerts.create(rule);
      await services.audit.record(c.get('principal'), { target: 'alert', targetId: rule.alertId, action: 'created', after: rule });
      return c.json(await evaluated(rule), 201);
    })
    .patch('/:alertId', auth, requireRole('supervisor'), async (c) => {
      const patch = await readJson(c, PatchAlertSchema);
      const { tenantId } = c.get('principal');
      for (let attempt = 1; ; attempt++) {
        const before = await load(tenantId, c.req.param('alertId'));
        const next = { ...patchedRule(before, patch, deps.clock.now().toISOString()), version: before.version + 1 };
        await checkScope(tenantId, next);
        try {
          await deps.alerts.save(next, before.version);
        } catch (error) {
          // An evaluation wrote the rule's state meanwhile: apply the change to what is stored now.
          if (error instanceof ConflictError && attempt < PATCH_TRIES) continue;
          throw error;
        }
        await services.audit.record(c.get('principal'), { target: 'alert', targetId: next.alertId, action: 'updated', before, after: next });
        return c.json(await evaluated(next));
      }
    })
    .delete('/:alertId', auth, requireRole('supervisor'), async (c) => {
      const { tenantId } = c.get('principal');
      const before = await load(tenantId, c.req.param('alertId'));
      await deps.alerts.delete(tenantId, before.alertId);
      await services.audit.record(c.get('principal'), { target: 'alert', targetId: before.alertId, action: 'deleted', before });
      return c.body(null, 204);
    });
}
