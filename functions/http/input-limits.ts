/**
 * The HTTP side of `@cc/shared/limits`: a path segment that could not be an id (too long, odd
 * characters, a malformed escape) is a 400 before any route runs, and a body over the limit is a 413.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { BODY_MAX_BYTES, idProblem } from '@cc/shared/limits/input';
import { problemResponse } from './problem.ts';

const invalid = (detail: string) => problemResponse({ type: 'urn:problem:validation', title: 'Bad Request', status: 400, detail });

/** Refuses a request whose path has a segment that is not an acceptable id; fixed route words are valid ids too. */
export function pathIdLimits(): MiddlewareHandler {
  return async (c, next) => {
    const segments = new URL(c.req.url).pathname.split('/').filter(Boolean);
    for (const [index, raw] of segments.entries()) {
      let segment: string;
      try {
        segment = decodeURIComponent(raw);
      } catch {
        return invalid(`Invalid path: segment ${index + 1} is not valid percent-encoding`);
      }
      const problem = idProblem(segment);
      if (problem) return invalid(`Invalid path: segment ${index + 1} is ${problem}`);
    }
    return next();
  };
}

/** Answers 413 to a body over `BODY_MAX_BYTES`, counted as it streams, before anything parses it. */
export function bodySizeLimit(): MiddlewareHandler {
  return bodyLimit({
    maxSize: BODY_MAX_BYTES,
    onError: () => problemResponse({ type: 'urn:problem:payload-too-large', title: 'Payload Too Large', status: 413, detail: `The body is larger than ${BODY_MAX_BYTES} bytes` }),
  });
}
