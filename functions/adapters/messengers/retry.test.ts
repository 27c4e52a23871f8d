import { describe, expect, it } from 'vitest';
import { recordingSleep } from './testing/fake-provider.ts';
import { type AttemptOutcome, computeRetryDelayMs, parseRetryAfterHeader, resolveRetryPolicy, runWithRetry } from './retry.ts';

const rateLimited: AttemptOutcome<string> = {
  ok: false,
  retryable: true,
  category: 'rate_limited',
  reason: 'Too Many Requests',
  providerCode: '429',
};

function scripted(outcomes: Array<AttemptOutcome<string> | Error>) {
  const calls: number[] = [];
  const attempt = async (attemptNumber: number) => {
    calls.push(attemptNumber);
    const next = outcomes.shift();
    if (!next) throw new Error('script exhausted');
    if (next instanceof Error) throw next;
    return next;
  };
  return { attempt, calls };
}

describe('runWithRetry', () => {
  it('returns the value of the first successful attempt with the attempt count', async () => {
    // Arrange
    const { sleep } = recordingSleep();
    const { attempt } = scripted([rateLimited, { ok: true, value: 'wamid.1' }]);

    // Act
    const result = await runWithRetry(attempt, resolveRetryPolicy({ sleep }));

    // Assert
    expect(result).toEqual({ ok: true, value: 'wamid.1', attempts: 2 });
  });

  it('stops at once on a permanent failure', async () => {
    // Arrange
    const { sleep, delays } = recordingSleep();
    const { attempt, calls } = scripted([
      { ok: false, retryable: false, category: 'recipient_unreachable', reason: 'blocked', providerCode: '403' },
    ]);

    // Act
    const result = await runWithRetry(attempt, resolveRetryPolicy({ sleep }));

    // Assert
    expect(result).toEqual({
      ok: false,
      permanent: true,
      category: 'recipient_unreachable',
      reason: 'blocked',
      providerCode: '403',
      attempts: 1,
    });
    expect(calls).toEqual([1]);
    expect(delays).toEqual([]);
  });

  it('treats a thrown network error as retryable and reports it when attempts run out', async () => {
    // Arrange
    const { sleep } = recordingSleep();
    const refused = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    const { attempt, calls } = scripted([refused, refused]);

    // Act
    const result = await runWithRetry(attempt, resolveRetryPolicy({ sleep, maxAttempts: 2 }));

    // Assert
    expect(result).toEqual({
      ok: false,
      permanent: false,
      category: 'provider_unavailable',
      reason: 'TypeError: fetch failed: connect ECONNREFUSED 127.0.0.1:9',
      attempts: 2,
    });
    expect(calls).toEqual([1, 2]);
  });

  it('backs off exponentially between attempts, capped by the policy', async () => {
    // Arrange
    const { sleep, delays } = recordingSleep();
    const { attempt } = scripted([rateLimited, rateLimited, rateLimited, rateLimited, rateLimited]);
    const policy = resolveRetryPolicy({ sleep, maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 300, random: () => 1 });

    // Act
    await runWithRetry(attempt, policy);

    // Assert
    expect(delays).toEqual([100, 200, 300, 300]);
  });
});

describe('computeRetryDelayMs', () => {
  it('never waits less than the provider asked for', () => {
    // Arrange
    const policy = resolveRetryPolicy({ baseDelayMs: 500, random: () => 0.5 });

    // Act
    const delay = computeRetryDelayMs(1, policy, 7000);

    // Assert
    expect(delay).toBe(7000);
  });
});

describe('parseRetryAfterHeader', () => {
  it('reads delta-seconds and HTTP dates, and ignores nonsense', () => {
    // Arrange
    const now = Date.parse('2024-06-20T08:00:00Z');

    // Act
    const values = [
      parseRetryAfterHeader('12', now),
      parseRetryAfterHeader('Thu, 20 Jun 2024 08:00:05 GMT', now),
      parseRetryAfterHeader('soon', now),
      parseRetryAfterHeader(null, now),
    ];

    // Assert
    expect(values).toEqual([12_000, 5_000, undefined, undefined]);
  });
});
