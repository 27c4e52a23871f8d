import { Hono, type MiddlewareHandler } from 'hono';
import type { RateLimit } from '@cc/shared/limits/ports';
import { AchievementRuleContentSchema, AchievementsQuerySchema, LeaderboardQuerySchema, QuestContentSchema, UpdateAchievementRuleSchema, UpdateQuestSchema } from '@cc/shared/gamification/schema';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { userLimit } from '../user-limit.ts';
import { readJson } from '../body.ts';
import { REPORT_LIMIT } from './metrics.ts';

/** Saves of achievement rules and quests per user a minute: an editor saves on a click. */
export const GAME_SAVE_LIMIT: RateLimit = { max: 30, windowSeconds: 60 };

/**
 * Gamification (docs/gamification.md): `GET /api/achievements` and `GET /api/leaderboard` for everyone of the
 * tenant (an agent sees colleagues' awards, only their own progress), the board's fresh awards, achievement rules
 * edited by admins and quests by supervisors.
 */
export function gamificationRoutes(deps: Pick<Deps, 'rateLimiter' | 'clock'>, services: Pick<Services, 'ruleBook' | 'gameBoards'>, auth: MiddlewareHandler<AuthEnv>) {
  const limit = userLimit(deps);
  const { ruleBook: book, gameBoards: boards } = services;

  const achievements = new Hono<AuthEnv>()
    .get('/', auth, async (c) => {
      const principal = c.get('principal');
      await limit(principal, 'reports', REPORT_LIMIT, 'report pages');
      return c.json(await boards.achievements(principal, AchievementsQuerySchema.parse(c.req.query())));
    })
    .get('/fresh', auth, async (c) => c.json({ awards: await boards.fresh(c.get('principal').tenantId) }))
    .get('/rules', auth, async (c) => c.json({ rules: await book.rules(c.get('principal').tenantId) }))
    .post('/rules', auth, requireRole('admin'), async (c) => {
      const principal = c.get('principal');
      await limit(principal, 'game-save', GAME_SAVE_LIMIT, 'achievement and quest saves');
      const rule = await book.createRule(principal, await readJson(c, AchievementRuleContentSchema));
      return c.json(rule, 201, { location: `/api/achievements/rules/${rule.ruleId}` });
    })
    .put('/rules/:ruleId', auth, requireRole('admin'), async (c) => {
      const principal = c.get('principal');
      await limit(principal, 'game-save', GAME_SAVE_LIMIT, 'achievement and quest saves');
      const body = await readJson(c, UpdateAchievementRuleSchema);
      return c.json(await book.updateRule(principal, c.req.param('ruleId'), body.version, body.rule));
    })
    .delete('/rules/:ruleId', auth, requireRole('admin'), async (c) => {
      await book.deleteRule(c.get('principal'), c.req.param('ruleId'));
      return c.body(null, 204);
    });

  const quests = new Hono<AuthEnv>()
    .get('/', auth, async (c) => c.json({ quests: await book.quests(c.get('principal').tenantId) }))
    .post('/', auth, requireRole('supervisor'), async (c) => {
      const principal = c.get('principal');
      await limit(principal, 'game-save', GAME_SAVE_LIMIT, 'achievement and quest saves');
      const quest = await book.createQuest(principal, await readJson(c, QuestContentSchema));
      return c.json(quest, 201, { location: `/api/quests/${quest.questId}` });
    })
    .put('/:questId', auth, requireRole('supervisor'), async (c) => {
      const principal = c.get('principal');
      await limit(principal, 'game-save', GAME_SAVE_LIMIT, 'achievement and quest saves');
      const body = await readJson(c, UpdateQuestSchema);
      return c.json(await book.updateQuest(principal, c.req.param('questId'), body.version, body.quest));
    })
    .delete('/:questId', auth, requireRole('supervisor'), async (c) => {
      await book.deleteQuest(c.get('principal'), c.req.param('questId'));
      return c.body(null, 204);
    });

  const leaderboard = new Hono<AuthEnv>().get('/', auth, async (c) => {
    const principal = c.get('principal');
    await limit(principal, 'reports', REPORT_LIMIT, 'report pages');
    return c.json(await boards.leaderboard(principal, LeaderboardQuerySchema.parse(c.req.query())));
  });

  return { achievements, quests, leaderboard };
}
