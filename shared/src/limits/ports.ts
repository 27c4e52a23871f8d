/** A limit: at most `max` hits per fixed window of `windowSeconds`. */
export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/** The outcome of counting one hit. */
export interface RateDecision {
  allowed: boolean;
  /** Hits in the current window, this one included. */
  count: number;
  /** Seconds until the current window ends (when a refused caller may try again). */
  retryAfterSeconds: number;
}

/**
 * Counts hits per key in fixed windows, shared by every process (Lambda instances, the local
 * server), so a limit holds however requests are spread.
 */
export interface RateLimiter {
  /** Counts one hit of `key` (already scoped to a tenant) against `limit`. */
  hit(tenantId: string, key: string, limit: RateLimit, now: Date): Promise<RateDecision>;
}
