import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff.ts';

describe('reconnectDelay', () => {
  it('doubles from one second and stays between half and all of the ceiling', () => {
    expect(reconnectDelay(0, () => 0)).toBe(500);
    expect(reconnectDelay(0, () => 1)).toBe(1000);
    expect(reconnectDelay(3, () => 1)).toBe(8000);
    expect(reconnectDelay(3, () => 0)).toBe(4000);
  });

  it('never waits longer than thirty seconds', () => {
    expect(reconnectDelay(20, () => 1)).toBe(30_000);
  });
});
