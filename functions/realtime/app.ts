import { z } from 'zod';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Deps } from '../composition/root.ts';
import { logger } from '../composition/logger.ts';
import { UnauthenticatedError } from '@cc/shared/errors';

/** The parts of an API Gateway WebSocket event this handler reads. */
export const WebSocketEventSchema = z.object({
  requestContext: z.object({
    routeKey: z.string(),
    connectionId: z.string().min(1),
    eventType: z.enum(['CONNECT', 'MESSAGE', 'DISCONNECT']),
    connectedAt: z.number().optional(),
  }),
  queryStringParameters: z.record(z.string(), z.string()).nullish(),
  body: z.string().nullish(),
});
export type WebSocketEvent = z.infer<typeof WebSocketEventSchema>;

const ClientMessageSchema = z.object({ action: z.literal('ping') });

const answer = (statusCode: number, body = ''): APIGatewayProxyResultV2 => ({ statusCode, body });

/**
 * `$connect` verifies the token from the query string (browsers cannot set headers on a WebSocket)
 * and records the connection; `$disconnect` forgets it; messages answer pings.
 */
export function createWebSocketHandler(deps: Pick<Deps, 'verifier' | 'connections' | 'push' | 'clock'>) {
  return async (raw: unknown): Promise<APIGatewayProxyResultV2> => {
    const parsed = WebSocketEventSchema.safeParse(raw);
    if (!parsed.success) return answer(400, 'Not an API Gateway WebSocket event');
    const { requestContext, queryStringParameters, body } = parsed.data;
    const { connectionId } = requestContext;

    switch (requestContext.eventType) {
      case 'CONNECT': {
        try {
          const principal = await deps.verifier.verify(queryStringParameters?.token);
          await deps.connections.put({ tenantId: principal.tenantId, connectionId, userId: principal.userId, roles: principal.roles, connectedAt: deps.clock.now().toISOString() });
          return answer(200);
        } catch (error) {
          if (error instanceof UnauthenticatedError) return answer(401, error.message);
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
        await deps.push.post(connectionId, { type: 'pong' });
        return answer(200);
      }
    }
  };
}
