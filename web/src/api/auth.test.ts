import { describe, expect, it, vi } from 'vitest';
import { decodeJwtPayload, isTokenExpired, login, userFromIdToken } from './auth.ts';
import { AuthChallengeError, CognitoAuthError } from './errors.ts';
import type { RuntimeConfig } from './types.ts';

/** An unsigned JWT with `claims`, encoded as UTF-8 base64url like a real one. */
function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(claims)}.signature`;
}

const cognito: RuntimeConfig = { apiBaseUrl: '', wsUrl: 'wss://ws.example.ru', auth: { mode: 'cognito', region: 'eu-central-1', userPoolId: 'eu-central-1_abc', clientId: 'client123' } };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/x-amz-json-1.1' } });

describe('decodeJwtPayload', () => {
  it('decodes Cyrillic claims as UTF-8', () => {
    expect(decodeJwtPayload(fakeJwt({ name: 'Анна Петрова' }))).toEqual({ name: 'Анна Петрова' });
  });

  it('throws for something that is not a JWT', () => {
    expect(() => decodeJwtPayload('opaque-token')).toThrow();
  });
});

describe('userFromIdToken', () => {
  it('reads name, groups and tenant from Cognito claims, keeping only known roles', () => {
    // Arrange
    const token = fakeJwt({ sub: 'u-1', name: 'Олег Кузнецов', 'cognito:username': 'oleg', 'cognito:groups': ['supervisor', 'billing'], 'custom:tenantId': 'romashka' });
    // Act
    const user = userFromIdToken(token);
    // Assert
    expect(user).toEqual({ userId: 'u-1', tenantId: 'romashka', name: 'Олег Кузнецов', login: 'oleg', roles: ['supervisor'] });
  });
});

describe('isTokenExpired', () => {
  it('is true once exp is within a minute, false before, and false for opaque tokens', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(isTokenExpired(fakeJwt({ exp: now / 1000 + 30 }), now)).toBe(true);
    expect(isTokenExpired(fakeJwt({ exp: now / 1000 + 3600 }), now)).toBe(false);
    expect(isTokenExpired('opaque', now)).toBe(false);
  });
});

describe('login with Cognito', () => {
  it('calls InitiateAuth with USER_PASSWORD_AUTH and uses the IdToken as the bearer token', async () => {
    // Arrange
    const idToken = fakeJwt({ sub: 'u-2', name: 'Анна', 'cognito:username': 'anna', 'cognito:groups': ['agent'], 'custom:tenantId': 't1' });
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(200, { AuthenticationResult: { IdToken: idToken, AccessToken: 'access' } }));
    // Act
    const result = await login(cognito, { login: 'anna', password: 'secret' }, fetchMock);
    // Assert
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('https://cognito-idp.eu-central-1.amazonaws.com/');
    expect(init?.headers).toEqual({ 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' });
    expect(JSON.parse(init?.body as string)).toEqual({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'client123', AuthParameters: { USERNAME: 'anna', PASSWORD: 'secret' } });
    expect(result).toEqual({ token: idToken, user: { userId: 'u-2', tenantId: 't1', name: 'Анна', login: 'anna', roles: ['agent'] } });
  });

  it('raises CognitoAuthError with the exception name for bad credentials', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(400, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }));
    const error = await login(cognito, { login: 'anna', password: 'wrong' }, fetchMock).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CognitoAuthError);
    expect(error).toMatchObject({ code: 'NotAuthorizedException' });
  });

  it('raises AuthChallengeError when Cognito asks for a new password', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(200, { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's' }));
    await expect(login(cognito, { login: 'anna', password: 'temp' }, fetchMock)).rejects.toBeInstanceOf(AuthChallengeError);
  });
});

describe('login locally', () => {
  it('posts the credentials to the contact center', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(new Response(JSON.stringify({ token: 't', user: { userId: 'u' } }), { status: 200 }));
    await login({ apiBaseUrl: '', wsUrl: '', auth: { mode: 'local' } }, { login: 'a', password: 'b' }, fetchMock);
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/auth/login');
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ method: 'POST', body: '{"login":"a","password":"b"}' });
  });
});
