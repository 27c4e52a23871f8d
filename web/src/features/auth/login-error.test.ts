import { describe, expect, it } from 'vitest';
import { AuthChallengeError, CognitoAuthError, NetworkError, ProblemError } from '../../api/errors.ts';
import { loginErrorKey } from './login-error.ts';

describe('loginErrorKey', () => {
  it('says "wrong login or password" for a 401 and for Cognito NotAuthorized', () => {
    expect(loginErrorKey(new ProblemError(401, { type: 'x', title: 'Unauthorized', status: 401 }))).toBe('login.error.invalid');
    expect(loginErrorKey(new CognitoAuthError('NotAuthorizedException', 'Incorrect username or password.'))).toBe('login.error.invalid');
  });

  it('tells a network failure and a server error apart from bad credentials', () => {
    expect(loginErrorKey(new NetworkError('offline'))).toBe('login.error.unavailable');
    expect(loginErrorKey(new ProblemError(503, undefined))).toBe('login.error.unavailable');
    expect(loginErrorKey(new ProblemError(429, undefined))).toBe('login.error.tooMany');
  });

  it('says the account is disabled, locally (403 user_disabled) and in Cognito', () => {
    expect(loginErrorKey(new ProblemError(403, { type: 'urn:problem:user_disabled', title: 'Forbidden', status: 403, reason: 'user_disabled' }))).toBe('login.error.disabled');
    expect(loginErrorKey(new CognitoAuthError('NotAuthorizedException', 'User is disabled.'))).toBe('login.error.disabled');
  });

  it('explains a pending password change', () => {
    expect(loginErrorKey(new AuthChallengeError('NEW_PASSWORD_REQUIRED'))).toBe('login.error.challenge');
  });
});
