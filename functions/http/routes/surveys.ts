import { Hono, type MiddlewareHandler } from 'hono';
import { SurveySettingsSchema, type StoredSurveySettings } from '@cc/shared/surveys/schema';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

/**
 * The tenant's survey settings (`/api/surveys/settings`): supervisors and admins read them (the defaults until an admin
 * writes them), admins replace them whole; every change is in the audit log. docs/surveys.md says what they change.
 */
export function surveyRoutes(deps: Pick<Deps, 'surveySettings' | 'clock'>, services: Pick<Services, 'audit' | 'surveys'>, auth: MiddlewareHandler<AuthEnv>) {
  return new Hono<AuthEnv>()
    .get('/settings', auth, requireRole('supervisor'), async (c) => c.json({ settings: await services.surveys.settings(c.get('principal').tenantId) }))
    .put('/settings', auth, requireRole('admin'), async (c) => {
      const settings = await readJson(c, SurveySettingsSchema);
      const principal = c.get('principal');
      const before = await services.surveys.settings(principal.tenantId);
      const stored: StoredSurveySettings = { tenantId: principal.tenantId, ...settings, updatedAt: deps.clock.now().toISOString(), updatedBy: principal.userId };
      await deps.surveySettings.put(stored);
      await services.audit.record(principal, { target: 'survey-settings', targetId: principal.tenantId, action: 'updated', before, after: settings });
      return c.json({ settings });
    });
}
