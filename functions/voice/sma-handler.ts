import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { getVoiceSmaComposition } from '../composition/voice-sma.ts';
import { logger } from '../composition/logger.ts';
import { createSmaHandler } from './sma-app.ts';

let handle: ReturnType<typeof createSmaHandler> | undefined;

/** Amazon Chime SDK SIP media application: one call event in, the next actions out. */
export const handler = middy(async (event: unknown) => {
  if (!handle) {
    const { config, voice } = getVoiceSmaComposition();
    handle = createSmaHandler(config, voice.calls);
  }
  return handle(event);
}).use(injectLambdaContext(logger, { correlationIdPath: 'CallDetails.TransactionId', resetKeys: true }));
