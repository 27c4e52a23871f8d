import * as z from 'zod';
import { lazySchema } from '../../lazy-schema.ts';

// WhatsApp Cloud API webhook payloads (field `messages`; Graph API responses: `api-schema.ts`); only the fields we
// read, all objects loose so new fields pass through.

const UnixSecondsSchema = lazySchema(() => z.string().regex(/^\d+$/, 'unix seconds as a string'));

/** A media object of an inbound message (image, audio, video, document, sticker). */
export const WhatsAppMediaSchema = lazySchema(() => z.looseObject({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  /** Audio only: true for a voice note recorded in the app. */
  voice: z.boolean().optional(),
}));

/** One inbound message; `type` tells which of the optional content objects is set. */
export const WhatsAppMessageSchema = lazySchema(() => z.looseObject({
  from: z.string().min(1),
  id: z.string().min(1),
  timestamp: UnixSecondsSchema,
  type: z.string(),
  context: z.looseObject({ from: z.string().optional(), id: z.string().optional() }).optional(),
  text: z.looseObject({ body: z.string() }).optional(),
  image: WhatsAppMediaSchema.optional(),
  audio: WhatsAppMediaSchema.optional(),
  video: WhatsAppMediaSchema.optional(),
  document: WhatsAppMediaSchema.optional(),
  sticker: WhatsAppMediaSchema.optional(),
  location: z
    .looseObject({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    })
    .optional(),
  contacts: z
    .array(
      z.looseObject({
        name: z.looseObject({ formatted_name: z.string().optional() }).optional(),
        phones: z.array(z.looseObject({ phone: z.string().optional(), wa_id: z.string().optional() })).optional(),
      }),
    )
    .optional(),
  interactive: z
    .looseObject({
      type: z.string(),
      button_reply: z.looseObject({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.looseObject({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
    })
    .optional(),
  /** A quick-reply button of a template message. */
  button: z.looseObject({ text: z.string(), payload: z.string().optional() }).optional(),
  reaction: z.looseObject({ message_id: z.string().optional(), emoji: z.string().optional() }).optional(),
}));
export type WhatsAppMessage = z.infer<typeof WhatsAppMessageSchema>;

/** A Graph/WhatsApp error as it appears in statuses and webhook errors. */
export const WhatsAppErrorSchema = lazySchema(() => z.looseObject({
  code: z.number().int(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
}));

/** A status of a message we sent: sent, delivered, read or failed (with errors). */
export const WhatsAppStatusSchema = lazySchema(() => z.looseObject({
  id: z.string().min(1),
  recipient_id: z.string().min(1),
  status: z.string(),
  timestamp: UnixSecondsSchema,
  errors: z.array(WhatsAppErrorSchema).optional(),
}));
export type WhatsAppStatus = z.infer<typeof WhatsAppStatusSchema>;

/** The value of a `messages` change: contacts, messages and/or statuses of one business number. */
export const WhatsAppMessagesValueSchema = lazySchema(() => z.looseObject({
  messaging_product: z.literal('whatsapp'),
  metadata: z.looseObject({ display_phone_number: z.string(), phone_number_id: z.string().min(1) }),
  contacts: z
    .array(z.looseObject({ wa_id: z.string(), profile: z.looseObject({ name: z.string().optional() }).optional() }))
    .optional(),
  messages: z.array(WhatsAppMessageSchema).optional(),
  statuses: z.array(WhatsAppStatusSchema).optional(),
  errors: z.array(WhatsAppErrorSchema).optional(),
}));
export type WhatsAppMessagesValue = z.infer<typeof WhatsAppMessagesValueSchema>;

/** One webhook delivery; `entry[].changes[]` may batch several messages and statuses. */
export const WhatsAppWebhookSchema = lazySchema(() => z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: z.string(),
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
    }),
  ),
}));
export type WhatsAppWebhook = z.infer<typeof WhatsAppWebhookSchema>;

export * from './api-schema.ts';
