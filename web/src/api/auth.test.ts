import { describe, expect, it, vi } from 'vitest';
import { completeNewPassword, decodeJwtPayload, isTokenExpired, login, userFromIdToken, type NewPasswordChallenge } from './auth.ts';
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

  it('stops at the new-password step when Cognito asks for one, answering as its own user name', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(200, { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's', ChallengeParameters: { USER_ID_FOR_SRP: 'u-42' } }));
    expect(await login(cognito, { login: 'anna@romashka.ru', password: 'temp' }, fetchMock)).toEqual({ challenge: 'NEW_PASSWORD_REQUIRED', session: 's', login: 'u-42' });
  });

  it('answers the new-password step with RespondToAuthChallenge and signs in with the ID token', async () => {
    const token = fakeJwt({ sub: 'u', 'custom:tenantId': 't', 'cognito:groups': ['agent'], name: 'Анна', 'cognito:username': 'u-42' });
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(200, { AuthenticationResult: { IdToken: token } }));
    const result = await completeNewPassword(cognito, { challenge: 'NEW_PASSWORD_REQUIRED', session: 's', login: 'u-42' }, 'Новый-пароль-2026', fetchMock);
    expect(result.token).toBe(token);
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.RespondToAuthChallenge' } });
    expect(JSON.parse(String(fetchMock.mock.calls[0]![1]!.body))).toEqual({ ChallengeName: 'NEW_PASSWORD_REQUIRED', ClientId: 'client123', Session: 's', ChallengeResponses: { USERNAME: 'u-42', NEW_PASSWORD: 'Новый-пароль-2026' } });
  });

  it('raises AuthChallengeError for a step the console does not offer (MFA)', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(200, { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's' }));
    await expect(login(cognito, { login: 'anna', password: 'temp' }, fetchMock)).rejects.toBeInstanceOf(AuthChallengeError);
  });
});

describe('login locally', () => {
  it('passes on the local NEW_PASSWORD_REQUIRED challenge and answers it at /api/auth/new-password', async () => {
    const local: RuntimeConfig = { apiBaseUrl: '', wsUrl: '', auth: { mode: 'local' } };
    const fetchMock = vi.fn<typeof fetch>()
      .mockResolvedValueOnce(new Response(JSON.stringify({ challenge: 'NEW_PASSWORD_REQUIRED', session: 'sess' }), { status: 200 }))
      .mockResolvedValueOnce(new Response(JSON.stringify({ token: 't', user: { userId: 'u' } }), { status: 200 }));
    const challenge = await login(local, { login: 'a@b.ru', password: 'once' }, fetchMock);
    expect(challenge).toEqual({ challenge: 'NEW_PASSWORD_REQUIRED', session: 'sess', login: 'a@b.ru' });
    await completeNewPassword(local, challenge as NewPasswordChallenge, 'Новый-пароль-2026', fetchMock);
    expect(fetchMock.mock.calls[1]![0]).toBe('/api/auth/new-password');
    expect(fetchMock.mock.calls[1]![1]).toMatchObject({ method: 'POST', body: '{"session":"sess","newPassword":"Новый-пароль-2026"}' });
  });

  it('posts the credentials to the contact center', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(new Response(JSON.stringify({ token: 't', user: { userId: 'u' } }), { status: 200 }));
    await login({ apiBaseUrl: '', wsUrl: '', auth: { mode: 'local' } }, { login: 'a', password: 'b' }, fetchMock);
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/auth/login');
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ method: 'POST', body: '{"login":"a","password":"b"}' });
  });
});
