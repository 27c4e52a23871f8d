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

/** A route whose bodies may be larger than `BODY_MAX_BYTES` (an agent's file upload). */
export interface LargerBody {
  path: RegExp;
  method: string;
  maxSize: number;
}

/**
 * Answers 413 to a body over `BODY_MAX_BYTES` (or over its own limit on a `larger` route), counted as
 * it streams, before anything parses it.
 */
export function bodySizeLimit(larger: readonly LargerBody[] = []): MiddlewareHandler {
  const limit = (maxSize: number) =>
    bodyLimit({ maxSize, onError: () => problemResponse({ type: 'urn:problem:payload-too-large', title: 'Payload Too Large', status: 413, detail: `The body is larger than ${maxSize} bytes` }) });
  const standard = limit(BODY_MAX_BYTES);
  const special = larger.map((route) => ({ ...route, check: limit(route.maxSize) }));
  return (c, next) => (special.find((route) => route.method === c.req.method && route.path.test(c.req.path))?.check ?? standard)(c, next);
}
