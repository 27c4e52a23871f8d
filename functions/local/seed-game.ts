/**
 * The demo's gamification, seeded once: a quest for the whole team and an achievement of the tenant's own beside the
 * four built-in ones. The demo's past days (seed-history.ts) are settled on the board's first read, so yesterday's
 * «Голкипер» and «Спикер» are on the board from the first start.
 */
import { AchievementRuleContentSchema, QuestContentSchema } from '@cc/shared/gamification/schema';
import type { AchievementRule, Quest } from '@cc/shared/gamification/values';
import { ConflictError } from '@cc/shared/errors';
import type { Deps } from '../composition/deps.ts';
import { seedOnce } from './seed-once.ts';

export const DEMO_QUEST = {
  name: { ru: 'День перезвонов', en: 'Callback day' },
  description: { ru: 'Перезвоните тем, кто просил, и обслужите десять обращений за день.', en: 'Call back those who asked, and handle ten contacts in the day.' },
  icon: 'phone', period: 'day', points: 25, queueIds: [],
  steps: [
    { stepId: 'callbacks', label: { ru: 'Перезвонить двум клиентам', en: 'Call two customers back' }, metric: 'callbacks_completed', target: 2 },
    { stepId: 'topics', label: { ru: 'Указать тематику у пяти обращений', en: 'Set a topic on five contacts' }, metric: 'contacts_with_topic', target: 5 },
    { stepId: 'handled', label: { ru: 'Обслужить десять обращений', en: 'Handle ten contacts' }, metric: 'contacts_handled', target: 10 },
  ],
} as const;

export const DEMO_RULE = {
  name: { ru: 'Марафонец', en: 'Marathoner' },
  description: { ru: 'Тридцать обслуженных обращений за день.', en: 'Thirty contacts handled in a day.' },
  icon: 'rocket', metric: 'contacts_handled', comparison: 'gte', threshold: 30, period: 'day', minHandled: 0, points: 20, enabled: true,
} as const;

export async function seedDemoGame(deps: Pick<Deps, 'gamification' | 'table' | 'clock'>, tenantId: string, supervisorId: string): Promise<boolean> {
  return seedOnce(deps, tenantId, 'gamification', async () => {
    const at = deps.clock.now().toISOString();
    const quest: Quest = { ...QuestContentSchema.parse(DEMO_QUEST), tenantId, questId: 'demo-callback-day', version: 1, createdBy: supervisorId, updatedAt: at };
    const rule: AchievementRule = { ...AchievementRuleContentSchema.parse(DEMO_RULE), tenantId, ruleId: 'demo-marathon', builtIn: false, version: 1, updatedAt: at, updatedBy: 'demo' };
    await deps.gamification.putQuest(quest).catch(ignoreConflict);
    await deps.gamification.putRule(rule).catch(ignoreConflict);
  });
}

const ignoreConflict = (error: unknown) => {
  if (!(error instanceof ConflictError)) throw error;
};
