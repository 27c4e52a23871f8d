import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ConflictError, InvalidRequestError, RateLimitedError, UnauthenticatedError } from '@cc/shared/errors';
import type { LoginRequest } from '@cc/shared/auth/model';
import type { RateLimit, RateLimiter } from '@cc/shared/limits/ports';
import { toUserView, type User, type UserView } from '@cc/shared/tenancy/model';
import type { DirectoryRepository } from '@cc/shared/tenancy/ports';
import { UserDisabledError } from '@cc/shared/users/errors';
import type { NewPasswordRequest } from '@cc/shared/users/model';
import type { LocalIssuer } from './local-issuer.ts';
import { hashPassword, verifyPassword } from './password.ts';

/** Sign-in attempts per login, and new-password attempts per user, in a minute. */
export const LOCAL_LOGIN_LIMIT: RateLimit = { max: 20, windowSeconds: 60 };
/** How long the answer to a NEW_PASSWORD_REQUIRED challenge may take (Cognito's session lasts 3 minutes too). */
export const CHALLENGE_TTL_SECONDS = 180;
/** The counters' tenant: logins are global, so their limits are not any tenant's. */
const LIMITS_TENANT = 'local-auth';

export type LoginAnswer = { token: string; user: UserView } | { challenge: 'NEW_PASSWORD_REQUIRED'; session: string };

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
const encode = (text: string) => Buffer.from(text).toString('base64url');
const decode = (text: string | undefined) => Buffer.from(text ?? '', 'base64url').toString();

// Same cost whether or not the login exists, so timing does not reveal valid logins.
const DECOY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * The local stand-in for Cognito's sign-in: password check, and for a one-time password the NEW_PASSWORD_REQUIRED
 * challenge, answered once within {@link CHALLENGE_TTL_SECONDS} with a password meeting the rules. Only the
 * session's hash is stored; the one-time password's hash is replaced, so it never works again.
 */
export class LocalLogin {
  constructor(private readonly deps: { directory: DirectoryRepository; issuer: LocalIssuer; rateLimiter: RateLimiter; clock: { now(): Date } }) {}

  /** @throws UnauthenticatedError, UserDisabledError, RateLimitedError */
  async login({ login, password }: LoginRequest): Promise<LoginAnswer> {
    await this.limit(`login#${login.toLowerCase()}`);
    const user = await this.deps.directory.findUserByLogin(login);
    const valid = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    if (!user || !valid) throw new UnauthenticatedError('Invalid login or password');
    if (user.status === 'disabled') throw new UserDisabledError();
    if (!user.mustChangePassword) return this.issue(user);
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.deps.clock.now().getTime() + CHALLENGE_TTL_SECONDS * 1000).toISOString();
    await this.deps.directory.putUser({ ...user, passwordChallenge: { sessionHash: sha256(secret), expiresAt } });
    return { challenge: 'NEW_PASSWORD_REQUIRED', session: `${encode(user.tenantId)}.${encode(user.userId)}.${secret}` };
  }

  /** @throws UnauthenticatedError for an unknown, used or expired session; InvalidRequestError for the one-time password again. */
  async newPassword({ session, newPassword }: NewPasswordRequest): Promise<{ token: string; user: UserView }> {
    const [tenantPart, userPart, secret] = session.split('.');
    const userId = decode(userPart);
    await this.limit(`new-password#${userId}`);
    const user = secret ? await this.deps.directory.getUser(decode(tenantPart), userId) : undefined;
    const challenge = user?.passwordChallenge;
    const expected = Buffer.from(challenge?.sessionHash ?? '');
    const given = Buffer.from(secret ? sha256(secret) : '');
    if (!user || !challenge || expected.length !== given.length || !timingSafeEqual(expected, given) || Date.parse(challenge.expiresAt) <= this.deps.clock.now().getTime()) {
      throw new UnauthenticatedError('This sign-in session is invalid or has expired; sign in again');
    }
    if (user.status === 'disabled') throw new UserDisabledError();
    if (user.passwordHash && (await verifyPassword(newPassword, user.passwordHash))) throw new InvalidRequestError('The new password must differ from the one-time password', { reason: 'password_reused' });
    const { passwordChallenge: _used, mustChangePassword: _done, ...rest } = user;
    const changed: User = { ...rest, status: 'active', passwordHash: await hashPassword(newPassword) };
    try {
      // Only while this challenge is still the pending one: a session answers once.
      await this.deps.directory.putUser(changed, { ifChallenge: challenge.sessionHash });
    } catch (error) {
      if (error instanceof ConflictError) throw new UnauthenticatedError('This sign-in session is invalid or has expired; sign in again');
      throw error;
    }
    return this.issue(changed);
  }

  private async issue(user: User) {
    const token = await this.deps.issuer.issue({ userId: user.userId, tenantId: user.tenantId, roles: user.roles, name: user.name, login: user.login });
    return { token, user: toUserView(user) };
  }

  private async limit(key: string) {
    const decision = await this.deps.rateLimiter.hit(LIMITS_TENANT, key, LOCAL_LOGIN_LIMIT, this.deps.clock.now());
    if (!decision.allowed) throw new RateLimitedError(`At most ${LOCAL_LOGIN_LIMIT.max} attempts a minute; try again later`, decision.retryAfterSeconds);
  }
}
