import { Hono, type MiddlewareHandler } from 'hono';
import { AudioTicketRequestSchema } from '@cc/shared/voice/call-audio';
import type { Services } from '../../composition/services.ts';
import type { AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

/** `POST /api/contacts/:contactId/audio` `{ role }`: a ticket to join the call's audio (rights are checked by the service, per role). */
export function callAudioRoutes(services: Pick<Services, 'callAudio'>, auth: MiddlewareHandler<AuthEnv>) {
  return new Hono<AuthEnv>().post('/:contactId/audio', auth, async (c) => {
    const { role } = await readJson(c, AudioTicketRequestSchema);
    return c.json(await services.callAudio.ticket(c.get('principal'), c.req.param('contactId'), role), 201);
  });
}
