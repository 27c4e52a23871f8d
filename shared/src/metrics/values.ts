/**
 * The metrics module's zod-free vocabulary, which the console may import: the dimensions a figure is kept for,
 * report intervals, units, and the measures (raw sums and maxima) every metric is computed from. Metric
 * definitions are in `catalog/`; how contact and agent changes become measures is in `events.ts`.
 */

import { BREAK_REASONS, type BreakReason } from '../agents/values.ts';

/** What a figure is kept per: the whole tenant, a queue, an agent, a channel kind. */
export const DIMENSIONS = ['tenant', 'queue', 'agent', 'channel'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * Report buckets: stored 15-minute intervals (UTC) and their sums; days, weeks and months in the tenant's zone;
 * `total`: the whole range as one bucket (the bars per queue or agent).
 */
export const REPORT_INTERVALS = ['15m', 'hour', 'day', 'week', 'month', 'total'] as const;
export type ReportInterval = (typeof REPORT_INTERVALS)[number];

/** Report grouping: one row per queue, agent or channel kind (or one for the tenant) and interval. */
export const GROUP_BYS = ['queue', 'agent', 'channel', 'tenant'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export const METRIC_UNITS = ['count', 'seconds', 'percent', 'score'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

/** The wallboard's KPI tiles: today's figures per queue and for the tenant, pushed as they change. */
export const KPI_TILES = ['contacts_handled', 'contacts_abandoned', 'abandonment_rate', 'service_level', 'average_speed_of_answer', 'average_handle_time', 'max_queue_wait'] as const;

/** One queue's (or the tenant's) KPI tiles for one local day. */
export interface KpiSnapshot {
  dimension: 'queue' | 'tenant';
  /** The queue id, or `*` for the tenant. */
  value: string;
  /** The tenant's local date the figures are of. */
  date: string;
  values: Record<string, number | null>;
  generatedAt: string;
}

/** Length of a stored interval. */
export const INTERVAL_MINUTES = 15;
export const INTERVAL_MS = INTERVAL_MINUTES * 60_000;

/** An abandon this soon after entering the queue is a short abandon (a misdial, a customer who changed their mind). */
export const SHORT_ABANDON_SECONDS = 10;
/** A customer who comes back within this window after a closed contact makes it a repeat: not resolved at first contact. */
export const REPEAT_WINDOW_HOURS = 24;

/**
 * Additive measures, summed over events, intervals and shards. Seconds are whole-contact durations attributed
 * to the interval the contact reached the step in (a handle time to the interval it closed in).
 */
export const SUM_MEASURES = [
  'arrived', 'queued', 'transferredIn', 'transferredOut',
  'offered', 'offersAccepted', 'offersMissed',
  'handled', 'answeredInTime', 'answerWaitSeconds',
  'abandoned', 'abandonedLate', 'shortAbandoned', 'abandonWaitSeconds', 'removed', 'replacedByCallback',
  'queueLeft', 'queueWaitSeconds',
  'closed', 'closedAfterAnswer', 'handleSeconds', 'repeated',
  'talkContacts', 'talkSeconds', 'chatContacts', 'chatSeconds',
  'heldContacts', 'holds', 'holdSeconds',
  'wrapUps', 'wrapUpSeconds', 'wrapUpsWithTopic',
  'outOfHours', 'repeatContacts',
  'callbacksRequested', 'callbacksCompleted', 'callbacksUnreachable', 'voicemails',
  'dialAttempts', 'dialsAnswered',
  'takenOver', 'monitored',
  'messagesIn', 'messagesOut', 'firstResponses', 'firstResponseSeconds', 'responses', 'responseSeconds',
  // Surveys: sent and answered (any question); CSI ratings 1–5 with their sum and the 4s and 5s; NPS answers 0–10
  // with their promoters (9–10) and detractors (0–6). Aggregates from before NPS counted 1–5 here, without npsAnswers.
  'surveysSent', 'surveysAnswered', 'surveys', 'surveyScore', 'satisfied', 'npsAnswers', 'promoters', 'detractors',
  'availableSeconds', 'busySeconds', 'afterContactWorkSeconds', 'breakSeconds',
] as const;

/** Break time per reason, one measure per reason of the agents' vocabulary. */
export type BreakMeasure = `break.${BreakReason}`;
export const breakMeasure = (reason: BreakReason): BreakMeasure => `break.${reason}`;
export const BREAK_MEASURES: readonly BreakMeasure[] = BREAK_REASONS.map(breakMeasure);

export type SumMeasure = (typeof SUM_MEASURES)[number] | BreakMeasure;

/**
 * Measures kept as a maximum (idempotent and order-free by nature): the longest queue wait, and the slowest answer
 * of an agent (a call's ringing before pick-up; a chat's wait for the agent's first reply once connected).
 */
export const MAX_MEASURES = ['maxQueueWaitSeconds', 'maxAgentAnswerSeconds'] as const;
export type MaxMeasure = (typeof MAX_MEASURES)[number];

export type Measure = SumMeasure | MaxMeasure;
/** Measures of one interval and dimension value; an absent measure is 0 (sums) or unknown (maxima). */
export type Measures = Partial<Record<Measure, number>>;

const MAXIMA: ReadonlySet<string> = new Set(MAX_MEASURES);
export const isMaxMeasure = (measure: string): measure is MaxMeasure => MAXIMA.has(measure);

/** `a` plus `b`: sums added, maxima the larger. Neither input is changed. */
export function addMeasures(a: Measures, b: Measures): Measures {
  const out: Measures = { ...a };
  for (const [key, value] of Object.entries(b) as [Measure, number][]) {
    const current = out[key];
    out[key] = current === undefined ? value : isMaxMeasure(key) ? Math.max(current, value) : current + value;
  }
  return out;
}
