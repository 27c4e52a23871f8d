/**
 * The domain's error family. Adapters translate SDK errors into these; the HTTP layer maps them
 * to problem responses by `status`, so a domain error never leaks a stack trace.
 */
export class DomainError extends Error {
  /** HTTP status the API answers with when this error reaches it. */
  readonly status: number = 500;
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The request was understood but is not valid in the current state (400). */
export class InvalidRequestError extends DomainError {
  override readonly status = 400;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('invalid_request', message, details);
  }
}

/** Missing or invalid credentials (401). */
export class UnauthenticatedError extends DomainError {
  override readonly status = 401;
  constructor(message = 'Authentication required') {
    super('unauthenticated', message);
  }
}

/** Authenticated, but the role does not allow this (403). */
export class ForbiddenError extends DomainError {
  override readonly status = 403;
  constructor(message = 'Not allowed for your role') {
    super('forbidden', message);
  }
}

/** The record does not exist in the caller's tenant (404); other tenants' records look the same. */
export class NotFoundError extends DomainError {
  override readonly status = 404;
  constructor(entity: string, id: string) {
    super('not_found', `${entity} ${id} not found`, { entity, id });
  }
}

/** A conditional write lost a race or the record already exists (409). */
export class ConflictError extends DomainError {
  override readonly status = 409;
  constructor(message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super('conflict', message, details, options);
  }
}

/** Too many requests of one kind from one requester (429); `retryAfterSeconds` goes into `Retry-After`. */
export class RateLimitedError extends DomainError {
  override readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    details: Record<string, unknown> = {},
  ) {
    super('rate_limited', message, { ...details, retryAfterSeconds });
  }
}

/** A file that may not be sent: empty (400), too large (413) or of a type we do not take (415); `reason` names which. */
export class FileRefusedError extends DomainError {
  override readonly status: 400 | 413 | 415;
  constructor(status: 400 | 413 | 415, message: string) {
    super('file_refused', message, { reason: status === 413 ? 'file_too_large' : status === 415 ? 'file_type_refused' : 'file_empty' });
    this.status = status;
  }
}
