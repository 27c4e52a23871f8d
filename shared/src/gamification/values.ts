/**
 * The gamification module's zod-free vocabulary, which the console may import: periods, comparisons and icons,
 * achievement rules, quests, awards (earned achievements and completed quests, with when and why), points and the
 * leaderboard. The rules are declarative: a metric of the catalog over a period, compared with a threshold or with
 * the team; evaluation is in `rules.ts`, quests' progress in `quests.ts`.
 */

/** What a rule or quest is measured over: the tenant's local day, week (Monday first) or month. */
export const GAME_PERIODS = ['day', 'week', 'month'] as const;
export type GamePeriod = (typeof GAME_PERIODS)[number];

/**
 * How a rule's metric is judged: against its threshold, or `top`: the best figure of the team in the period (by
 * the metric's better direction; every agent tied for it earns it).
 */
export const COMPARISONS = ['gte', 'gt', 'lte', 'lt', 'top'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** The badges' pictures (the console draws each; a tenant picks one per rule or quest). */
export const ACHIEVEMENT_ICONS = ['book', 'shield', 'microphone', 'bolt', 'star', 'trophy', 'heart', 'rocket', 'target', 'crown', 'phone', 'chat'] as const;
export type AchievementIcon = (typeof ACHIEVEMENT_ICONS)[number];

export interface Localized {
  ru: string;
  en: string;
}

/** What an achievement rule says: the part an admin edits. */
export interface AchievementRuleContent {
  name: Localized;
  description: Localized;
  icon: AchievementIcon;
  /** A metric of the catalog kept per agent (`GET /api/metrics`). */
  metric: string;
  comparison: Comparison;
  /** In the metric's unit; absent for `top`. */
  threshold?: number;
  period: GamePeriod;
  /** Contacts the agent must have handled in the period to qualify: nobody keeps a clean sheet without playing. */
  minHandled: number;
  points: number;
  enabled: boolean;
}

export interface AchievementRule extends AchievementRuleContent {
  tenantId: string;
  ruleId: string;
  /** One of the four shipped rules (configurable, never deleted: switched off instead). */
  builtIn: boolean;
  version: number;
  updatedAt: string;
  updatedBy?: string;
}

/** One step of a quest: a volume metric of the agent that must reach its target in the period. */
export interface QuestStep {
  stepId: string;
  label: Localized;
  /** A metric that only grows over a period (a count or a sum of seconds), kept per agent. */
  metric: string;
  target: number;
}

export interface QuestContent {
  name: Localized;
  description: Localized;
  icon: AchievementIcon;
  period: GamePeriod;
  steps: QuestStep[];
  /** The reward on completing every step: points, and the badge shown with the quest's name and icon. */
  points: number;
  /** The queues whose agents take part; empty: every agent. */
  queueIds: string[];
  enabled: boolean;
}

export interface Quest extends QuestContent {
  tenantId: string;
  questId: string;
  version: number;
  createdBy: string;
  updatedAt: string;
}

/** Why an award was given: the figure, what it was compared with, and the contacts that qualified the agent. */
export interface AwardReason {
  metric: string;
  value: number;
  comparison: Comparison | 'quest';
  threshold?: number;
  handled: number;
  /** For `top`: how many agents qualified. */
  of?: number;
}

/** An earned achievement or a completed quest, once per agent, source and period. */
export interface Award {
  tenantId: string;
  agentId: string;
  kind: 'achievement' | 'quest';
  /** The rule's or the quest's id. */
  sourceId: string;
  period: GamePeriod;
  /** The period's first local date (`2026-12-07` for the week of Monday 7 December, `2026-12-01` for December). */
  periodKey: string;
  /** The name and icon as they were when earned. */
  name: Localized;
  icon: AchievementIcon;
  points: number;
  earnedAt: string;
  why: AwardReason;
}

/** A rule's or quest's standing for one agent in a period that is still going: what the workspace card shows. */
export interface ProgressRow {
  kind: 'achievement' | 'quest';
  sourceId: string;
  name: Localized;
  icon: AchievementIcon;
  period: GamePeriod;
  /** `earned`; `on-track`: would be earned if the period ended now; `behind`: would not; `waiting`: not enough contacts yet. */
  status: 'earned' | 'on-track' | 'behind' | 'waiting';
  value: number | null;
  threshold?: number;
  comparison: Comparison | 'quest';
  /** Quests: each step's figure against its target. */
  steps?: { stepId: string; label: Localized; value: number; target: number; done: boolean }[];
}

/** `GET /api/achievements`: the agent's awards in the period, with when and why, and where the rest stand. */
export interface AchievementsPage {
  agentId: string;
  period: GamePeriod;
  periodKey: string;
  from: string;
  to: string;
  achievements: Award[];
  progress: ProgressRow[];
  points: number;
}

/** The leaderboard's metric besides the catalog's: the points awards gave. */
export const POINTS = 'points';

export interface LeaderboardRow {
  agentId: string;
  name: string;
  value: number | null;
  /** Competition ranking: agents with the same figure share a rank, the next rank skips. */
  rank: number | null;
  points: number;
  status?: string;
}

/** `GET /api/leaderboard`. */
export interface Leaderboard {
  metric: string;
  period: GamePeriod;
  periodKey: string;
  from: string;
  to: string;
  better: 'higher' | 'lower';
  rows: LeaderboardRow[];
  asOf: string;
}

/** Limits: a tenant's own rules and quests, steps per quest, and how far back a board reads fresh awards. */
export const MAX_RULES = 50;
export const MAX_QUESTS = 30;
export const MAX_QUEST_STEPS = 8;
export const MAX_POINTS = 10_000;
export const FRESH_AWARDS = 20;

/** The award's partition key part: kind and source (`achievement#goalkeeper`). */
export const awardSource = (award: Pick<Award, 'kind' | 'sourceId'>): string => `${award.kind}#${award.sourceId}`;
