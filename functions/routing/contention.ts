import { ConflictError } from '@cc/shared/errors';

/** Attempts of one decision before giving up (the stream or the caller then retries). */
export const MAX_ATTEMPTS = 10;

/** A decision kept losing races; the stream record (or the API call) should be retried. */
export class RoutingContentionError extends ConflictError {
  constructor(what: string, id: string) {
    super(`Routing ${what} ${id} kept losing races; retry`, { what, id });
  }
}
