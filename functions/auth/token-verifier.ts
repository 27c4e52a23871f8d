import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { CLAIMS, RoleSchema, type Principal } from '@cc/shared/auth/model';
import { UnauthenticatedError } from '@cc/shared/errors';

/** Verifies a bearer token and turns its claims into a `Principal`. */
export interface TokenVerifier {
  /** @throws UnauthenticatedError for a missing, tampered, expired or foreign token. */
  verify(token: string | undefined): Promise<Principal>;
}

export interface JwtVerifierOptions {
  issuer: string;
  audience: string;
  /** Remote JWKS (Cognito) or an in-process key set (local issuer). */
  keys: { jwksUrl: string } | { jwks: JSONWebKeySet };
}

/**
 * One verifier for both issuers: Cognito ID tokens in AWS and the local issuer's tokens, which
 * carry the same claims (`cognito:groups`, `custom:tenantId`, `name`, `cognito:username`).
 */
export function createJwtVerifier(options: JwtVerifierOptions): TokenVerifier {
  const getKey: JWTVerifyGetKey = 'jwksUrl' in options.keys ? createRemoteJWKSet(new URL(options.keys.jwksUrl)) : createLocalJWKSet(options.keys.jwks);
  return {
    async verify(token) {
      if (!token) throw new UnauthenticatedError('Missing bearer token');
      let payload;
      try {
        ({ payload } = await jwtVerify(token, getKey, { issuer: options.issuer, audience: options.audience, clockTolerance: 5 }));
      } catch (error) {
        const reason = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : 'invalid';
        throw new UnauthenticatedError(reason === 'ERR_JWT_EXPIRED' ? 'Token expired' : 'Invalid token');
      }
      if (payload.token_use !== undefined && payload.token_use !== 'id') throw new UnauthenticatedError('An ID token is required');
      const groups = payload[CLAIMS.groups];
      const roles = (Array.isArray(groups) ? groups : []).flatMap((g) => {
        const role = RoleSchema.safeParse(g);
        return role.success ? [role.data] : [];
      });
      const tenantId = payload[CLAIMS.tenantId];
      if (typeof payload.sub !== 'string' || typeof tenantId !== 'string' || roles.length === 0) {
        throw new UnauthenticatedError('Token lacks user, tenant or role claims');
      }
      return {
        userId: payload.sub,
        tenantId,
        roles,
        name: typeof payload[CLAIMS.name] === 'string' ? (payload[CLAIMS.name] as string) : '',
        login: typeof payload[CLAIMS.login] === 'string' ? (payload[CLAIMS.login] as string) : '',
        ...(typeof payload.iat === 'number' && { issuedAt: payload.iat }),
      };
    },
  };
}

/** Extracts the token from an `Authorization: Bearer …` header. */
export function bearerToken(header: string | undefined | null): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
