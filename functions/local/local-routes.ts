/**
 * Routes that exist only in the local runtime: sign-in and the first-login new password (Cognito does
 * this in AWS), the SPA's runtime config, and `/local/lambda` to invoke any catalogued Lambda
 * handler with a raw event. None of this is imported by a Lambda entry.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import { LoginRequestSchema } from '@cc/shared/auth/model';
import { NotFoundError } from '@cc/shared/errors';
import type { RateLimiter } from '@cc/shared/limits/ports';
import type { DirectoryRepository } from '@cc/shared/tenancy/ports';
import { NewPasswordRequestSchema } from '@cc/shared/users/model';
import { lambdaCatalog } from '../catalog.ts';
import { readJson } from '../http/body.ts';
import { LocalLogin } from '../auth/local-login.ts';
import type { Clock } from '../composition/deps.ts';
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

export function localRoutes(deps: { directory: DirectoryRepository; issuer: LocalIssuer; handlers: Map<string, LambdaHandler>; rateLimiter: RateLimiter; clock: Clock }) {
  const logins = new LocalLogin(deps);
  return new Hono()
    .post('/api/auth/login', async (c) => c.json(await logins.login(await readJson(c, LoginRequestSchema))))
    .post('/api/auth/new-password', async (c) => c.json(await logins.newPassword(await readJson(c, NewPasswordRequestSchema))))
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
