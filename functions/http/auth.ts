import { createMiddleware } from 'hono/factory';
import { hasRole, type Principal, type Role } from '@cc/shared/auth/model';
import { ForbiddenError } from '@cc/shared/errors';
import { bearerToken, type TokenVerifier } from '../auth/token-verifier.ts';

export type AuthEnv = { Variables: { principal: Principal } };

/** Verifies the bearer token with the configured issuer and exposes the caller as `principal`. */
export const authenticate = (verifier: TokenVerifier) =>
  createMiddleware<AuthEnv>(async (c, next) => {
    c.set('principal', await verifier.verify(bearerToken(c.req.header('authorization'))));
    await next();
  });

/** Lets the route run only for callers holding `role` or a higher one. */
export const requireRole = (role: Role) =>
  createMiddleware<AuthEnv>(async (c, next) => {
    if (!hasRole(c.get('principal').roles, role)) throw new ForbiddenError(`This needs the ${role} role`);
    await next();
  });
