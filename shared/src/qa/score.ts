/**
 * An evaluation's score, pure and zod-free (the console shows it live): each answer normalised to 0–1 (yes 1,
 * partial 0.5, no 0; a mark n as (n − 1) / 4), the total the weighted mean of the answered parameters × 100.
 */
import type { QaAnswerValue, QaParameter } from './values.ts';

/** An answer on the 0–1 scale, or undefined for `not_applicable` (left out of the score). */
export function answerScore(answer: QaAnswerValue): number | undefined {
  if (answer === 'not_applicable') return undefined;
  if (answer === 'yes') return 1;
  if (answer === 'partial') return 0.5;
  if (answer === 'no') return 0;
  return (answer - 1) / 4;
}

/**
 * Σ weight·score ÷ Σ weight of the answered parameters × 100, rounded to one decimal; `null` when nothing is
 * answered (every parameter unanswered or not applicable). Answers of parameters not on the form are ignored.
 */
export function totalScore(parameters: readonly QaParameter[], answers: ReadonlyMap<string, QaAnswerValue | undefined> | Readonly<Record<string, QaAnswerValue | undefined>>): number | null {
  const read = (id: string) => (answers instanceof Map ? answers.get(id) : (answers as Record<string, QaAnswerValue | undefined>)[id]);
  let points = 0;
  let weights = 0;
  for (const parameter of parameters) {
    const answer = read(parameter.parameterId);
    const score = answer === undefined ? undefined : answerScore(answer);
    if (score === undefined) continue;
    points += parameter.weight * score;
    weights += parameter.weight;
  }
  if (weights === 0) return null;
  return Math.round((points / weights) * 1000) / 10;
}
