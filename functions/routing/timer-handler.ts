import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, SQSEvent } from 'aws-lambda';
import { getComposition } from '../composition/root.ts';
import { logger } from '../composition/logger.ts';
import { createTimerHandler } from './timer-app.ts';

let handle: ReturnType<typeof createTimerHandler> | undefined;

/** SQS (routing timers) → offer timeouts, ends of after-contact work, overflow, callback windows, queue sweeps. */
export const handler = middy(async (event: SQSEvent, context: Context) => {
  if (!handle) {
    const { deps, services } = getComposition();
    handle = createTimerHandler(deps, services.routing.timers);
  }
  return handle(event, context);
}).use(injectLambdaContext(logger, { resetKeys: true }));
