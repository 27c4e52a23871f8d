import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, SQSEvent } from 'aws-lambda';
import { getMediaDownloadComposition } from '../composition/media-download.ts';
import { logger } from '../composition/logger.ts';
import { createMediaDownloadHandler } from './app.ts';

let handle: ReturnType<typeof createMediaDownloadHandler> | undefined;

/** SQS (download jobs) → the customer's file from the messenger into the media bucket, outcome on the message. */
export const handler = middy(async (event: SQSEvent, context: Context) => {
  handle ??= createMediaDownloadHandler(getMediaDownloadComposition());
  return handle(event, context);
}).use(injectLambdaContext(logger, { resetKeys: true }));
