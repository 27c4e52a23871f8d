/** What a catalog entry says about a metric (the catalog itself is split by subject in this folder). */
import type { Formula } from '../formula.ts';
import type { Dimension, MetricUnit } from '../values.ts';

export interface Localized {
  readonly ru: string;
  readonly en: string;
}

/** Live figures a live metric reads: one queue's (or the tenant's, summed) waiting contacts and agents right now. */
export interface LiveFigures {
  waiting: number;
  oldestWaitSeconds: number;
  inProgress: number;
  agentsOnline: number;
  agentsAvailable: number;
  agentsBusy: number;
  agentsInAfterContactWork: number;
  agentsOnBreak: number;
}

interface MetricBase {
  /** snake_case, stable: reports, alerts and plans name metrics by it. */
  readonly id: string;
  readonly name: Localized;
  readonly description: Localized;
  readonly unit: MetricUnit;
  readonly dimensions: readonly Dimension[];
  /** Which way is good, for plan attainment and colours; absent when neither is (a volume). */
  readonly better?: 'higher' | 'lower';
}

/** Computed from the 15-minute aggregates (and their sums over hours, days, weeks, months). */
export interface IntervalMetric extends MetricBase {
  readonly source: 'interval';
  readonly formula: Formula;
}

/** Read from the current state (the wallboard's figures), not kept per interval. */
export interface LiveMetric extends MetricBase {
  readonly source: 'live';
  readonly live: keyof LiveFigures;
}

export type MetricDefinition = IntervalMetric | LiveMetric;

/** A metric as `GET /api/metrics` serves it: the formula in words. */
export interface MetricView {
  id: string;
  name: Localized;
  description: Localized;
  unit: MetricUnit;
  dimensions: readonly Dimension[];
  source: 'interval' | 'live';
  formula: string;
  better?: 'higher' | 'lower';
}

const ALL: readonly Dimension[] = ['tenant', 'queue', 'agent', 'channel'];
const CONTACT: readonly Dimension[] = ALL;
const QUEUE: readonly Dimension[] = ['tenant', 'queue', 'channel'];
const AGENT: readonly Dimension[] = ['tenant', 'agent'];

/** Dimension sets: contact figures exist for every dimension; waiting ones have no agent yet; presence has no queue. */
export const DIMS = { CONTACT, QUEUE, AGENT } as const;

/** An interval metric entry (keeps the entries short). */
export function metric(id: string, unit: MetricUnit, dimensions: readonly Dimension[], formula: Formula, name: Localized, description: Localized, better?: 'higher' | 'lower'): IntervalMetric {
  return { id, source: 'interval', unit, dimensions, formula, name, description, ...(better && { better }) };
}
