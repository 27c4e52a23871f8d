import * as z from 'zod';
import { lazySchema } from '../../lazy-schema.ts';

// Telegram Bot API responses, what a sender reads; apart from the webhook updates (`schema.ts`) so a
// function that only sends does not build those at import.

/** The Bot API response envelope: `{ok:true,result}` or `{ok:false,error_code,description,parameters?}`. */
export const TelegramApiResponseSchema = lazySchema(() => z.looseObject({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().int().optional(),
  description: z.string().optional(),
  parameters: z
    .looseObject({ retry_after: z.number().optional(), migrate_to_chat_id: z.number().optional() })
    .optional(),
}));
export type TelegramApiResponse = z.infer<typeof TelegramApiResponseSchema>;
