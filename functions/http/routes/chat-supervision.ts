import { Hono, type MiddlewareHandler } from 'hono';
import { WhisperRequestSchema } from '@cc/shared/conversations/model';
import { RateLimitedError } from '@cc/shared/errors';
import type { RateLimit } from '@cc/shared/limits/ports';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { toMessageView } from '../../messaging/replies.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';

/** Whispers per supervisor and minute: coaching is a few lines, not a flood on the agent's screen. */
export const WHISPER_LIMIT: RateLimit = { max: 30, windowSeconds: 60 };

/**
 * Supervisors in live chats (agents get a 403; another tenant's contact is a 404):
 * `POST /:contactId/whisper` `{ text }` (202, only agents see it), `POST /:contactId/barge` (join as a second
 * participant; replies through `POST /api/contacts/:id/messages` then reach the customer signed with the supervisor's
 * name), `POST /:contactId/supervision/leave`, `POST /:contactId/take-over` (the chat becomes the supervisor's; a call is a 409, its audio stays with its agent).
 */
export function chatSupervisionRoutes(deps: Pick<Deps, 'rateLimiter' | 'clock'>, services: Pick<Services, 'chatSupervision'>, auth: MiddlewareHandler<AuthEnv>) {
  const supervisor = requireRole('supervisor');
  return new Hono<AuthEnv>()
    .post('/:contactId/whisper', auth, supervisor, async (c) => {
      const principal = c.get('principal');
      const request = await readJson(c, WhisperRequestSchema);
      const decision = await deps.rateLimiter.hit(principal.tenantId, `whisper#${principal.userId}`, WHISPER_LIMIT, deps.clock.now());
      if (!decision.allowed) throw new RateLimitedError(`At most ${WHISPER_LIMIT.max} whispers a minute`, decision.retryAfterSeconds);
      const { message, created } = await services.chatSupervision.whisper(principal, c.req.param('contactId'), request);
      return c.json({ message: toMessageView(message) }, created ? 202 : 200);
    })
    .post('/:contactId/barge', auth, supervisor, async (c) => c.json(await services.chatSupervision.barge(c.get('principal'), c.req.param('contactId'))))
    .post('/:contactId/supervision/leave', auth, supervisor, async (c) => c.json(await services.chatSupervision.leave(c.get('principal'), c.req.param('contactId'))))
    .post('/:contactId/take-over', auth, supervisor, async (c) => c.json(await services.chatSupervision.takeOver(c.get('principal'), c.req.param('contactId'))));
}
