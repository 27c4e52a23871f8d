import { MalformedWebhookError } from './errors.ts';
import { parseJsonPreservingIntegers } from './json.ts';

/**
 * Parses a webhook's raw body as JSON, keeping integers beyond 2^53 exact (as strings).
 * @throws MalformedWebhookError (400) when the body is not JSON.
 */
export function parseWebhookBody(provider: string, rawBody: string): unknown {
  try {
    return parseJsonPreservingIntegers(rawBody);
  } catch (error) {
    throw new MalformedWebhookError(provider, `body is not JSON (${error instanceof Error ? error.message : 'cannot parse'})`);
  }
}
