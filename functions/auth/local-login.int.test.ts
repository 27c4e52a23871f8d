// The local first sign-in, as Cognito's NEW_PASSWORD_REQUIRED challenge: one-time password → session → new password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { CreateUserSchema } from '@cc/shared/users/model';
import { renderError } from '../http/problem.ts';
import { createApp } from '../http/app.ts';
import { localRoutes } from '../local/local-routes.ts';
import { UserAdmin } from '../users/user-admin.ts';
import { createTestDeps } from '../../test/deps.ts';
import { json } from '../../test/json.ts';
import { CHALLENGE_TTL_SECONDS, LOCAL_LOGIN_LIMIT } from './local-login.ts';

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let app: Hono;
let offsetMs = 0;
/** A stopped clock, so a burst of attempts cannot straddle the limiter's minute however slow the machine is. */
let stoppedAt: Date | undefined;
const post = (path: string, body: unknown) => app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const NEW_PASSWORD = 'Весна-в-Ромашке-2027';

async function invite(login: string) {
  await ctx.deps.queues.put({ tenantId: 'tenant-a', queueId: 'support', name: 'Поддержка', priority: 1, serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, timeZone: 'Europe/Moscow', offerTimeoutSeconds: 20, afterContactWorkSeconds: 0, requiredSkills: { byChannel: {}, byMenuChoice: {} }, ageingPerMinute: 1 });
  return new UserAdmin(ctx.deps).create('tenant-a', CreateUserSchema.parse({ login, name: 'Ника', roles: ['agent'], agent: { skills: [], queueIds: ['support'], capacity: { voice: 0, chat: 2 } } }));
}

beforeAll(async () => {
  ctx = await createTestDeps(() => stoppedAt ?? new Date(Date.now() + offsetMs));
  app = new Hono().route('/', localRoutes({ directory: ctx.deps.directory, issuer: ctx.issuer, handlers: new Map(), rateLimiter: ctx.deps.rateLimiter, clock: ctx.deps.clock })).route('/', createApp(ctx.deps, ctx.services)).onError(renderError);
});
afterAll(async () => {
  await ctx.table.drop();
});

describe('first sign-in with the one-time password', () => {
  it('answers the challenge, takes a new password once, and the one-time password never works again', async () => {
    // Arrange
    const { temporaryPassword, userId } = await invite('nika@a.test');
    // Act
    const challenged = await post('/api/auth/login', { login: 'nika@a.test', password: temporaryPassword });
    const { challenge, session, token: noToken } = await json(challenged);
    const done = await post('/api/auth/new-password', { session, newPassword: NEW_PASSWORD });
    const replay = await post('/api/auth/new-password', { session, newPassword: 'Другой-пароль-2027' });
    const oldPassword = await post('/api/auth/login', { login: 'nika@a.test', password: temporaryPassword });
    const newPassword = await post('/api/auth/login', { login: 'nika@a.test', password: NEW_PASSWORD });
    // Assert
    expect(challenged.status).toBe(200);
    expect(challenge).toBe('NEW_PASSWORD_REQUIRED');
    expect(noToken).toBeUndefined();
    expect(done.status).toBe(200);
    const signedIn = await json(done);
    expect(signedIn.user).toMatchObject({ userId, login: 'nika@a.test', roles: ['agent'] });
    const me = await app.request('/api/me', { headers: { authorization: `Bearer ${signedIn.token}` } });
    expect(me.status).toBe(200);
    expect(replay.status).toBe(401);
    expect(oldPassword.status).toBe(401);
    expect(newPassword.status).toBe(200);
    expect(await json(newPassword)).toMatchObject({ token: expect.any(String), user: { userId } });
    expect(await ctx.deps.directory.getUser('tenant-a', userId)).toMatchObject({ status: 'active' });
    expect((await ctx.deps.directory.getUser('tenant-a', userId))?.passwordChallenge).toBeUndefined();
  });

  it('refuses a password breaking the rules with 400 naming each rule, and the one-time password as the new one', async () => {
    // Arrange
    const { temporaryPassword } = await invite('rules@a.test');
    const { session } = await json(await post('/api/auth/login', { login: 'rules@a.test', password: temporaryPassword }));
    // Act
    const weak = await post('/api/auth/new-password', { session, newPassword: 'short' });
    const same = await post('/api/auth/new-password', { session, newPassword: temporaryPassword });
    // Assert
    expect(weak.status).toBe(400);
    const problem = await json(weak);
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['newPassword', 'newPassword', 'newPassword', 'newPassword']);
    expect(problem.detail).toContain('at least 12 characters');
    expect(same.status).toBe(400);
    expect(await json(same)).toMatchObject({ reason: 'password_reused' });
    // The session survives a refused answer: the person may try a better password.
    expect((await post('/api/auth/new-password', { session, newPassword: NEW_PASSWORD })).status).toBe(200);
  });

  it('lets the session expire after its lifetime and refuses forged sessions', async () => {
    // Arrange
    const { temporaryPassword } = await invite('late@a.test');
    const { session } = await json(await post('/api/auth/login', { login: 'late@a.test', password: temporaryPassword }));
    // Act
    offsetMs = (CHALLENGE_TTL_SECONDS + 1) * 1000;
    const late = await post('/api/auth/new-password', { session, newPassword: NEW_PASSWORD });
    offsetMs = 0;
    const forged = await post('/api/auth/new-password', { session: `${session.split('.').slice(0, 2).join('.')}.forged`, newPassword: NEW_PASSWORD });
    // Assert
    expect(late.status).toBe(401);
    expect(forged.status).toBe(401);
    expect(await json(late)).toMatchObject({ detail: expect.stringContaining('expired') });
  });

  it('limits sign-in attempts per login: 429 with Retry-After once the minute’s attempts are used', async () => {
    // Arrange
    stoppedAt = new Date(Date.now() + offsetMs);
    // Act
    const answers: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i <= LOCAL_LOGIN_LIMIT.max; i++) {
      last = await post('/api/auth/login', { login: 'guess@a.test', password: `guess-${i}` });
      answers.push(last.status);
    }
    const limited = await post('/api/auth/new-password', { session: 'x.y.z', newPassword: NEW_PASSWORD });
    stoppedAt = undefined;
    // Assert
    expect(answers.slice(0, LOCAL_LOGIN_LIMIT.max).every((s) => s === 401)).toBe(true);
    expect(answers.at(-1)).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.status).toBe(401);
  });
});
