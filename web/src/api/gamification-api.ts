import type { AchievementRule, AchievementRuleContent, AchievementsPage, Award, GamePeriod, Leaderboard, Quest, QuestContent } from '@cc/shared/gamification/values';
import { searchOf, type RequestOptions } from './http.ts';

/** Gamification (docs/gamification.md): achievements, quests, the leaderboard and the board's fresh awards. */
export interface GamificationApi {
  achievements(query: { agentId?: string; period: GamePeriod; date?: string }): Promise<AchievementsPage>;
  freshAwards(): Promise<Award[]>;
  leaderboard(query: { metric?: string; period: GamePeriod; queueId?: string; date?: string }): Promise<Leaderboard>;
  achievementRules(): Promise<AchievementRule[]>;
  createAchievementRule(rule: AchievementRuleContent): Promise<AchievementRule>;
  /** 409 `rule_changed` when `version` is not the current one (0 for a built-in never changed). */
  updateAchievementRule(ruleId: string, version: number, rule: AchievementRuleContent): Promise<AchievementRule>;
  deleteAchievementRule(ruleId: string): Promise<void>;
  quests(): Promise<Quest[]>;
  createQuest(quest: QuestContent): Promise<Quest>;
  updateQuest(questId: string, version: number, quest: QuestContent): Promise<Quest>;
  deleteQuest(questId: string): Promise<void>;
}

type JsonCall = <T>(path: string, init?: Omit<RequestOptions, 'token' | 'fetch'>) => Promise<T>;
const id = encodeURIComponent;

/** The gamification part of the API client, over the client's authenticated `call`. */
export function gamificationApi(call: JsonCall): GamificationApi {
  return {
    achievements: (query) => call<AchievementsPage>(`/api/achievements${searchOf(query)}`),
    freshAwards: async () => (await call<{ awards: Award[] }>('/api/achievements/fresh')).awards,
    leaderboard: (query) => call<Leaderboard>(`/api/leaderboard${searchOf(query)}`),
    achievementRules: async () => (await call<{ rules: AchievementRule[] }>('/api/achievements/rules')).rules,
    createAchievementRule: (rule) => call<AchievementRule>('/api/achievements/rules', { method: 'POST', body: rule }),
    updateAchievementRule: (ruleId, version, rule) => call<AchievementRule>(`/api/achievements/rules/${id(ruleId)}`, { method: 'PUT', body: { version, rule } }),
    deleteAchievementRule: async (ruleId) => void (await call<unknown>(`/api/achievements/rules/${id(ruleId)}`, { method: 'DELETE' })),
    quests: async () => (await call<{ quests: Quest[] }>('/api/quests')).quests,
    createQuest: (quest) => call<Quest>('/api/quests', { method: 'POST', body: quest }),
    updateQuest: (questId, version, quest) => call<Quest>(`/api/quests/${id(questId)}`, { method: 'PUT', body: { version, quest } }),
    deleteQuest: async (questId) => void (await call<unknown>(`/api/quests/${id(questId)}`, { method: 'DELETE' })),
  };
}
