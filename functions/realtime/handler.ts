import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { getComposition } from '../composition/root.ts';
import { logger } from '../composition/logger.ts';
import { createWebSocketHandler } from './app.ts';

let handle: ReturnType<typeof createWebSocketHandler> | undefined;

/** API Gateway WebSocket API: `$connect`, `$disconnect` and `$default`. */
export const handler = middy(async (event: unknown) => {
  if (!handle) {
    const { deps, services } = getComposition();
    handle = createWebSocketHandler(deps, { visitors: services.visitorGate });
  }
  return handle(event);
}).use(injectLambdaContext(logger, { correlationIdPath: 'requestContext.requestId', resetKeys: true }));
