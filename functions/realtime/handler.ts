import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { getDeps } from '../composition/root.ts';
import { logger } from '../composition/logger.ts';
import { createWebSocketHandler } from './app.ts';
import { visitorGateFor } from '../widget/visitor-gate.ts';

let handle: ReturnType<typeof createWebSocketHandler> | undefined;

/** API Gateway WebSocket API: `$connect`, `$disconnect` and `$default`. */
export const handler = middy(async (event: unknown) => {
  handle ??= createWebSocketHandler(getDeps(), { visitors: visitorGateFor(getDeps()) });
  return handle(event);
}).use(injectLambdaContext(logger, { correlationIdPath: 'requestContext.requestId', resetKeys: true }));
