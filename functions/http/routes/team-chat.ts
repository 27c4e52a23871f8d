import { Hono, type MiddlewareHandler } from 'hono';
import type { RateLimit } from '@cc/shared/limits/ports';
import { HistoryQuerySchema, OpenDirectSchema, ReadMarkerSchema, SearchQuerySchema, SendTeamMessageSchema } from '@cc/shared/team-chat/schema';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import type { AuthEnv } from '../auth.ts';
import { userLimit } from '../user-limit.ts';
import { readJson } from '../body.ts';

/** Messages per user a minute: a quick typist sends one every few seconds, a loop far more. */
export const TEAM_CHAT_SEND_LIMIT: RateLimit = { max: 60, windowSeconds: 60 };
/** Searches per user a minute: each reads up to 500 messages of every room the user is in. */
export const TEAM_CHAT_SEARCH_LIMIT: RateLimit = { max: 20, windowSeconds: 60 };

/**
 * The team chat (`/api/team-chat`, docs/team-chat.md): any signed-in user's rooms with unread and mention counts and
 * presence, a room's history and sending into it (supervisors may broadcast), read markers, direct rooms with a
 * colleague, and the search. Membership is checked in the service for every room: 403 for a room one is not in, 404
 * for one that does not exist in the caller's tenant.
 */
export function teamChatRoutes(deps: Pick<Deps, 'rateLimiter' | 'clock'>, services: Pick<Services, 'teamChat'>, auth: MiddlewareHandler<AuthEnv>) {
  const limit = userLimit(deps);
  const chat = services.teamChat;

  return new Hono<AuthEnv>()
    .get('/rooms', auth, async (c) => c.json(await chat.rooms(c.get('principal'))))
    .get('/rooms/:roomId/messages', auth, async (c) => {
      const query = HistoryQuerySchema.parse(c.req.query());
      return c.json(await chat.history(c.get('principal'), c.req.param('roomId'), query));
    })
    .post('/rooms/:roomId/messages', auth, async (c) => {
      const principal = c.get('principal');
      const body = await readJson(c, SendTeamMessageSchema);
      await limit(principal, 'team-chat-send', TEAM_CHAT_SEND_LIMIT, 'team chat messages');
      const { message, created } = await chat.send(principal, c.req.param('roomId'), body);
      return c.json({ message }, created ? 201 : 200);
    })
    .put('/rooms/:roomId/read', auth, async (c) => c.json(await chat.markRead(c.get('principal'), c.req.param('roomId'), await readJson(c, ReadMarkerSchema))))
    .post('/direct', auth, async (c) => c.json(await chat.openDirect(c.get('principal'), (await readJson(c, OpenDirectSchema)).userId)))
    .get('/search', auth, async (c) => {
      const principal = c.get('principal');
      const query = SearchQuerySchema.parse(c.req.query());
      await limit(principal, 'team-chat-search', TEAM_CHAT_SEARCH_LIMIT, 'team chat searches');
      return c.json(await chat.search(principal, query.q, query.roomId));
    });
}
