import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { DomainError, RateLimitedError } from '@cc/shared/errors';
import { logger } from '../composition/logger.ts';

/** RFC 9457 problem details, the body of every error answer. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
  /** A stable machine-readable cause a client may branch on (`call_in_progress`, `prechat_required`), when the error names one. */
  reason?: string;
  correlationId?: string;
}

/** Answers `problem` as `application/problem+json`. */
export function problemResponse(problem: Problem): Response {
  return new Response(JSON.stringify(problem), { status: problem.status, headers: { 'content-type': 'application/problem+json' } });
}

const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 500: 'Internal Server Error' };

/** Maps any thrown value to a problem: zod issues → 400 with fields, domain errors by status, the rest → 500 with only a correlation id. */
export function toProblem(error: unknown, correlationId: string): Problem {
  if (error instanceof ZodError) {
    return {
      type: 'urn:problem:validation',
      title: TITLES[400]!,
      status: 400,
      detail: `Invalid request: ${error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`,
      errors: error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    };
  }
  if (error instanceof DomainError && error.status < 500) {
    const { reason, field } = error.details;
    // A refusal that names its field lists it as a validation error would, so a form can show it beside the field.
    return { type: `urn:problem:${error.code}`, title: TITLES[error.status] ?? 'Error', status: error.status, detail: error.message, ...(typeof reason === 'string' && { reason }), ...(typeof field === 'string' && { errors: [{ path: field, message: error.message }] }) };
  }
  if (error instanceof HTTPException && error.status < 500) {
    return { type: 'urn:problem:http', title: TITLES[error.status] ?? 'Error', status: error.status, detail: error.message || TITLES[error.status] || 'Error' };
  }
  return { type: 'urn:problem:internal', title: TITLES[500]!, status: 500, detail: 'Something went wrong on our side; quote the correlation id when reporting it.', correlationId };
}

/** The app's one error exit (Hono `onError`). */
export function renderError(error: Error, c: Context): Response {
  const correlationId = c.req.header('x-request-id') ?? c.req.header('x-amzn-trace-id') ?? crypto.randomUUID();
  const problem = toProblem(error, correlationId);
  if (problem.status >= 500) logger.error('Unhandled error', { error, correlationId, path: c.req.path });
  const response = problemResponse(problem);
  if (error instanceof RateLimitedError) response.headers.set('retry-after', String(error.retryAfterSeconds));
  return response;
}
