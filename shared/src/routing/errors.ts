import { DomainError } from '../errors.ts';

/** A contact lifecycle move that the state machine does not allow, or that lacks what it needs (409). */
export class InvalidTransitionError extends DomainError {
  override readonly status = 409;
  constructor(contactId: string, from: string, to: string, reason = 'transition not allowed') {
    super('invalid_transition', `Contact ${contactId}: ${from} → ${to}: ${reason}`, { contactId, from, to, reason });
  }
}

/** A routing decision was asked for a contact with the wrong queue: a caller bug, so it stays a 500. */
export class QueueMismatchError extends DomainError {
  constructor(contactId: string, contactQueueId: string, queueId: string) {
    super('queue_mismatch', `Contact ${contactId} belongs to queue ${contactQueueId}, not ${queueId}`, {
      contactId,
      contactQueueId,
      queueId,
    });
  }
}
