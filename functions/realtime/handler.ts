import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { getRealtimeComposition } from '../composition/realtime.ts';
import { logger } from '../composition/logger.ts';
import { createWebSocketHandler } from './app.ts';
import { withUserAccess } from '../auth/user-access.ts';

let handle: ReturnType<typeof createWebSocketHandler> | undefined;

/** API Gateway WebSocket API: `$connect`, `$disconnect` and `$default`. */
export const handler = middy(async (event: unknown) => {
  if (!handle) {
    const { deps, visitors } = getRealtimeComposition();
    // A disabled user's console cannot reconnect: `$connect` checks the user as the API does.
    handle = createWebSocketHandler({ ...deps, verifier: withUserAccess(deps.verifier, deps.directory) }, { visitors });
  }
  return handle(event);
}).use(injectLambdaContext(logger, { correlationIdPath: 'requestContext.requestId', resetKeys: true }));
