import { AuthChallengeError, CognitoAuthError, NetworkError } from './errors.ts';
import { requestJson } from './http.ts';
import type { Role } from '@cc/shared/auth/model';
import { ROLES } from '@cc/shared/auth/values';
import type { UserView } from '@cc/shared/tenancy/model';
import type { LoginResponse, RuntimeConfig } from './types.ts';

export interface Credentials {
  login: string;
  password: string;
}

/** The first sign-in with a one-time password: a new password is due before any token (Cognito's NEW_PASSWORD_REQUIRED). */
export interface NewPasswordChallenge {
  challenge: 'NEW_PASSWORD_REQUIRED';
  /** Opaque, short-lived and good for one answer. */
  session: string;
  /** Who answers it (Cognito wants its own user name, which may differ from the e-mail typed). */
  login: string;
}

/** What a sign-in gives: a session, or the new-password step first. */
export type LoginResult = LoginResponse | NewPasswordChallenge;

/** Whether a sign-in stopped at the new-password step. */
export function isNewPasswordChallenge(result: LoginResult): result is NewPasswordChallenge {
  return 'challenge' in result && result.challenge === 'NEW_PASSWORD_REQUIRED';
}

/**
 * Signs in with the method the runtime config names: the contact center's own
 * `POST /api/auth/login` locally, Cognito `InitiateAuth` (USER_PASSWORD_AUTH) in AWS, whose
 * `IdToken` then serves as the bearer token.
 * @throws ProblemError (401 on bad credentials), CognitoAuthError, AuthChallengeError, NetworkError.
 */
export async function login(config: RuntimeConfig, credentials: Credentials, fetchImpl: typeof fetch = fetch): Promise<LoginResult> {
  if (config.auth.mode === 'local') {
    const answer = await requestJson<LoginResponse | Omit<NewPasswordChallenge, 'login'>>(`${apiBase(config)}/api/auth/login`, { method: 'POST', body: credentials, fetch: fetchImpl });
    return 'challenge' in answer ? { ...answer, login: credentials.login } : answer;
  }
  const body = await callCognito(config.auth, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: config.auth.clientId, AuthParameters: { USERNAME: credentials.login, PASSWORD: credentials.password } }, fetchImpl);
  if (body.ChallengeName === 'NEW_PASSWORD_REQUIRED' && body.Session) {
    return { challenge: 'NEW_PASSWORD_REQUIRED', session: body.Session, login: body.ChallengeParameters?.USER_ID_FOR_SRP ?? credentials.login };
  }
  return sessionOf(body);
}

/**
 * Answers the new-password step with the password replacing the one-time one: `POST /api/auth/new-password`
 * locally, Cognito `RespondToAuthChallenge` in AWS.
 * @throws ProblemError (400 with the broken rules, 401 for a used or expired session), CognitoAuthError, NetworkError.
 */
export async function completeNewPassword(config: RuntimeConfig, challenge: NewPasswordChallenge, newPassword: string, fetchImpl: typeof fetch = fetch): Promise<LoginResponse> {
  if (config.auth.mode === 'local') {
    return requestJson<LoginResponse>(`${apiBase(config)}/api/auth/new-password`, { method: 'POST', body: { session: challenge.session, newPassword }, fetch: fetchImpl });
  }
  const body = await callCognito(config.auth, 'RespondToAuthChallenge', { ChallengeName: 'NEW_PASSWORD_REQUIRED', ClientId: config.auth.clientId, Session: challenge.session, ChallengeResponses: { USERNAME: challenge.login, NEW_PASSWORD: newPassword } }, fetchImpl);
  return sessionOf(body);
}

const apiBase = (config: RuntimeConfig) => config.apiBaseUrl.replace(/\/+$/, '');

interface CognitoAuthResponse {
  AuthenticationResult?: { IdToken?: string; AccessToken?: string; ExpiresIn?: number };
  ChallengeName?: string;
  ChallengeParameters?: Record<string, string>;
  Session?: string;
}

/** One call of Cognito's JSON API, without the SDK. @throws NetworkError, CognitoAuthError */
async function callCognito(auth: { region: string }, target: 'InitiateAuth' | 'RespondToAuthChallenge', request: unknown, fetchImpl: typeof fetch): Promise<CognitoAuthResponse> {
  let response: Response;
  try {
    response = await fetchImpl(`https://cognito-idp.${auth.region}.amazonaws.com/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}` },
      body: JSON.stringify(request),
    });
  } catch (error) {
    throw new NetworkError('No answer from Cognito', { cause: error });
  }
  const body = (await response.json().catch(() => ({}))) as CognitoAuthResponse & { __type?: string; message?: string };
  if (!response.ok) {
    const code = (body.__type ?? 'UnknownError').split('#').pop() ?? 'UnknownError';
    throw new CognitoAuthError(code, body.message ?? `Cognito answered ${response.status}`);
  }
  return body;
}

/** The session in a Cognito answer. @throws AuthChallengeError for a further step the console does not offer (MFA). */
function sessionOf(body: CognitoAuthResponse): LoginResponse {
  if (body.ChallengeName) throw new AuthChallengeError(body.ChallengeName);
  const token = body.AuthenticationResult?.IdToken;
  if (!token) throw new CognitoAuthError('MissingIdToken', 'Cognito returned no IdToken');
  return { token, user: userFromIdToken(token) };
}

/** The JSON payload of a JWT, decoded as UTF-8 (names are Cyrillic). Does not verify the signature. */
export function decodeJwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error('Not a JWT');
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (typeof payload !== 'object' || payload === null) throw new Error('JWT payload is not an object');
  return payload as Record<string, unknown>;
}

/** The console user described by a Cognito ID token's claims. */
export function userFromIdToken(token: string): UserView {
  const claims = decodeJwtPayload(token);
  const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'] : [];
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  const login = str(claims['cognito:username']) || str(claims.email);
  return {
    userId: str(claims.sub),
    tenantId: str(claims['custom:tenantId']),
    name: str(claims.name) || login,
    login,
    roles: groups.filter((group): group is Role => (ROLES as readonly string[]).includes(group)),
  };
}

/** Whether a JWT's `exp` has passed (with a minute of slack); tokens without `exp` never expire here. */
export function isTokenExpired(token: string, now = Date.now()): boolean {
  try {
    const exp = decodeJwtPayload(token).exp;
    return typeof exp === 'number' && exp * 1000 <= now + 60_000;
  } catch {
    return false;
  }
}
