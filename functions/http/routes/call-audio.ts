import { Hono, type MiddlewareHandler } from 'hono';
import { AudioTicketRequestSchema } from '@cc/shared/voice/call-audio';
import type { Services } from '../../composition/services.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

/**
 * `POST /api/contacts/:contactId/audio` `{ role }`: a ticket to join the call's audio (rights are checked by the service, per role);
 * `POST /api/contacts/:contactId/audio/leave`: a supervisor leaves it (their supervision entry closes).
 */
export function callAudioRoutes(services: Pick<Services, 'callAudio'>, auth: MiddlewareHandler<AuthEnv>) {
  return new Hono<AuthEnv>()
    .post('/:contactId/audio', auth, async (c) => {
      const { role } = await readJson(c, AudioTicketRequestSchema);
      return c.json(await services.callAudio.ticket(c.get('principal'), c.req.param('contactId'), role), 201);
    })
    .post('/:contactId/audio/leave', auth, async (c) => {
      await services.callAudio.leave(c.get('principal'), c.req.param('contactId'));
      return c.body(null, 204);
    });
}

/** `GET /api/wallboard/calls` and `/chats`: the tenant's connected calls and chats, for the supervisor's live panels. */
export function liveCallRoutes(services: Pick<Services, 'liveCalls'>, auth: MiddlewareHandler<AuthEnv>) {
  return new Hono<AuthEnv>()
    .get('/calls', auth, requireRole('supervisor'), async (c) => c.json({ calls: await services.liveCalls.list(c.get('principal').tenantId) }))
    .get('/chats', auth, requireRole('supervisor'), async (c) => c.json({ chats: await services.liveCalls.chats(c.get('principal').tenantId, c.get('principal').userId) }));
}
