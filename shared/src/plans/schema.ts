/**
 * The plans API's bodies and query, checked against the metric catalog: a plan's metric must be an interval
 * metric kept for the scope's dimension, and its target within the metric's unit. Whether a named queue or agent
 * exists is the route's question (it needs the table).
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { IdSchema } from '../limits/input.ts';
import { metricById } from '../metrics/catalog/index.ts';
import { PLAN_DIMENSIONS, PLAN_LIMITS, PLAN_PERIODS, TARGET_MAX, type PlanDimension } from './values.ts';

/** Why `metricId` cannot be planned for `dimension`, or undefined when it can. */
export function planMetricProblem(metricId: string, dimension: PlanDimension): string | undefined {
  const metric = metricById(metricId);
  if (!metric) return `Unknown metric "${metricId}": GET /api/metrics lists them`;
  if (metric.source !== 'interval') return `"${metricId}" is a live metric: plans are set on metrics kept per interval`;
  if (!metric.dimensions.includes(dimension)) return `"${metricId}" is not kept per ${dimension}; it is kept per ${metric.dimensions.join(', ')}`;
  return undefined;
}

/** Why `target` does not fit the metric's unit (a whole number of contacts, a percent up to 100 …), or undefined. */
export function planTargetProblem(metricId: string, target: number): string | undefined {
  const metric = metricById(metricId);
  if (!metric) return undefined;
  const max = TARGET_MAX[metric.unit];
  if (target > max) return `A target in ${metric.unit} is at most ${max}`;
  if (metric.unit === 'count' && !Number.isInteger(target)) return 'A target in contacts (count) is a whole number';
  return undefined;
}

const TargetSchema = () => z.number().min(0, 'A target is 0 or more');
const NameSchema = () => z.string().trim().min(1, 'must not be empty').max(PLAN_LIMITS.nameMaxLength);

/** A plan's scope: `value` is required for a queue, absent for the tenant, and optional for agents (absent: each agent). */
export const PlanScopeSchema = lazySchema(() => z.object({
  dimension: z.enum(PLAN_DIMENSIONS),
  value: IdSchema.max(PLAN_LIMITS.scopeValueMaxLength).optional(),
}).strict().superRefine((scope, ctx) => {
  if (scope.dimension === 'tenant' && scope.value !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'A tenant plan names no queue or agent' });
  if (scope.dimension === 'queue' && scope.value === undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'A queue plan names its queue' });
}));

/** `POST /api/plans`. */
export const CreatePlanSchema = lazySchema(() => z.object({
  metric: z.string().trim().min(1).max(64),
  scope: PlanScopeSchema,
  period: z.enum(PLAN_PERIODS),
  target: TargetSchema(),
  name: NameSchema().optional(),
}).strict().superRefine((plan, ctx) => {
  const metricProblem = planMetricProblem(plan.metric, plan.scope.dimension);
  if (metricProblem) ctx.addIssue({ code: 'custom', path: ['metric'], message: metricProblem });
  const targetProblem = planTargetProblem(plan.metric, plan.target);
  if (targetProblem) ctx.addIssue({ code: 'custom', path: ['target'], message: targetProblem });
}));
export type CreatePlan = z.infer<typeof CreatePlanSchema>;

/**
 * `PATCH /api/plans/:planId`: the target and the name (`null` clears it). What is measured, for whom and over
 * which period is the plan itself (its id): for another, create another plan. `version`, when sent, must be the
 * stored one (409 otherwise), so an edit made on a stale copy is refused.
 */
export const PatchPlanSchema = lazySchema(() => z.object({
  target: TargetSchema().optional(),
  name: NameSchema().nullable().optional(),
  version: z.number().int().min(1).optional(),
}).strict().refine((patch) => patch.target !== undefined || patch.name !== undefined, { message: 'Send target or name' }));
export type PatchPlan = z.infer<typeof PatchPlanSchema>;

/** `GET /api/plans/attainment`: the period holding `date` (today in the tenant's zone when left out), for one agent or everyone. */
export const AttainmentQuerySchema = lazySchema(() => z.object({
  period: z.enum(PLAN_PERIODS).default('day'),
  date: z.iso.date({ error: 'date must be a calendar day as YYYY-MM-DD, e.g. 2026-12-03' }).optional(),
  agentId: IdSchema.optional(),
}));
export type AttainmentQuery = z.infer<typeof AttainmentQuerySchema>;
