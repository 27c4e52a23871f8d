/**
 * The provider-neutral part of the webhooks the simulator sends: one HTTP call as exact bytes, how
 * to forge one, and Viber-style JSON with 64-bit integers.
 */
import { randomBytes } from 'node:crypto';

/** One HTTP call a provider makes to our webhook, body as the exact bytes it signs. */
export interface WebhookRequest {
  method: 'POST' | 'GET';
  url: string;
  headers: Record<string, string>;
  rawBody?: string;
}

/**
 * How to forge a call: `bad-signature` authenticates with a wrong secret, `missing-signature`
 * leaves the authentication out (for VK, the `secret` field; for Alice, a foreign skill id).
 */
export type Forgery = 'bad-signature' | 'missing-signature';

/** A secret that is certainly not the channel's. */
export const forgedSecret = () => `forged-${randomBytes(12).toString('hex')}`;

/**
 * JSON text in which the given bigint values are written as bare integer literals, as Viber writes
 * 64-bit `message_token`s (beyond 2^53, so a JS number would lose digits).
 */
export function stringifyWithBigInts(value: unknown): string {
  const marker = `__bigint_${randomBytes(6).toString('hex')}__`;
  const json = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${marker}${v.toString()}` : v));
  return json.replace(new RegExp(`"${marker}(-?\\d+)"`, 'g'), '$1');
}
