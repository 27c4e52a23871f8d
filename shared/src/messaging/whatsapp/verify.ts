import { equalSecrets, verifyHmacSha256Hex } from '../signature.ts';

/** Header Meta sets to `sha256=<hex HMAC-SHA256 of the raw body keyed with the app secret>`. */
export const WHATSAPP_SIGNATURE_HEADER = 'x-hub-signature-256';

/**
 * Whether the raw body was signed with the app secret (constant-time). Pass the exact bytes
 * received: re-serialised JSON will not verify.
 */
export function verifyWhatsAppSignature(
  rawBody: string | Uint8Array,
  signatureHeader: string | null | undefined,
  appSecret: string,
): boolean {
  if (!signatureHeader?.startsWith('sha256=')) return false;
  return verifyHmacSha256Hex(rawBody, signatureHeader.slice('sha256='.length), appSecret);
}

/**
 * The `hub.challenge` to echo as text/plain when Meta's subscription GET carries our verify token,
 * otherwise undefined (answer 403).
 */
export function answerWhatsAppVerification(
  query: Record<string, string | undefined>,
  verifyToken: string,
): string | undefined {
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (mode !== 'subscribe' || !token || !challenge || !verifyToken) return undefined;
  return equalSecrets(token, verifyToken) ? challenge : undefined;
}
