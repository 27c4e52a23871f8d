/**
 * Seeded randomness for generated history: the same seed always plays the same day (mulberry32, as
 * bench/random.ts, seeded from a string so each day has its own stream and a retry regenerates it exactly).
 */

/** A draw in [0, 1). */
export type Random = () => number;

/** A generator seeded by `seed` (hashed with FNV-1a). */
export function seededRandom(seed: string): Random {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let state = h | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number in [min, max). */
export const between = (random: Random, min: number, max: number): number => min + random() * (max - min);

/** True with probability `p`. */
export const chance = (random: Random, p: number): boolean => random() < p;

/** An exponential draw of mean `mean` (waiting customers' patience). */
export const exponential = (random: Random, mean: number): number => -Math.log(1 - random()) * mean;

/** One key of `weights`, drawn in proportion to its weight (keys with no or zero weight are never drawn). */
export function pickWeighted<K extends string>(random: Random, weights: Partial<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let draw = random() * total;
  for (const [key, weight] of entries) {
    draw -= weight;
    if (draw < 0 && weight > 0) return key;
  }
  return entries.filter(([, w]) => w > 0).at(-1)![0];
}

/** An index of `weights` (e.g. an hour of the day), drawn in proportion to its weight. */
export function pickIndex(random: Random, weights: readonly number[]): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let draw = random() * total;
  for (const [i, weight] of weights.entries()) {
    draw -= weight;
    if (draw < 0 && weight > 0) return i;
  }
  return weights.findLastIndex((w) => w > 0);
}
