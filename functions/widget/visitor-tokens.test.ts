import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { ConflictError } from '@cc/shared/errors';
import type { WidgetKeyRepository } from '@cc/shared/widget/ports';
import { widgetKeyContext } from '@cc/shared/tenancy/ports';
import { LocalSecretCipher } from '../adapters/secrets/local-cipher.ts';
import { VISITOR_TOKEN_TTL_SECONDS, VisitorTokens, isVisitorToken } from './visitor-tokens.ts';

/** Keys in memory, with the repository's create-once contract. */
class MemoryWidgetKeys implements WidgetKeyRepository {
  readonly items = new Map<string, string>();
  /** Tenants whose key was read, in order. */
  readonly reads: string[] = [];
  async get(tenantId: string) {
    this.reads.push(tenantId);
    return this.items.get(tenantId);
  }
  async create(tenantId: string, encryptedKey: string) {
    if (this.items.has(tenantId)) throw new ConflictError('exists');
    this.items.set(tenantId, encryptedKey);
  }
}

const claims = { tenantId: 'acme', channelId: 'web-1', visitorId: 'v_1', conversationId: 'conv_1' };

function setUp() {
  let now = new Date('2026-11-25T09:00:00.000Z');
  const widgetKeys = new MemoryWidgetKeys();
  const cipher = LocalSecretCipher.fromKeyFile();
  const tokens = new VisitorTokens({ widgetKeys, cipher, clock: { now: () => now } });
  return { tokens, widgetKeys, cipher, advance: (seconds: number) => void (now = new Date(now.getTime() + seconds * 1000)) };
}

describe('visitor tokens', () => {
  it('round-trips the visitor and creates the tenant key once, encrypted', async () => {
    // Arrange
    const { tokens, widgetKeys, cipher } = setUp();
    // Act
    const { token, expiresAt } = await tokens.issue(claims);
    await tokens.issue({ ...claims, visitorId: 'v_2' });
    const verified = await tokens.verify(token, { tenantId: 'acme' });
    // Assert
    expect(verified).toEqual(claims);
    expect(isVisitorToken(token)).toBe(true);
    expect(expiresAt).toBe('2026-11-25T10:00:00.000Z');
    expect(widgetKeys.items.size).toBe(1);
    const stored = widgetKeys.items.get('acme')!;
    expect(Buffer.from(await cipher.decrypt(stored, widgetKeyContext('acme')), 'base64url')).toHaveLength(32);
    expect(stored).not.toContain(await cipher.decrypt(stored, widgetKeyContext('acme')));
  });

  it('refuses an expired token, but renews it within a day', async () => {
    // Arrange
    const { tokens, advance } = setUp();
    const { token } = await tokens.issue(claims);
    advance(VISITOR_TOKEN_TTL_SECONDS + 60);
    // Act
    const expired = await tokens.verify(token, { tenantId: 'acme' }).catch((error: Error) => error.message);
    const renewal = await tokens.verify(token, { tenantId: 'acme', renewal: true });
    advance(24 * 3600);
    const tooOld = await tokens.verify(token, { tenantId: 'acme', renewal: true }).catch((error: Error) => error.message);
    // Assert
    expect(expired).toBe('Visitor token expired');
    expect(renewal.visitorId).toBe('v_1');
    expect(tooOld).toBe('Visitor token expired');
  });

  it('refuses tampered tokens, other tenants’ claims, console-style tokens and junk', async () => {
    // Arrange
    const { tokens } = setUp();
    const { token } = await tokens.issue(claims);
    await tokens.issue({ ...claims, tenantId: 'other' });
    const [header, payload, signature] = token.split('.');
    const forged = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const retargeted = `${header}.${Buffer.from(JSON.stringify({ ...forged, tid: 'other' })).toString('base64url')}.${signature}`;
    const widened = `${header}.${Buffer.from(JSON.stringify({ ...forged, cnv: 'conv_2' })).toString('base64url')}.${signature}`;
    const guessedKey = await new SignJWT({ tid: 'acme', chn: 'web-1', cnv: 'conv_1' }).setProtectedHeader({ alg: 'HS256', typ: 'cc-visitor+jwt' }).setSubject('v_1').setIssuer('urn:contact-center:widget').setAudience('contact-center-widget').setExpirationTime('1h').sign(new Uint8Array(32));
    // Act / Assert
    for (const bad of [retargeted, widened, guessedKey, 'junk', '', undefined]) await expect(tokens.verify(bad, { tenantId: bad === retargeted ? 'other' : 'acme' })).rejects.toThrow(/visitor token/i);
    expect(isVisitorToken('a.b.c')).toBe(false);
  });

  it('uses the key another process created first', async () => {
    // Arrange: two processes, one table
    const first = setUp();
    const second = new VisitorTokens({ widgetKeys: first.widgetKeys, cipher: first.cipher, clock: { now: () => new Date('2026-11-25T09:00:00.000Z') } });
    // Act
    const { token } = await first.tokens.issue(claims);
    // Assert
    expect(await second.verify(token, { tenantId: 'acme' })).toEqual(claims);
  });

  it('reads no key for a token whose unverified tenant claim is not the tenant it is presented to', async () => {
    // Arrange: a genuine token of «other», and a fresh process with nothing cached
    const { tokens, widgetKeys, cipher } = setUp();
    const { token } = await tokens.issue({ ...claims, tenantId: 'other' });
    const fresh = new VisitorTokens({ widgetKeys, cipher, clock: { now: () => new Date('2026-11-25T09:00:00.000Z') } });
    widgetKeys.reads.length = 0;
    // Act: presented to acme's channel (the widget API's path channel, or the session's channel on renewal)
    const presented = fresh.verify(token, { tenantId: 'acme' });
    const renewed = fresh.verify(token, { tenantId: 'acme', renewal: true });
    // Assert
    await expect(presented).rejects.toThrow(/visitor token/i);
    await expect(renewed).rejects.toThrow(/visitor token/i);
    expect(widgetKeys.reads).toEqual([]);
  });
});
