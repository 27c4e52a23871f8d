/** A refused save in words: the fields the server named (by path), a change made meanwhile, or a failure. */
import { ProblemError } from '../../api/errors.ts';
import type { MessageKey } from '../../i18n/messages.ts';

export type GameField = 'name' | 'description' | 'metric' | 'threshold' | 'steps' | 'queueIds' | 'points' | 'form';
export type GameErrors = Partial<Record<GameField, MessageKey>>;

const FIELD_MESSAGE: Record<Exclude<GameField, 'form'>, MessageKey> = {
  name: 'motivation.form.error.name',
  description: 'motivation.form.error.description',
  metric: 'motivation.form.error.metric',
  threshold: 'motivation.form.error.threshold',
  steps: 'motivation.form.error.steps',
  queueIds: 'motivation.form.error.queues',
  points: 'motivation.form.error.points',
};

export function gameErrors(error: unknown): GameErrors {
  if (!(error instanceof ProblemError)) return { form: 'motivation.form.error.failed' };
  if (error.status === 409) return { form: 'motivation.form.error.changed' };
  if (error.status === 403) return { form: 'motivation.form.error.forbidden' };
  if (error.status !== 400) return { form: 'motivation.form.error.failed' };
  const found: GameErrors = {};
  const paths = (error.problem?.errors ?? []).map((e) => String((e as { path?: unknown }).path ?? ''));
  for (const path of paths) {
    const head = path.split('.')[0] as Exclude<GameField, 'form'>;
    if (head in FIELD_MESSAGE) found[head] = FIELD_MESSAGE[head];
  }
  return Object.keys(found).length > 0 ? found : { form: 'motivation.form.error.invalid' };
}
