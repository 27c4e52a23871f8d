/**
 * The demo tenant's plans, its one alert rule and its survey settings (npm start), each seeded once per data folder: built from the
 * same request bodies and schemas as `POST /api/plans` and `POST /api/alerts`, so a supervisor finds them in
 * «Планы» and «Оповещения» as if a colleague had written them, and may change or delete them for good.
 */
import { CreateAlertSchema, type AlertRule } from '@cc/shared/alerts/model';
import { ConflictError } from '@cc/shared/errors';
import { planFrom } from '@cc/shared/plans/plan';
import { CreatePlanSchema } from '@cc/shared/plans/schema';
import { SurveySettingsSchema } from '@cc/shared/surveys/schema';
import type { Deps } from '../composition/deps.ts';
import { seedOnce } from './seed-once.ts';

/** Each agent's day, the support and VIP teams' service level (their queues' own targets), the company's month. */
export const DEMO_PLANS = [
  { metric: 'contacts_handled', scope: { dimension: 'agent' }, period: 'day', target: 15, name: 'Обслужить за смену' },
  { metric: 'service_level', scope: { dimension: 'queue', value: 'support' }, period: 'day', target: 80, name: 'Поддержка: уровень обслуживания' },
  { metric: 'service_level', scope: { dimension: 'queue', value: 'vip' }, period: 'day', target: 90, name: 'VIP: уровень обслуживания' },
  { metric: 'contacts_handled', scope: { dimension: 'tenant' }, period: 'month', target: 1300, name: 'Обращений за месяц' },
] as const;

/** The alert a newcomer can set off: a VIP customer left waiting for more than a minute. */
export const DEMO_ALERT_ID = 'demo-vip-oldest-wait';
export const DEMO_ALERT = {
  name: 'VIP: клиент ждёт дольше минуты',
  metric: 'oldest_contact_age',
  queueId: 'vip',
  comparison: 'gt',
  threshold: 60,
  recipients: [{ email: 'supervisor@romashka.demo' }, { phone: '+79990000000' }],
} as const;

type GoalDeps = Pick<Deps, 'plans' | 'alerts' | 'table' | 'clock'>;

/** Seeds the demo's survey settings once: chat surveys on, with NPS, so a demo chat ends with the rating buttons. */
export async function seedDemoSurveys(deps: Pick<Deps, 'surveySettings' | 'table' | 'clock'>, tenantId: string): Promise<boolean> {
  return seedOnce(deps, tenantId, 'surveys', async () => {
    if (await deps.surveySettings.get(tenantId)) return;
    const settings = SurveySettingsSchema.parse({ chats: true, nps: true });
    await deps.surveySettings.put({ tenantId, ...settings, updatedAt: deps.clock.now().toISOString(), updatedBy: 'demo' });
  });
}

/** Seeds the demo plans once; a plan that exists already (its id is its metric, scope and period) is left as it is. */
export async function seedDemoPlans(deps: GoalDeps, tenantId: string): Promise<boolean> {
  return seedOnce(deps, tenantId, 'plans', async () => {
    for (const body of DEMO_PLANS) {
      const plan = planFrom(CreatePlanSchema.parse(body), tenantId, deps.clock.now());
      await deps.plans.create(plan).catch(ignoreConflict);
    }
  });
}

/** Seeds the VIP wait rule once; it is evaluated on the stream from the next VIP contact on. */
export async function seedDemoAlert(deps: GoalDeps, tenantId: string): Promise<boolean> {
  return seedOnce(deps, tenantId, 'alert', async () => {
    const at = deps.clock.now().toISOString();
    const rule: AlertRule = { tenantId, alertId: DEMO_ALERT_ID, ...CreateAlertSchema.parse(DEMO_ALERT), createdAt: at, updatedAt: at, version: 1, watch: { firing: false } };
    await deps.alerts.create(rule).catch(ignoreConflict);
  });
}

const ignoreConflict = (error: unknown) => {
  if (!(error instanceof ConflictError)) throw error;
};
