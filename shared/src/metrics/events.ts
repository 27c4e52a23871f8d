/**
 * Metric events: what one stored change adds to the aggregates. Each event carries a stable id (the same change
 * always yields the same ids, so a redelivered stream record is recognised), the instant it counts at (which picks
 * its 15-minute interval), the dimension values it counts for, and its measures. Events are independent of one
 * another, so folding them in any order gives the same aggregates.
 */
import type { ChannelKind } from '../channels/catalog.ts';
import type { MaxMeasure, SumMeasure } from './values.ts';

export interface MetricEvent {
  readonly id: string;
  /** ISO instant; its 15-minute interval and local day are where the measures count. */
  readonly at: string;
  readonly queueId?: string;
  readonly agentId?: string;
  readonly channel?: ChannelKind;
  readonly add: Partial<Record<SumMeasure, number>>;
  readonly max?: Partial<Record<MaxMeasure, number>>;
}

/** Seconds from `from` to `to` (ISO instants), never negative, to the millisecond. */
export function secondsBetween(from: string, to: string): number {
  return Math.max(0, Date.parse(to) - Date.parse(from)) / 1000;
}
