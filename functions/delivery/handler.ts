import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, SQSEvent } from 'aws-lambda';
import { getMessageDeliveryComposition } from '../composition/message-delivery.ts';
import { logger } from '../composition/logger.ts';
import { createDeliveryHandler } from './app.ts';

let handle: ReturnType<typeof createDeliveryHandler> | undefined;

/** SQS (delivery jobs) → one provider call per job, transient failures re-queued with the provider's delay. */
export const handler = middy(async (event: SQSEvent, context: Context) => {
  if (!handle) {
    const { deps, channels } = getMessageDeliveryComposition();
    handle = createDeliveryHandler(deps, channels);
  }
  return handle(event, context);
}).use(injectLambdaContext(logger, { resetKeys: true }));
