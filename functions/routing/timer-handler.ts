import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, SQSEvent } from 'aws-lambda';
import { getDeps } from '../composition/root.ts';
import { logger } from '../composition/logger.ts';
import { routingDeps } from './deps.ts';
import { createTimerHandler } from './timer-app.ts';

let handle: ReturnType<typeof createTimerHandler> | undefined;

/** SQS (routing timers) → offer timeouts, ends of after-contact work, overflow, callback windows, queue sweeps. */
export const handler = middy(async (event: SQSEvent, context: Context) => {
  handle ??= createTimerHandler(routingDeps(getDeps()));
  return handle(event, context);
}).use(injectLambdaContext(logger, { resetKeys: true }));
