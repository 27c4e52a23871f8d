import * as z from 'zod';
import { lazySchema } from '../../lazy-schema.ts';
import { parseWebhookBody } from '../parse-webhook-body.ts';

// Viber REST Bot API send responses, what a sender reads; apart from the callbacks (`schema.ts`) so a
// function that only sends does not build those at import.

/**
 * `message_token` is a 64-bit integer beyond 2^53: parse bodies with `parseViberJson` so it arrives
 * as a digit string; a (safe) number is accepted too. Always a string afterwards.
 */
export const ViberMessageTokenSchema = lazySchema(() => z
  .union([z.string().regex(/^-?\d+$/), z.number().int()])
  .transform((token) => String(token)));

/** A send_message / set_webhook response: HTTP 200 with `status` 0 for ok, otherwise an error code. */
export const ViberApiResponseSchema = lazySchema(() => z.looseObject({
  status: z.number().int(),
  status_message: z.string().optional(),
  message_token: ViberMessageTokenSchema.optional(),
  chat_hostname: z.string().optional(),
}));
export type ViberApiResponse = z.infer<typeof ViberApiResponseSchema>;

/** Parses a Viber JSON body keeping 64-bit `message_token`s exact. @throws MalformedWebhookError on bad JSON */
export function parseViberJson(rawBody: string): unknown {
  return parseWebhookBody('viber', rawBody);
}
