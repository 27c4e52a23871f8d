/** What gamification needs stored (DynamoDB: `functions/adapters/dynamo/gamification-repository.ts`, pattern 48). */
import type { AchievementRule, Award, GamePeriod, Quest } from './values.ts';

export interface GamificationRepository {
  /** The tenant's stored rules: its own, and its changes of built-in ones. */
  rules(tenantId: string): Promise<AchievementRule[]>;
  /**
   * Creates (`expectedVersion` undefined: the id must be free) or replaces a rule conditional on its stored version.
   * @throws ConflictError when the id is taken or the version moved on
   */
  putRule(rule: AchievementRule, expectedVersion?: number): Promise<void>;
  /** @throws ConflictError when the version moved on; NotFoundError when absent */
  deleteRule(tenantId: string, ruleId: string, expectedVersion: number): Promise<void>;
  quests(tenantId: string): Promise<Quest[]>;
  putQuest(quest: Quest, expectedVersion?: number): Promise<void>;
  deleteQuest(tenantId: string, questId: string, expectedVersion: number): Promise<void>;
  /**
   * Stores the award once and adds its points to the agent's day, week and month holding `pointsOn` (a local date),
   * in one transaction. @returns false when the award was there already (nothing changes then)
   */
  award(award: Award, pointsOn: string): Promise<boolean>;
  /** A period's awards: the team's, or one agent's. */
  awardsOf(tenantId: string, period: GamePeriod, periodKey: string, agentId?: string): Promise<Award[]>;
  /** The agents' points in a day, week or month (by its key). */
  points(tenantId: string, period: GamePeriod, periodKey: string): Promise<Map<string, number>>;
  /** Which of the closed periods have been settled (their end-of-period rules judged). */
  settledOf(tenantId: string, periods: readonly { period: GamePeriod; key: string }[]): Promise<Set<string>>;
  markSettled(tenantId: string, period: GamePeriod, periodKey: string, at: string): Promise<void>;
}

/** `settledOf`'s members: `day#2026-12-05`. */
export const settlementKey = (period: GamePeriod, key: string): string => `${period}#${key}`;
