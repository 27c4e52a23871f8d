import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { getRealtimeComposition } from '../composition/realtime.ts';
import { logger } from '../composition/logger.ts';
import { createWebSocketHandler } from './app.ts';

let handle: ReturnType<typeof createWebSocketHandler> | undefined;

/** API Gateway WebSocket API: `$connect`, `$disconnect` and `$default`. */
export const handler = middy(async (event: unknown) => {
  if (!handle) {
    const { deps, visitors } = getRealtimeComposition();
    handle = createWebSocketHandler(deps, { visitors });
  }
  return handle(event);
}).use(injectLambdaContext(logger, { correlationIdPath: 'requestContext.requestId', resetKeys: true }));
