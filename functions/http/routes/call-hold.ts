import { Hono, type MiddlewareHandler } from 'hono';
import { HoldRequestSchema } from '@cc/shared/contacts/call-hold';
import type { Services } from '../../composition/services.ts';
import type { AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

/** `POST /api/contacts/:contactId/hold` `{ onHold }`: the connected agent holds or resumes the call (idempotent). */
export function callHoldRoutes(services: Pick<Services, 'routing'>, auth: MiddlewareHandler<AuthEnv>) {
  return new Hono<AuthEnv>().post('/:contactId/hold', auth, async (c) => {
    const { onHold } = await readJson(c, HoldRequestSchema);
    return c.json(await services.routing.commands.holdCall(c.get('principal'), c.req.param('contactId'), onHold));
  });
}
