import { describe, expect, it } from 'vitest';
import { pickIndex, pickWeighted, seededRandom } from './random.ts';

describe('seeded randomness', () => {
  it('draws the same numbers for the same seed and others for another', () => {
    // Act
    const draw = (seed: string) => Array.from({ length: 5 }, seededRandom(seed));
    // Assert
    expect(draw('day-1')).toEqual(draw('day-1'));
    expect(draw('day-1')).not.toEqual(draw('day-2'));
    expect(draw('day-1').every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('never draws a zero weight and draws in proportion to the weights', () => {
    // Arrange
    const random = seededRandom('weights');
    const counts = { a: 0, b: 0, never: 0 };
    const hours = new Array<number>(4).fill(0);
    // Act
    for (let i = 0; i < 4000; i++) {
      counts[pickWeighted(random, { a: 3, b: 1, never: 0 })]++;
      hours[pickIndex(random, [0, 1, 0, 1])]!++;
    }
    // Assert
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.5);
    expect(counts.a / counts.b).toBeLessThan(3.5);
    expect([hours[0], hours[2]]).toEqual([0, 0]);
  });
});
