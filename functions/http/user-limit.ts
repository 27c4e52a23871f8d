import type { Principal } from '@cc/shared/auth/model';
import { RateLimitedError } from '@cc/shared/errors';
import type { RateLimit } from '@cc/shared/limits/ports';
import type { Deps } from '../composition/deps.ts';

/** Counts one request of `kind` against the user's own window. */
export type UserLimit = (principal: Principal, kind: string, rate: RateLimit, what: string) => Promise<void>;

/**
 * A per-user rate limit for routes: each user of a tenant has their own window per kind (saves, steps, sends…).
 * @throws RateLimitedError (429 with Retry-After) once the window's requests are used, naming `what` was limited
 */
export const userLimit = (deps: Pick<Deps, 'rateLimiter' | 'clock'>): UserLimit => async (principal, kind, rate, what) => {
  const decision = await deps.rateLimiter.hit(principal.tenantId, `${kind}#${principal.userId}`, rate, deps.clock.now());
  if (!decision.allowed) throw new RateLimitedError(`At most ${rate.max} ${what} a minute`, decision.retryAfterSeconds);
};
