import { Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { lazySchema } from '@cc/shared/lazy-schema';
import { BUILT_IN_RULES } from '@cc/shared/analytics/lexicon';
import { AnalyticsSettingsBodySchema } from '@cc/shared/analytics/schema';
import { clashingRuleIds, type AnalyticsSettings } from '@cc/shared/analytics/settings';
import { ConflictError, InvalidRequestError } from '@cc/shared/errors';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

const AlertListQuerySchema = lazySchema(() => z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }));

/**
 * The tenant's analytics settings and its conversation alerts (`/api/analytics`):
 * - `GET /settings` (supervisor): the rules, thresholds and alert settings in force (the defaults when never saved);
 * - `PUT /settings` (admin): replaces them, on the `version` read (409 `settings_changed` otherwise), audited; the
 *   next analysed conversation uses them;
 * - `GET /alerts` (supervisor): the latest alerts about problem conversations, newest first.
 */
export function analyticsSettingsRoutes(deps: Pick<Deps, 'analyticsSettings' | 'conversationAlerts' | 'clock'>, services: Pick<Services, 'analyser' | 'audit'>, auth: MiddlewareHandler<AuthEnv>) {
  return new Hono<AuthEnv>()
    .get('/settings', auth, requireRole('supervisor'), async (c) => c.json(await services.analyser.settings(c.get('principal').tenantId)))
    .put('/settings', auth, requireRole('admin'), async (c) => {
      const body = await readJson(c, AnalyticsSettingsBodySchema);
      const principal = c.get('principal');
      const clashes = clashingRuleIds(body.rules, BUILT_IN_RULES);
      if (clashes.length > 0) throw new InvalidRequestError(`Rule ids must be unique and not those of built-in rules: ${clashes.slice(0, 5).join(', ')}`, { field: 'rules', reason: 'duplicate_rule_id' });
      const before = await services.analyser.settings(principal.tenantId);
      if (body.version !== before.version) throw new ConflictError('The analytics settings were changed by someone else; reload them', { reason: 'settings_changed', version: before.version });
      const after: AnalyticsSettings = {
        tenantId: principal.tenantId,
        version: before.version + 1,
        rules: body.rules,
        thresholds: { ...before.thresholds, ...body.thresholds },
        alerts: body.alerts,
        updatedAt: deps.clock.now().toISOString(),
        updatedBy: principal.userId,
      };
      await deps.analyticsSettings.save(after, before.version);
      await services.audit.record(principal, { target: 'analytics-settings', targetId: 'analytics', action: 'updated', before, after });
      return c.json(after);
    })
    .get('/alerts', auth, requireRole('supervisor'), async (c) => {
      const { limit } = AlertListQuerySchema.parse(c.req.query());
      return c.json({ alerts: await deps.conversationAlerts.list(c.get('principal').tenantId, limit) });
    });
}
