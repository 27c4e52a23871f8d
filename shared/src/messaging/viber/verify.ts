import { verifyHmacSha256Hex } from '../signature.ts';

/** Header Viber sets to the hex HMAC-SHA256 of the raw body keyed with the bot's auth token. */
export const VIBER_SIGNATURE_HEADER = 'x-viber-content-signature';

/** Whether the raw body was signed with the bot's auth token (constant-time); pass the exact bytes received. */
export function verifyViberSignature(
  rawBody: string | Uint8Array,
  signatureHeader: string | null | undefined,
  authToken: string,
): boolean {
  if (!signatureHeader) return false;
  return verifyHmacSha256Hex(rawBody, signatureHeader, authToken);
}
