/** Reading action parameters the way the SMA does: numbers may arrive as strings, defaults apply. */

export type Prompt =
  | { kind: 'speech'; text: string; language?: string; voice?: string; engine?: string; ssml: boolean }
  | { kind: 'audio'; key: string; bucket?: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A numeric parameter given as a number or a numeric string; `fallback` when absent or unreadable. */
export function numberParam(value: unknown, fallback: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** Speech parameters (`Text`, `LanguageCode`, …), missing fields taken from `defaults`; undefined without text. */
export function speechOf(value: unknown, defaults?: unknown): Prompt | undefined {
  const base = isRecord(defaults) ? defaults : {};
  const own = isRecord(value) ? value : undefined;
  if (!own || typeof own.Text !== 'string' || own.Text === '') return undefined;
  const pick = (key: string) => (typeof own[key] === 'string' ? own[key] : typeof base[key] === 'string' ? base[key] : undefined) as string | undefined;
  const prompt: Prompt = { kind: 'speech', text: own.Text, ssml: pick('TextType') === 'ssml' };
  const language = pick('LanguageCode');
  const voice = pick('VoiceId');
  const engine = pick('Engine');
  if (language) prompt.language = language;
  if (voice) prompt.voice = voice;
  if (engine) prompt.engine = engine;
  return prompt;
}

/** Polly voices with only the standard engine among those we use: Russian has no neural voice. */
const STANDARD_ONLY_VOICES = new Set(['Tatyana', 'Maxim']);

/** Why Polly would refuse this speech, or undefined; the emulator fails the action like the SMA would. */
export function speechProblem(prompt: Prompt): string | undefined {
  if (prompt.kind !== 'speech' || prompt.engine !== 'neural') return undefined;
  if (prompt.language === 'ru-RU' || STANDARD_ONLY_VOICES.has(prompt.voice ?? '')) return `There is no neural voice for ${prompt.voice ?? prompt.language}; use Engine "standard".`;
  return undefined;
}

/** An S3 audio source; undefined when it names no key. */
export function promptOf(value: unknown): Prompt | undefined {
  if (!isRecord(value) || typeof value.Key !== 'string') return undefined;
  const prompt: Prompt = { kind: 'audio', key: value.Key };
  if (typeof value.BucketName === 'string') prompt.bucket = value.BucketName;
  return prompt;
}
