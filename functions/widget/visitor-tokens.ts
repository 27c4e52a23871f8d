import { randomBytes } from 'node:crypto';
import { SignJWT, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { ConflictError, UnauthenticatedError } from '@cc/shared/errors';
import { idProblem } from '@cc/shared/limits/input';
import type { VisitorClaims } from '@cc/shared/widget/model';
import type { WidgetKeyRepository } from '@cc/shared/widget/ports';
import { widgetKeyContext, type SecretCipher } from '@cc/shared/tenancy/ports';
import type { Clock } from '../composition/deps.ts';

/** The JOSE `typ` of visitor tokens: how `$connect` tells them from console ID tokens. */
export const VISITOR_TOKEN_TYPE = 'cc-visitor+jwt';
const ISSUER = 'urn:contact-center:widget';
const AUDIENCE = 'contact-center-widget';
const ALG = 'HS256';
/** A visitor token lives an hour; the widget renews it before then (or after, within a day, with the old one). */
export const VISITOR_TOKEN_TTL_SECONDS = 3600;
/** How long after expiry a token may still be traded for a new one of the same visitor. */
export const VISITOR_RENEWAL_GRACE_SECONDS = 24 * 3600;

/** Whether `token` looks like a visitor token (by its header; nothing is verified). */
export function isVisitorToken(token: string | undefined): boolean {
  if (!token) return false;
  try {
    return decodeProtectedHeader(token).typ === VISITOR_TOKEN_TYPE;
  } catch {
    return false;
  }
}

/**
 * Signs and verifies visitor tokens: HS256 with a per-tenant random key kept in the table, encrypted
 * by the secrets cipher (KMS in AWS), created on the tenant's first widget session and cached per
 * process (one decrypt per cold start). A visitor token has no console roles and a different
 * algorithm and issuer, so the console verifier refuses it, and the other way round.
 */
export class VisitorTokens {
  private readonly keys = new Map<string, Promise<Uint8Array | undefined>>();

  constructor(private readonly deps: { widgetKeys: WidgetKeyRepository; cipher: SecretCipher; clock: Clock }) {}

  /** A token for the visitor, valid for an hour. */
  async issue(claims: VisitorClaims): Promise<{ token: string; expiresAt: string }> {
    const key = await this.keyOf(claims.tenantId, true);
    const now = Math.floor(this.deps.clock.now().getTime() / 1000);
    const token = await new SignJWT({ tid: claims.tenantId, chn: claims.channelId, cnv: claims.conversationId })
      .setProtectedHeader({ alg: ALG, typ: VISITOR_TOKEN_TYPE })
      .setSubject(claims.visitorId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + VISITOR_TOKEN_TTL_SECONDS)
      .sign(key!);
    return { token, expiresAt: new Date((now + VISITOR_TOKEN_TTL_SECONDS) * 1000).toISOString() };
  }

  /**
   * The visitor a token speaks for. `renewal` accepts a token up to a day past its expiry (to issue its successor);
   * `tenantId` (the tenant of the channel the token is presented to) is the only tenant whose key may be read:
   * the token's own claim is unverified, so it never chooses which tenant's key is loaded.
   * @throws UnauthenticatedError for a missing, forged, expired or malformed token
   */
  async verify(token: string | undefined, options: { tenantId: string; renewal?: boolean }): Promise<VisitorClaims> {
    if (!token) throw new UnauthenticatedError('Missing visitor token');
    let tenantId: unknown;
    try {
      tenantId = decodeJwt(token)['tid'];
    } catch {
      throw new UnauthenticatedError('Invalid visitor token');
    }
    // The claim is unverified here, so it may pick a key only when it is a valid id and the expected tenant.
    const usable = typeof tenantId === 'string' && !idProblem(tenantId) && tenantId === options.tenantId;
    const key = usable ? await this.keyOf(tenantId as string, false) : undefined;
    if (!key) throw new UnauthenticatedError('Invalid visitor token');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, key, {
        algorithms: [ALG],
        typ: VISITOR_TOKEN_TYPE,
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: this.deps.clock.now(),
        clockTolerance: options.renewal ? VISITOR_RENEWAL_GRACE_SECONDS : 5,
      }));
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : '';
      throw new UnauthenticatedError(code === 'ERR_JWT_EXPIRED' ? 'Visitor token expired' : 'Invalid visitor token');
    }
    const { sub, chn, cnv } = payload;
    if (typeof sub !== 'string' || typeof chn !== 'string' || typeof cnv !== 'string') throw new UnauthenticatedError('Invalid visitor token');
    return { tenantId: tenantId as string, channelId: chn, visitorId: sub, conversationId: cnv };
  }

  /** The tenant's key, read (and decrypted) once per process; created when `create` and absent. */
  private keyOf(tenantId: string, create: boolean): Promise<Uint8Array | undefined> {
    const cached = this.keys.get(tenantId);
    if (cached) return cached;
    const loading = this.load(tenantId, create);
    this.keys.set(tenantId, loading);
    // Failures and misses are not cached: a later call reads again (the key may have been created meanwhile).
    loading.then(
      (key) => key === undefined && this.keys.delete(tenantId),
      () => this.keys.delete(tenantId),
    );
    return loading;
  }

  private async load(tenantId: string, create: boolean): Promise<Uint8Array | undefined> {
    const stored = await this.deps.widgetKeys.get(tenantId);
    if (stored) return Buffer.from(await this.deps.cipher.decrypt(stored, widgetKeyContext(tenantId)), 'base64url');
    if (!create) return undefined;
    const key = randomBytes(32);
    try {
      await this.deps.widgetKeys.create(tenantId, await this.deps.cipher.encrypt(key.toString('base64url'), widgetKeyContext(tenantId)), this.deps.clock.now().toISOString());
      return key;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // Another process created the key first: use theirs.
      return this.load(tenantId, false);
    }
  }
}
