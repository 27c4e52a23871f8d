import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { correlationPaths } from '@aws-lambda-powertools/logger/correlationId';
import { handle } from 'hono/aws-lambda';
import type { Context } from 'aws-lambda';
import { getHttpApiComposition } from '../composition/http-api.ts';
import { logger } from '../composition/logger.ts';
import { createApp } from './app.ts';

let app: ReturnType<typeof handle> | undefined;

/** API Gateway HTTP API (payload 2.0) → the Hono app. */
export const handler = middy(async (event: Parameters<ReturnType<typeof handle>>[0], context: Context) => {
  if (!app) {
    const { deps, services } = getHttpApiComposition();
    app = handle(createApp(deps, services));
  }
  return app(event, context);
}).use(injectLambdaContext(logger, { correlationIdPath: correlationPaths.API_GATEWAY_HTTP, resetKeys: true }));
