/** The keypad's dual tones: each key sounds its row's low frequency with its column's high one (ITU-T Q.23). */
const ROWS = [697, 770, 852, 941] as const;
const COLUMNS = [1209, 1336, 1477] as const;
const KEYPAD = ['123', '456', '789', '*0#'] as const;

/** The two frequencies (Hz) of a key, or `undefined` for anything that is not on a phone keypad. */
export function dtmfFrequencies(key: string): [low: number, high: number] | undefined {
  const row = KEYPAD.findIndex((keys) => keys.includes(key));
  if (row < 0 || key.length !== 1) return undefined;
  return [ROWS[row]!, COLUMNS[KEYPAD[row]!.indexOf(key)]!];
}

/** How long each key sounds and the pause after it, as an auto-dialler sends them (seconds). */
export const TONE_SECONDS = 0.1;
export const TONE_GAP_SECONDS = 0.07;
