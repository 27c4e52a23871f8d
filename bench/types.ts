/** One measured figure, as written to `bench/results.json`. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The figure this one is compared with, measured in the same run. */
  baseline?: number;
  /** value / baseline. */
  ratio?: number;
  /** What was measured, how, and the goal. */
  notes: string;
}

/** Percentile (0–100) of unsorted samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
