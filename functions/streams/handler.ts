import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { getStreamProcessorComposition } from '../composition/stream-processor.ts';
import { logger } from '../composition/logger.ts';
import { createStreamHandler } from './app.ts';
import { allReactions } from './reactions.ts';

let handle: ReturnType<typeof createStreamHandler> | undefined;

/** DynamoDB Streams → reactions; answers `batchItemFailures` (ReportBatchItemFailures is on). */
export const handler = middy(async (event: DynamoDBStreamEvent, context: Context) => {
  if (!handle) {
    const { deps, services } = getStreamProcessorComposition();
    handle = createStreamHandler(allReactions(deps, services));
  }
  return handle(event, context);
}).use(injectLambdaContext(logger, { resetKeys: true }));
