import { AuthChallengeError, CognitoAuthError, NetworkError, ProblemError } from '../../api/errors.ts';
import type { MessageKey } from '../../i18n/messages.ts';

/** Which message the login form shows for a failed sign-in, always in the console's language. */
export function loginErrorKey(error: unknown): MessageKey {
  if (error instanceof ProblemError) {
    if (error.status === 403 && error.problem?.reason === 'user_disabled') return 'login.error.disabled';
    if (error.status === 401 || error.status === 403) return 'login.error.invalid';
    if (error.status === 400 || error.status === 422) return 'login.error.missing';
    if (error.status === 429) return 'login.error.tooMany';
    if (error.status >= 500) return 'login.error.unavailable';
    return 'login.error.unknown';
  }
  if (error instanceof CognitoAuthError) {
    // Cognito tells a disabled user apart only by its message.
    if (error.code === 'NotAuthorizedException' && /disabled/i.test(error.message)) return 'login.error.disabled';
    if (error.code === 'NotAuthorizedException' || error.code === 'UserNotFoundException') return 'login.error.invalid';
    if (error.code === 'TooManyRequestsException' || error.code === 'LimitExceededException') return 'login.error.tooMany';
    if (error.code === 'InvalidParameterException') return 'login.error.missing';
    return 'login.error.unknown';
  }
  if (error instanceof AuthChallengeError) return 'login.error.challenge';
  if (error instanceof NetworkError) return 'login.error.unavailable';
  return 'login.error.unknown';
}
