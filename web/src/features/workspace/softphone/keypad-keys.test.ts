import { describe, expect, it } from 'vitest';
import { appendDialed, KEYPAD_KEYS, toneOfKey } from './keypad-keys.ts';

describe('the keypad', () => {
  it('has the twelve phone keys in keypad order', () => {
    expect(KEYPAD_KEYS.map(([digit]) => digit).join('')).toBe('123456789*0#');
  });

  it('plays tones only for digits, star and hash typed on the keyboard', () => {
    expect(['5', '*', '#', 'a', 'Enter', '55'].map(toneOfKey)).toEqual(['5', '*', '#', undefined, undefined, undefined]);
  });

  it('shows the newest digits when more were pressed than fit', () => {
    expect(appendDialed('1234', '5', 4)).toBe('2345');
  });
});
