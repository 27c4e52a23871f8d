import type { SendFailure, SendFailureCategory } from '@cc/shared/messaging/ports';

/** One attempt's verdict, as a provider client classifies the provider's answer. */
export type AttemptOutcome<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** Worth trying again: rate limits, 5xx, network errors, VK flood control. */
      retryable: boolean;
      category: SendFailureCategory;
      reason: string;
      providerCode?: string;
      detail?: string;
      /** How long the provider asked us to wait (Telegram `retry_after`, HTTP `Retry-After`). */
      retryAfterMs?: number;
    };

/** How persistently to retry; `sleep` and `random` are injectable so tests never wait. */
export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A provider asking to wait longer than this ends the send with `retryAfterMs`, to be re-queued. */
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). */
  random: () => number;
}

/** Four attempts, 0.5 s doubling to at most 8 s, honouring waits of up to 30 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** The default policy with some fields replaced. */
export function resolveRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, ...overrides };
}

/**
 * Delay before the attempt after `attempt`: exponential backoff with half jitter, capped, and never
 * shorter than what the provider asked for.
 */
export function computeRetryDelayMs(attempt: number, policy: RetryPolicy, retryAfterMs?: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(ceiling / 2 + (policy.random() * ceiling) / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Milliseconds an HTTP `Retry-After` header asks for (delta-seconds or an HTTP date); undefined if absent or bad. */
export function parseRetryAfterHeader(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * Runs `attempt` until it succeeds, fails permanently, or the policy gives up. A thrown error
 * (network failure, timeout) counts as a retryable `provider_unavailable`. Never throws.
 */
export async function runWithRetry<T>(
  attempt: (attemptNumber: number) => Promise<AttemptOutcome<T>>,
  policy: RetryPolicy,
): Promise<{ ok: true; value: T; attempts: number } | SendFailure> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    let outcome: AttemptOutcome<T>;
    try {
      outcome = await attempt(attemptNumber);
    } catch (error) {
      outcome = { ok: false, retryable: true, category: 'provider_unavailable', reason: describeError(error) };
    }
    if (outcome.ok) return { ok: true, value: outcome.value, attempts: attemptNumber };

    const failure: SendFailure = {
      ok: false,
      permanent: !outcome.retryable,
      category: outcome.category,
      reason: outcome.reason,
      attempts: attemptNumber,
      ...(outcome.providerCode !== undefined ? { providerCode: outcome.providerCode } : {}),
      ...(outcome.detail !== undefined ? { detail: outcome.detail } : {}),
    };
    if (!outcome.retryable) return failure;
    const waitTooLong = outcome.retryAfterMs !== undefined && outcome.retryAfterMs > policy.maxRetryAfterMs;
    if (attemptNumber >= policy.maxAttempts || waitTooLong) {
      return outcome.retryAfterMs !== undefined ? { ...failure, retryAfterMs: outcome.retryAfterMs } : failure;
    }
    await policy.sleep(computeRetryDelayMs(attemptNumber, policy, outcome.retryAfterMs));
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
}
