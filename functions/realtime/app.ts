import * as z from 'zod';
import { lazySchema } from '@cc/shared/lazy-schema';
import { decodeJwt } from 'jose';
import { isConnectionLive } from '@cc/shared/realtime/ports';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Deps } from '../composition/deps.ts';
import { logger } from '../composition/logger.ts';
import { ForbiddenError, UnauthenticatedError } from '@cc/shared/errors';
import { isVisitorToken } from '../widget/visitor-tokens.ts';
import type { VisitorGate } from '../widget/visitor-gate.ts';

/** The parts of an API Gateway WebSocket event this handler reads. */
export const WebSocketEventSchema = lazySchema(() => z.object({
  requestContext: z.object({
    routeKey: z.string(),
    connectionId: z.string().min(1),
    eventType: z.enum(['CONNECT', 'MESSAGE', 'DISCONNECT']),
    connectedAt: z.number().optional(),
  }),
  queryStringParameters: z.record(z.string(), z.string()).nullish(),
  /** `$connect` carries the upgrade's headers (a widget's `Origin` is checked against its channel). */
  headers: z.record(z.string(), z.unknown()).nullish(),
  body: z.string().nullish(),
}));
export type WebSocketEvent = z.infer<typeof WebSocketEventSchema>;

const ClientMessageSchema = lazySchema(() => z.object({ action: z.literal('ping') }));

const answer = (statusCode: number, body = ''): APIGatewayProxyResultV2 => ({ statusCode, body });

/** A header of the event, whatever its case (API Gateway keeps the client's, the local server lower-cases). */
function headerOf(headers: Record<string, unknown> | null | undefined, name: string): string | undefined {
  const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return typeof entry?.[1] === 'string' ? entry[1] : undefined;
}

/**
 * `$connect` verifies the token from the query string (browsers cannot set headers on a WebSocket)
 * and records the connection with the token's expiry; `$disconnect` forgets it; messages answer pings
 * (and close a connection whose token has expired or that was forgotten). A web chat visitor's
 * token (told apart by its header) goes through `visitors` instead: the widget must be on one of its
 * channel's allowed origins, and its connection has no roles, so it receives only its own conversation's pushes.
 */
export function createWebSocketHandler(deps: Pick<Deps, 'verifier' | 'connections' | 'push' | 'clock'>, options: { visitors?: VisitorGate } = {}) {
  return async (raw: unknown): Promise<APIGatewayProxyResultV2> => {
    const parsed = WebSocketEventSchema.safeParse(raw);
    if (!parsed.success) return answer(400, 'Not an API Gateway WebSocket event');
    const { requestContext, queryStringParameters, body } = parsed.data;
    const { connectionId } = requestContext;

    switch (requestContext.eventType) {
      case 'CONNECT': {
        try {
          const token = queryStringParameters?.token;
          if (isVisitorToken(token)) {
            if (!options.visitors) return answer(401, 'Visitor connections are not enabled');
            const visitor = await options.visitors.admit(token, headerOf(parsed.data.headers, 'origin'));
            const { tenantId, channelId, visitorId, conversationId } = visitor;
            await deps.connections.put({ tenantId, connectionId, userId: visitorId, roles: [], connectedAt: deps.clock.now().toISOString(), visitor: { channelId, conversationId } });
            return answer(200);
          }
          const principal = await deps.verifier.verify(token);
          // Verified above, so its `exp` can be read as is: the connection ends with the token.
          const { exp } = decodeJwt(token!);
          const tokenExpiresAt = exp === undefined ? undefined : new Date(exp * 1000).toISOString();
          await deps.connections.put({ tenantId: principal.tenantId, connectionId, userId: principal.userId, roles: principal.roles, connectedAt: deps.clock.now().toISOString(), ...(tokenExpiresAt && { tokenExpiresAt }) });
          return answer(200);
        } catch (error) {
          if (error instanceof UnauthenticatedError) return answer(401, error.message);
          if (error instanceof ForbiddenError) return answer(403, error.message);
          throw error;
        }
      }
      case 'DISCONNECT': {
        const connection = await deps.connections.find(connectionId);
        if (connection) await deps.connections.remove(connection.tenantId, connectionId);
        return answer(200);
      }
      case 'MESSAGE': {
        let message: unknown;
        try {
          message = JSON.parse(body ?? '');
        } catch {
          return answer(400, 'Messages must be JSON');
        }
        if (!ClientMessageSchema.safeParse(message).success) {
          logger.warn('Unknown WebSocket message', { connectionId });
          return answer(400, 'Unknown action; expected {"action":"ping"}');
        }
        // A connection we forgot (token expired, user disconnected) or whose token has expired is closed: the console reconnects with a fresh token.
        const connection = await deps.connections.find(connectionId);
        if (!connection || !isConnectionLive(connection, deps.clock.now())) {
          if (connection) await deps.connections.remove(connection.tenantId, connectionId);
          await deps.push.disconnect?.(connectionId);
          return answer(401, 'Token expired; reconnect with a fresh token');
        }
        await deps.push.post(connectionId, { type: 'pong' });
        return answer(200);
      }
    }
  };
}
