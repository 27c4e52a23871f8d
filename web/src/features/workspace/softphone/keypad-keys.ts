/** The phone keypad: the twelve keys and the letters printed under them, in the keypad's order. */
export const KEYPAD_KEYS = [
  ['1', ''], ['2', 'ABC'], ['3', 'DEF'],
  ['4', 'GHI'], ['5', 'JKL'], ['6', 'MNO'],
  ['7', 'PQRS'], ['8', 'TUV'], ['9', 'WXYZ'],
  ['*', ''], ['0', '+'], ['#', ''],
] as const;

/** The keypad tone a keyboard key stands for (digits, `*`, `#`), or `undefined`. */
export function toneOfKey(key: string): string | undefined {
  return /^[0-9*#]$/.test(key) ? key : undefined;
}

/** The digits shown above the keypad: the newest ones that fit, oldest dropped first. */
export function appendDialed(dialed: string, digit: string, max = 20): string {
  return (dialed + digit).slice(-max);
}
