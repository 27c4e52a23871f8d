import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, SQSEvent } from 'aws-lambda';
import { getRoutingTimersComposition } from '../composition/routing-timers.ts';
import { logger } from '../composition/logger.ts';
import { createTimerHandler } from './timer-app.ts';

let handle: ReturnType<typeof createTimerHandler> | undefined;

/** SQS (routing timers) → offer timeouts, ends of after-contact work, overflow, callback windows, queue sweeps. */
export const handler = middy(async (event: SQSEvent, context: Context) => {
  if (!handle) {
    const { deps, timers } = getRoutingTimersComposition();
    handle = createTimerHandler(deps, timers);
  }
  return handle(event, context);
}).use(injectLambdaContext(logger, { resetKeys: true }));
