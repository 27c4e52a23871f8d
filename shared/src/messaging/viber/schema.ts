import * as z from 'zod';
import { lazySchema } from '../../lazy-schema.ts';
import { ViberMessageTokenSchema } from './api-schema.ts';

// Viber REST Bot API callbacks (developers.viber.com/docs/api/rest-bot-api; send responses: `api-schema.ts`),
// only the fields we read; every object is loose.

/** A Viber user as given in `sender`/`user`. */
export const ViberUserSchema = lazySchema(() => z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  avatar: z.string().optional(),
  country: z.string().optional(),
  language: z.string().optional(),
  api_version: z.number().int().optional(),
}));
export type ViberUser = z.infer<typeof ViberUserSchema>;

/** The `message` of a message callback; `type` tells which fields are set. */
export const ViberMessageSchema = lazySchema(() => z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  media: z.string().optional(),
  thumbnail: z.string().optional(),
  file_name: z.string().optional(),
  size: z.number().int().optional(),
  duration: z.number().optional(),
  sticker_id: z.number().int().optional(),
  contact: z.looseObject({ name: z.string().optional(), phone_number: z.string().optional() }).optional(),
  location: z.looseObject({ lat: z.number(), lon: z.number() }).optional(),
  tracking_data: z.string().optional(),
}));
export type ViberMessage = z.infer<typeof ViberMessageSchema>;

/** The envelope every callback shares; the event decides which other fields must be present. */
export const ViberCallbackSchema = lazySchema(() => z.looseObject({
  event: z.string().min(1),
  timestamp: z.number().int(),
  chat_hostname: z.string().optional(),
  message_token: ViberMessageTokenSchema.optional(),
}));

/** `message`: a user wrote to the bot. */
export const ViberMessageCallbackSchema = lazySchema(() => ViberCallbackSchema.extend({
  event: z.literal('message'),
  message_token: ViberMessageTokenSchema,
  sender: ViberUserSchema,
  message: ViberMessageSchema,
  silent: z.boolean().optional(),
}));
export type ViberMessageCallback = z.infer<typeof ViberMessageCallbackSchema>;

/** `delivered` / `seen` / `failed`: what happened to one of our messages. */
export const ViberStatusCallbackSchema = lazySchema(() => ViberCallbackSchema.extend({
  event: z.enum(['delivered', 'seen', 'failed']),
  message_token: ViberMessageTokenSchema,
  user_id: z.string().min(1),
  desc: z.string().optional(),
}));

/** `subscribed` and `conversation_started` carry the full user. */
export const ViberUserEventCallbackSchema = lazySchema(() => ViberCallbackSchema.extend({
  event: z.enum(['subscribed', 'conversation_started']),
  user: ViberUserSchema,
  type: z.string().optional(),
  context: z.string().optional(),
  subscribed: z.boolean().optional(),
}));

/** `unsubscribed` only names the user. */
export const ViberUnsubscribedCallbackSchema = lazySchema(() => ViberCallbackSchema.extend({
  event: z.literal('unsubscribed'),
  user_id: z.string().min(1),
}));

export * from './api-schema.ts';
