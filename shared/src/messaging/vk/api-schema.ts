import * as z from 'zod';
import { lazySchema } from '../../lazy-schema.ts';

// VK API responses, what a sender reads; apart from the Callback API events (`schema.ts`) so a
// function that only sends does not build those at import.

/** messages.send answers HTTP 200 with either `{response}` or `{error:{error_code,error_msg}}`. */
export const VkApiResponseSchema = lazySchema(() => z.looseObject({
  response: z
    .union([
      z.number().int(),
      z.array(z.looseObject({ peer_id: z.number().int().optional(), message_id: z.number().int().optional() })),
    ])
    .optional(),
  error: z.looseObject({ error_code: z.number().int(), error_msg: z.string().optional() }).optional(),
}));
export type VkApiResponse = z.infer<typeof VkApiResponseSchema>;
