import { exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { CLAIMS, type Principal } from '@cc/shared/auth/model';

/** Issuer and audience of locally issued tokens; the verifier is configured with the same. */
export const LOCAL_ISSUER = 'urn:contact-center:local-issuer';
export const LOCAL_AUDIENCE = 'contact-center-console';
const ALG = 'ES256';

/** Signs console tokens for the seeded users in local mode (Cognito does this in AWS). */
export interface LocalIssuer {
  jwks: JSONWebKeySet;
  issue(principal: Principal, ttlSeconds?: number): Promise<string>;
}

/**
 * Creates the issuer. With `keyFile` the signing key survives restarts, so open consoles keep
 * their sessions; without it the key lives in memory (tests).
 */
export async function createLocalIssuer(keyFile?: string): Promise<LocalIssuer> {
  let privateJwk: JWK;
  if (keyFile && existsSync(keyFile)) {
    privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair(ALG, { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: ALG };
    if (keyFile) {
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
    }
  }
  const { d: _private, ...publicJwk } = privateJwk;
  const signingKey = await importJWK(privateJwk, ALG);
  return {
    jwks: { keys: [{ ...publicJwk, use: 'sig' }] },
    issue: (principal, ttlSeconds = 12 * 3600) =>
      new SignJWT({
        [CLAIMS.groups]: principal.roles,
        [CLAIMS.tenantId]: principal.tenantId,
        [CLAIMS.name]: principal.name,
        [CLAIMS.login]: principal.login,
        token_use: 'id',
      })
        .setProtectedHeader({ alg: ALG, kid: privateJwk.kid })
        .setSubject(principal.userId)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(signingKey),
  };
}
