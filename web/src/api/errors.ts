import type { Problem } from './types.ts';

/** Base of every error the API layer raises. */
export class ApiError extends Error {
  override name = 'ApiError';
}

/** The server answered with an error status; `problem` holds its problem+json body when it sent one. */
export class ProblemError extends ApiError {
  override name = 'ProblemError';
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    options?: { cause?: unknown },
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`, options);
  }
}

/** The request never got an answer: offline, DNS, CORS or the server is down. */
export class NetworkError extends ApiError {
  override name = 'NetworkError';
}

/** A success answer whose body could not be read as JSON (e.g. an HTML fallback page). */
export class MalformedResponseError extends ApiError {
  override name = 'MalformedResponseError';
}

/** Cognito refused the sign-in; `code` is its `__type`, e.g. `NotAuthorizedException`. */
export class CognitoAuthError extends ApiError {
  override name = 'CognitoAuthError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Cognito wants a further step (e.g. a new password) that the console does not offer yet. */
export class AuthChallengeError extends ApiError {
  override name = 'AuthChallengeError';
  constructor(readonly challenge: string) {
    super(`Unsupported auth challenge ${challenge}`);
  }
}

/** What a failed save means to the person who pressed Save. */
export type SaveFailure = { kind: 'stale' } | { kind: 'refused'; reason: string } | { kind: 'failed' };

/** A versioned save's failure: someone saved first (409), the server refused the content and says why (400), or it did not go through. */
export function saveFailureOf(error: unknown): SaveFailure {
  if (error instanceof ProblemError && error.status === 409) return { kind: 'stale' };
  if (error instanceof ProblemError && error.status === 400) return { kind: 'refused', reason: error.message };
  return { kind: 'failed' };
}
