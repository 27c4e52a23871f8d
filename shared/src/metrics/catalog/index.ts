/**
 * The metric catalog: every figure the contact center computes, with its names, description, unit, formula and
 * dimensions. `GET /api/metrics` serves it; docs/metrics.md is generated from it (`npm run docs:metrics`).
 */
import { AGENT_METRICS } from './agents.ts';
import { CHANNEL_METRICS } from './channels.ts';
import { HANDLING_METRICS } from './handling.ts';
import { LIVE_METRICS } from './live.ts';
import { QUEUEING_METRICS } from './queueing.ts';
import type { IntervalMetric, MetricDefinition } from './types.ts';

export type { IntervalMetric, LiveFigures, LiveMetric, Localized, MetricDefinition, MetricView } from './types.ts';

export const METRIC_CATALOG: readonly MetricDefinition[] = [...LIVE_METRICS, ...QUEUEING_METRICS, ...HANDLING_METRICS, ...AGENT_METRICS, ...CHANNEL_METRICS];

const BY_ID = new Map(METRIC_CATALOG.map((m) => [m.id, m]));

export const metricById = (id: string): MetricDefinition | undefined => BY_ID.get(id);

export const INTERVAL_METRICS: readonly IntervalMetric[] = METRIC_CATALOG.filter((m): m is IntervalMetric => m.source === 'interval');
