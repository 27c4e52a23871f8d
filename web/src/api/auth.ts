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

/**
 * Signs in with the method the runtime config names: the contact center's own
 * `POST /api/auth/login` locally, Cognito `InitiateAuth` (USER_PASSWORD_AUTH) in AWS, whose
 * `IdToken` then serves as the bearer token.
 * @throws ProblemError (401 on bad credentials), CognitoAuthError, AuthChallengeError, NetworkError.
 */
export async function login(config: RuntimeConfig, credentials: Credentials, fetchImpl: typeof fetch = fetch): Promise<LoginResponse> {
  if (config.auth.mode === 'local') {
    const base = config.apiBaseUrl.replace(/\/+$/, '');
    return requestJson<LoginResponse>(`${base}/api/auth/login`, { method: 'POST', body: credentials, fetch: fetchImpl });
  }
  return loginWithCognito(config.auth, credentials, fetchImpl);
}

interface InitiateAuthResponse {
  AuthenticationResult?: { IdToken?: string; AccessToken?: string; ExpiresIn?: number };
  ChallengeName?: string;
}

/** Cognito's USER_PASSWORD_AUTH over its JSON API, without the SDK. */
async function loginWithCognito(auth: { region: string; clientId: string }, credentials: Credentials, fetchImpl: typeof fetch): Promise<LoginResponse> {
  let response: Response;
  try {
    response = await fetchImpl(`https://cognito-idp.${auth.region}.amazonaws.com/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: auth.clientId,
        AuthParameters: { USERNAME: credentials.login, PASSWORD: credentials.password },
      }),
    });
  } catch (error) {
    throw new NetworkError('No answer from Cognito', { cause: error });
  }
  const body = (await response.json().catch(() => ({}))) as InitiateAuthResponse & { __type?: string; message?: string };
  if (!response.ok) {
    const code = (body.__type ?? 'UnknownError').split('#').pop() ?? 'UnknownError';
    throw new CognitoAuthError(code, body.message ?? `Cognito answered ${response.status}`);
  }
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
