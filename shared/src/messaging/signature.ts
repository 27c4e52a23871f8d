import { createHmac, timingSafeEqual } from 'node:crypto';

/** Compares two secrets in constant time; different lengths are unequal without comparing bytes. */
export function equalSecrets(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}

/** Lower-case hex HMAC-SHA256 of the raw body bytes (a string is taken as UTF-8; never re-serialise JSON). */
export function hmacSha256Hex(key: string, rawBody: string | Uint8Array): string {
  return createHmac('sha256', key).update(rawBody).digest('hex');
}

/** Whether `signatureHex` is the HMAC-SHA256 of `rawBody` under `key`; compared in constant time. */
export function verifyHmacSha256Hex(rawBody: string | Uint8Array, signatureHex: string, key: string): boolean {
  if (!key || !/^[0-9a-fA-F]{64}$/.test(signatureHex)) return false;
  return equalSecrets(signatureHex.toLowerCase(), hmacSha256Hex(key, rawBody));
}
