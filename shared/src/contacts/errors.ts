import { ConflictError } from '../errors.ts';

/** A routing transaction lost: the contact or the agent changed since it was read (409 if it reaches the API). */
export class RoutingConflictError extends ConflictError {
  constructor(
    readonly party: 'contact' | 'agent' | 'conflict',
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(`Routing write lost a race on the ${party}`, { party, ...details }, options);
  }
}
