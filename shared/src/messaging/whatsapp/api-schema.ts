import * as z from 'zod';
import { lazySchema } from '../../lazy-schema.ts';

// Graph API responses, what a sender reads; apart from the webhooks (`schema.ts`) so a function
// that only sends does not build those at import.

/** A Graph API error response: `{error:{message,type,code,error_data?,error_subcode?,fbtrace_id}}`. */
export const GraphErrorResponseSchema = lazySchema(() => z.looseObject({
  error: z.looseObject({
    message: z.string(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    error_data: z.looseObject({ details: z.string().optional() }).optional(),
    fbtrace_id: z.string().optional(),
  }),
}));

/** The send-message response: `messages[0].id` is the wamid statuses will refer to. */
export const WhatsAppSendResponseSchema = lazySchema(() => z.looseObject({
  messaging_product: z.literal('whatsapp'),
  contacts: z.array(z.looseObject({ input: z.string(), wa_id: z.string() })).optional(),
  messages: z.array(z.looseObject({ id: z.string().min(1), message_status: z.string().optional() })).min(1),
}));
