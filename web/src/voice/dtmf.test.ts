import { describe, expect, it } from 'vitest';
import { dtmfFrequencies } from './dtmf.ts';

describe('dtmfFrequencies', () => {
  it('gives each keypad key its row and column frequency', () => {
    // Act
    const keys = ['1', '5', '9', '0', '*', '#'].map(dtmfFrequencies);
    // Assert
    expect(keys).toEqual([
      [697, 1209],
      [770, 1336],
      [852, 1477],
      [941, 1336],
      [941, 1209],
      [941, 1477],
    ]);
  });

  it('has no tone for anything off the keypad', () => {
    expect(['A', '', '12', ' '].map(dtmfFrequencies)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
