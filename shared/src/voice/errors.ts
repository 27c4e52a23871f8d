import { ConflictError } from '../errors.ts';
import type { StoredCall } from './ports.ts';

/**
 * A call record's conditional write lost: another invocation stored a newer version (or the call exists, on create).
 * `current` is the record as it is stored now, when the store could hand it back with the refusal, so the caller
 * starts again from it without reading it.
 */
export class CallChangedError extends ConflictError {
  constructor(
    readonly current: StoredCall | undefined,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super('The call record changed or already exists', details, options);
  }
}
