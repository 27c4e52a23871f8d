/**
 * Routes that exist only in the local runtime: the login endpoint for seeded users (Cognito does
 * this in AWS), the SPA's runtime config, and `/local/lambda` to invoke any catalogued Lambda
 * handler with a raw event. None of this is imported by a Lambda entry.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import { LoginRequestSchema } from '@cc/shared/auth/model';
import { UnauthenticatedError, NotFoundError } from '@cc/shared/errors';
import { toUserView } from '@cc/shared/tenancy/model';
import type { DirectoryRepository } from '@cc/shared/tenancy/ports';
import { lambdaCatalog } from '../catalog.ts';
import { readJson } from '../http/body.ts';
import { verifyPassword } from '../auth/password.ts';
import type { LocalIssuer } from '../auth/local-issuer.ts';
import { createLambdaContext } from './lambda-context.ts';

export type LambdaHandler = (event: unknown, context: ReturnType<typeof createLambdaContext>) => Promise<unknown>;

/** Loads the handler of every catalogued function: the very modules CDK bundles. */
export async function loadLambdaHandlers(): Promise<Map<string, LambdaHandler>> {
  const handlers = new Map<string, LambdaHandler>();
  for (const fn of lambdaCatalog) {
    const module = (await import(new URL(`../${fn.entry}`, import.meta.url).href)) as { handler: LambdaHandler };
    handlers.set(fn.name, module.handler);
  }
  return handlers;
}

export function localRoutes(deps: { directory: DirectoryRepository; issuer: LocalIssuer; handlers: Map<string, LambdaHandler> }) {
  // Same cost whether or not the login exists, so timing does not reveal valid logins.
  const decoyHash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
  return new Hono()
    .post('/api/auth/login', async (c) => {
      const { login, password } = await readJson(c, LoginRequestSchema);
      const user = await deps.directory.findUserByLogin(login);
      const valid = await verifyPassword(password, user?.passwordHash ?? decoyHash);
      if (!user || !valid) throw new UnauthenticatedError('Invalid login or password');
      const view = toUserView(user);
      const token = await deps.issuer.issue({ userId: user.userId, tenantId: user.tenantId, roles: user.roles, name: user.name, login: user.login });
      return c.json({ token, user: view });
    })
    .get('/config.json', (c) => {
      const host = c.req.header('host') ?? '127.0.0.1';
      return c.json({ apiBaseUrl: '', wsUrl: `ws://${host}/ws`, auth: { mode: 'local' } });
    })
    .get('/local/lambda', (c) => c.json({ functions: lambdaCatalog.map(({ name, trigger, description }) => ({ name, trigger, description })) }))
    .post('/local/lambda/:name', async (c) => {
      const name = c.req.param('name');
      const handler = deps.handlers.get(name);
      if (!handler) throw new NotFoundError('Lambda function', name);
      const event = await readJson(c, z.unknown());
      const result = await handler(event, createLambdaContext(name));
      return c.json(result ?? null);
    });
}
