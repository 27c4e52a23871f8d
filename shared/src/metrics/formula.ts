/**
 * A metric's formula as data: a sum of measures, a ratio of two sums (scaled, e.g. ×100 for percent) or a
 * maximum. One description drives the value, the formula text in the catalog and docs/metrics.md, so the three
 * never disagree. A ratio with nothing below the line is `null` (no data), never 0.
 */
import type { MaxMeasure, Measure, Measures } from './values.ts';

/** A measure added, or subtracted with a leading minus. */
export type Term = Measure | `-${Measure}`;

export type Formula =
  | { readonly sum: readonly Term[] }
  | { readonly ratio: readonly Term[]; readonly over: readonly Term[]; readonly scale?: number }
  | { readonly max: MaxMeasure };

function total(terms: readonly Term[], measures: Measures): number {
  let sum = 0;
  for (const term of terms) {
    const negative = term.startsWith('-');
    const value = measures[(negative ? term.slice(1) : term) as Measure] ?? 0;
    sum += negative ? -value : value;
  }
  return sum;
}

/** The metric's value over `measures` (already summed over intervals and shards), or `null` for no data. */
export function evaluate(formula: Formula, measures: Measures): number | null {
  if ('max' in formula) return measures[formula.max] ?? null;
  if ('sum' in formula) return total(formula.sum, measures);
  const below = total(formula.over, measures);
  if (below === 0) return null;
  return ((formula.scale ?? 1) * total(formula.ratio, measures)) / below;
}

const termsText = (terms: readonly Term[]): string =>
  terms.map((t, i) => (t.startsWith('-') ? `− ${t.slice(1)}` : i === 0 ? t : `+ ${t}`)).join(' ');
const grouped = (terms: readonly Term[]): string => (terms.length > 1 ? `(${termsText(terms)})` : termsText(terms));

/** The formula in words of the measures, e.g. `100 × answeredInTime ÷ (handled + abandonedLate)`. */
export function formulaText(formula: Formula): string {
  if ('max' in formula) return `max(${formula.max})`;
  if ('sum' in formula) return termsText(formula.sum);
  const scale = formula.scale !== undefined && formula.scale !== 1 ? `${formula.scale} × ` : '';
  return `${scale}${grouped(formula.ratio)} ÷ ${grouped(formula.over)}`;
}

/** Every measure the formula reads (a report fetches no more than these). */
export function measuresOf(formula: Formula): Measure[] {
  if ('max' in formula) return [formula.max];
  const terms = 'sum' in formula ? formula.sum : [...formula.ratio, ...formula.over];
  return [...new Set(terms.map((t) => (t.startsWith('-') ? t.slice(1) : t) as Measure))];
}
