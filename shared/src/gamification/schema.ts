/**
 * The gamification API's bodies and queries, checked against the metric catalog: a rule's metric must be an
 * interval metric kept per agent, its threshold within the metric's unit; a quest's steps must be volumes (figures
 * that only grow over a period) with whole targets for counts.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { IdSchema } from '../limits/input.ts';
import { metricById } from '../metrics/catalog/index.ts';
import { planTargetProblem } from '../plans/schema.ts';
import { grows } from './rules.ts';
import { ACHIEVEMENT_ICONS, COMPARISONS, GAME_PERIODS, MAX_POINTS, MAX_QUEST_STEPS, POINTS } from './values.ts';

/** Why `metricId` cannot be judged per agent, or undefined when it can. */
export function agentMetricProblem(metricId: string, volume = false): string | undefined {
  const metric = metricById(metricId);
  if (!metric) return `Unknown metric "${metricId}": GET /api/metrics lists them`;
  if (metric.source !== 'interval') return `"${metricId}" is a live metric: achievements and quests use metrics kept per interval`;
  if (!metric.dimensions.includes('agent')) return `"${metricId}" is not kept per agent`;
  if (volume && !grows(metric)) return `"${metricId}" is not a volume: a quest step counts something that only grows over the period`;
  return undefined;
}

const LocalizedSchema = (max: number) => z.object({ ru: z.string().trim().min(1, 'must not be empty').max(max), en: z.string().trim().min(1, 'must not be empty').max(max) }).strict();
const PointsSchema = () => z.number().int('Points are a whole number').min(0).max(MAX_POINTS);

/** `POST /api/achievements/rules` and the content of `PUT /api/achievements/rules/:ruleId`. */
export const AchievementRuleContentSchema = lazySchema(() => z.object({
  name: LocalizedSchema(60),
  description: LocalizedSchema(300),
  icon: z.enum(ACHIEVEMENT_ICONS),
  metric: z.string().trim().min(1).max(64),
  comparison: z.enum(COMPARISONS),
  threshold: z.number().min(0).optional(),
  period: z.enum(GAME_PERIODS),
  minHandled: z.number().int().min(0).max(10_000).default(1),
  points: PointsSchema(),
  enabled: z.boolean().default(true),
}).strict().superRefine((rule, ctx) => {
  const metricProblem = agentMetricProblem(rule.metric);
  if (metricProblem) ctx.addIssue({ code: 'custom', path: ['metric'], message: metricProblem });
  if (rule.comparison === 'top' && rule.threshold !== undefined) ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'The team’s best has no threshold' });
  if (rule.comparison !== 'top' && rule.threshold === undefined) ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'A comparison needs a threshold' });
  const targetProblem = rule.threshold === undefined ? undefined : planTargetProblem(rule.metric, rule.threshold);
  if (targetProblem) ctx.addIssue({ code: 'custom', path: ['threshold'], message: targetProblem.replace('A target', 'A threshold') });
}));
export type AchievementRuleInput = z.infer<typeof AchievementRuleContentSchema>;

export const UpdateAchievementRuleSchema = lazySchema(() => z.object({ version: z.number().int().min(0), rule: AchievementRuleContentSchema }).strict());

const QuestStepSchema = () => z.object({
  stepId: IdSchema.max(40),
  label: LocalizedSchema(120),
  metric: z.string().trim().min(1).max(64),
  target: z.number().min(1, 'A step’s target is at least 1'),
}).strict().superRefine((step, ctx) => {
  const metricProblem = agentMetricProblem(step.metric, true);
  if (metricProblem) ctx.addIssue({ code: 'custom', path: ['metric'], message: metricProblem });
  const targetProblem = planTargetProblem(step.metric, step.target);
  if (targetProblem) ctx.addIssue({ code: 'custom', path: ['target'], message: targetProblem });
});

/** `POST /api/quests` and the content of `PUT /api/quests/:questId`. */
export const QuestContentSchema = lazySchema(() => z.object({
  name: LocalizedSchema(80),
  description: LocalizedSchema(400),
  icon: z.enum(ACHIEVEMENT_ICONS),
  period: z.enum(GAME_PERIODS),
  steps: z.array(QuestStepSchema()).min(1, 'A quest has at least one step').max(MAX_QUEST_STEPS),
  points: PointsSchema(),
  queueIds: z.array(IdSchema.max(64)).max(50).default([]),
  enabled: z.boolean().default(true),
}).strict().superRefine((quest, ctx) => {
  const ids = quest.steps.map((s) => s.stepId);
  ids.forEach((id, i) => { if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['steps', i, 'stepId'], message: `Step id "${id}" is used twice` }); });
}));
export type QuestInput = z.infer<typeof QuestContentSchema>;

export const UpdateQuestSchema = lazySchema(() => z.object({ version: z.number().int().min(1), quest: QuestContentSchema }).strict());

const DateSchema = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A local date, YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'Not a calendar date');

/** `GET /api/achievements?agentId=…&period=day|week|month[&date=YYYY-MM-DD]`. */
export const AchievementsQuerySchema = lazySchema(() => z.object({
  agentId: IdSchema.max(128).optional(),
  period: z.enum(GAME_PERIODS).default('day'),
  date: DateSchema().optional(),
}).strict());

/** `GET /api/leaderboard?metric=points|<metric id>&period=…[&queueId=…][&date=…]`. */
export const LeaderboardQuerySchema = lazySchema(() => z.object({
  metric: z.string().trim().min(1).max(64).default(POINTS),
  period: z.enum(GAME_PERIODS).default('day'),
  queueId: IdSchema.max(64).optional(),
  date: DateSchema().optional(),
}).strict().superRefine((query, ctx) => {
  const problem = query.metric === POINTS ? undefined : agentMetricProblem(query.metric);
  if (problem) ctx.addIssue({ code: 'custom', path: ['metric'], message: `${problem} (or "points")` });
}));
