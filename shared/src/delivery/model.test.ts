import { describe, expect, it } from 'vitest';
import { MAX_DELIVERY_DELAY_SECONDS, deliveryDelaySeconds } from './model.ts';

describe('deliveryDelaySeconds', () => {
  it('waits at least as long as the provider asked, rounded up to whole seconds', () => {
    // Arrange / Act
    const delay = deliveryDelaySeconds(2, 7_400, () => 0);
    // Assert
    expect(delay).toBe(8);
  });

  it('caps a longer wait at the SQS maximum of 15 minutes', () => {
    // Arrange / Act
    const asked = deliveryDelaySeconds(3, 3_600_000, () => 0.5);
    const backoff = deliveryDelaySeconds(20, undefined, () => 0.9999);
    // Assert
    expect(asked).toBe(MAX_DELIVERY_DELAY_SECONDS);
    expect(backoff).toBe(MAX_DELIVERY_DELAY_SECONDS);
  });

  it('backs off by doubling, with half jitter, when the provider names no delay', () => {
    // Arrange / Act
    const delays = [2, 3, 4].map((next) => deliveryDelaySeconds(next, undefined, () => 0));
    // Assert
    expect(delays).toEqual([1, 2, 4]);
  });
});
