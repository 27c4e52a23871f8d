/**
 * KPI plans' vocabulary, zod-free so the console imports it: what a plan targets (one metric, for the tenant, a
 * queue's team or agents, over a local day or month) and what the API answers about how far it is attained.
 */
import type { MetricUnit } from '../metrics/values.ts';

/** A plan's period: one local day or one calendar month of the tenant's time zone. */
export const PLAN_PERIODS = ['day', 'month'] as const;
export type PlanPeriod = (typeof PLAN_PERIODS)[number];

/** Whom a plan is for: the whole tenant, a queue's team, or agents (one named agent, or each agent). */
export const PLAN_DIMENSIONS = ['tenant', 'queue', 'agent'] as const;
export type PlanDimension = (typeof PLAN_DIMENSIONS)[number];

/**
 * A plan's scope. `value` is the queue or agent id; absent for the tenant, and on `agent` it means **each agent**:
 * every agent's own figure against the same target, unless the agent has a plan of their own for that metric and period.
 */
export interface PlanScope {
  dimension: PlanDimension;
  value?: string;
}

/** A target for one metric, scope and period; one plan per metric, scope and period (its id is made of them). */
export interface Plan {
  tenantId: string;
  planId: string;
  /** An interval metric of the catalog kept for the scope's dimension. */
  metric: string;
  scope: PlanScope;
  period: PlanPeriod;
  /** In the metric's unit: contacts, seconds, percent or score. */
  target: number;
  name?: string;
  /** Starts at 1; every change adds one (writes are conditional on it). */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const PLAN_LIMITS = {
  /** Plans per tenant: each-agent plans are expanded per agent in the supervisors' attainment, so keep the list short. */
  perTenant: 200,
  nameMaxLength: 80,
  /** Queue and agent ids in a scope are at most this long, so the plan's id stays a valid path segment. */
  scopeValueMaxLength: 64,
} as const;

/** The largest target per unit: a percent cannot pass 100, an NPS neither; the others are sanity bounds. */
export const TARGET_MAX: Record<MetricUnit, number> = { count: 1_000_000, seconds: 31 * 86_400, percent: 100, score: 100 };

/**
 * Where a volume stands against the share of its period gone by: ahead of it, on pace (within
 * {@link PACE_TOLERANCE} of the expected figure), or behind. A lower-is-better volume (missed offers) is ahead when below.
 */
export const PACES = ['ahead', 'on_pace', 'behind'] as const;
export type Pace = (typeof PACES)[number];

/** How far from the expected figure (target × share of the period gone by) still counts as on pace: 5 % of it either side. */
export const PACE_TOLERANCE = 0.05;
/** The cap of an attainment: beyond tenfold, the figure says nothing more (and a division by an actual of 0 has no end). */
export const ATTAINMENT_MAX_PERCENT = 999;

/** A plan's attainment at one moment. */
export interface Attainment {
  /** Actual against target in percent (100 = met exactly), 0 to {@link ATTAINMENT_MAX_PERCENT}; `null` while there is no actual. */
  percent: number | null;
  /** Whether the actual reaches the target (or, lower being better, stays within it); `null` without an actual. */
  met: boolean | null;
  /** Share of the period gone by, 0 to 1. */
  elapsed: number;
  /** Volumes only: the figure that would be on pace now (target × elapsed); `null` for averages and rates. */
  expected: number | null;
  /** Volumes only; `null` for averages and rates, which have no pace. */
  pace: Pace | null;
}

/** Whose figure a row's actual is: the plan's own scope, or for an each-agent plan one agent. */
export interface AttainmentSubject {
  dimension: PlanDimension;
  value?: string;
}

export interface AttainmentRow {
  plan: Plan;
  subject: AttainmentSubject;
  /** The metric's value over the period so far; `null` for an average or rate with nothing to average yet. */
  actual: number | null;
  attainment: Attainment;
}

/** `GET /api/plans/attainment`. */
export interface AttainmentPage {
  period: PlanPeriod;
  /** The period's first local date (`YYYY-MM-DD`; a month's 1st). */
  date: string;
  /** The period's bounds in the tenant's zone (`2026-12-03T00:00:00+03:00`), `to` exclusive. */
  from: string;
  to: string;
  timeZone: string;
  /** When the figures were read. */
  asOf: string;
  rows: AttainmentRow[];
}

/** The plan's identity as an id: `day.agent.contacts_handled.u-agent-1`, `month.tenant.service_level`; each agent has no value. */
export function planIdOf(plan: Pick<Plan, 'period' | 'metric' | 'scope'>): string {
  const { dimension, value } = plan.scope;
  return [plan.period, dimension, plan.metric, ...(value === undefined ? [] : [value])].join('.');
}
