/**
 * The emulator's errors, as domain errors so the house problem+json mapping gives each its status:
 * the same refusals the SMA APIs answer (unknown number, throttling, unknown transaction).
 */
import { ConflictError, InvalidRequestError, NotFoundError, RateLimitedError } from '@cc/shared/errors';

/** A phone number that is not E.164 (400). */
export class InvalidPhoneNumberError extends InvalidRequestError {
  constructor(field: string, value: string) {
    super(`${field} must be an E.164 number (+ and 7–15 digits), got ${JSON.stringify(value.slice(0, 40))}`, { field });
  }
}

/** Nobody routes this number to the SIP media application: no SIP rule (404). */
export class UnknownNumberError extends NotFoundError {
  constructor(e164: string) {
    super('Phone number with a SIP rule', e164);
  }
}

/** No call (transaction) with this id (404). */
export class CallNotFoundError extends NotFoundError {
  constructor(transactionId: string) {
    super('Call', transactionId);
  }
}

/** The call is in a state where this request makes no sense (ended, not ringing, …) (409). */
export class CallStateError extends ConflictError {
  constructor(message: string) {
    super(message);
  }
}

/** CreateSipMediaApplicationCall over the service's rate (429), like the API's ThrottledClientException. */
export class ThrottlingError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    super('CreateSipMediaApplicationCall rate exceeded', retryAfterSeconds);
  }
}
