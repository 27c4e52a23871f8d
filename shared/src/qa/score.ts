/**
 * An evaluation's score (docs/qa.md#the-score). The functions live in the zod-free `values.ts` so the console shows
 * the same total live as the server stores; this module keeps the server's import path.
 */
export { answerScore, totalScore } from './values.ts';
