import { describe, expect, it } from 'vitest';
import { passwordProblems } from './values.ts';

describe('passwordProblems', () => {
  it('accepts a long password with lower and upper case, a digit and a symbol, in any script', () => {
    expect(passwordProblems('Ромашка-2026-весна')).toEqual([]);
    expect(passwordProblems('Correct-Horse-7')).toEqual([]);
  });

  it('names every rule a weak password breaks', () => {
    expect(passwordProblems('short')).toEqual(['tooShort', 'noUppercase', 'noDigit', 'noSymbol']);
    expect(passwordProblems('ALLUPPERCASE123!')).toEqual(['noLowercase']);
  });
});
