/**
 * The audio prompts every tenant has, where the SIP media application finds them (the voice stack uploads
 * `infra/assets/voice-prompts/` to the prompts bucket) and how long each plays, so holding fills its period.
 */
import type { PromptId } from '@cc/shared/voice/vocabulary';

export const PROMPT_FILES: Record<PromptId, { key: string; durationSeconds: number }> = {
  'hold-music': { key: 'hold-music.wav', durationSeconds: 10 },
};

/** Locally the emulator plays prompts from this bucket name; it knows the same keys and durations. */
export const LOCAL_PROMPTS_BUCKET = 'local-voice-prompts';
export const LOCAL_RECORDINGS_BUCKET = 'local-voice-recordings';

/** The prompt library in the SMA adapter's shape, for the bucket of this deployment. */
export function promptLibrary(bucket: string) {
  return Object.fromEntries(Object.entries(PROMPT_FILES).map(([id, file]) => [id, { bucket, key: file.key, durationSeconds: file.durationSeconds }]));
}
