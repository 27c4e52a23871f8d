import * as z from 'zod';
import { lazySchema } from '../../lazy-schema.ts';

// VK Callback API events (VKCOM/vk-api-schema, dev.vk.com; messages.send responses: `api-schema.ts`), only the
// fields we read; every object is loose.

const PhotoSizeSchema = lazySchema(() => z.looseObject({
  type: z.string().optional(),
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
}));

/** One attachment of a message; `type` names the object that carries it. */
export const VkAttachmentSchema = lazySchema(() => z.looseObject({
  type: z.string(),
  photo: z
    .looseObject({
      id: z.number().int(),
      owner_id: z.number().int(),
      access_key: z.string().optional(),
      sizes: z.array(PhotoSizeSchema).optional(),
    })
    .optional(),
  doc: z
    .looseObject({
      id: z.number().int(),
      owner_id: z.number().int(),
      access_key: z.string().optional(),
      title: z.string().optional(),
      ext: z.string().optional(),
      size: z.number().int().optional(),
      url: z.string().optional(),
    })
    .optional(),
  audio_message: z
    .looseObject({
      id: z.number().int(),
      owner_id: z.number().int(),
      access_key: z.string().optional(),
      duration: z.number().optional(),
      link_ogg: z.string().optional(),
      link_mp3: z.string().optional(),
    })
    .optional(),
  sticker: z
    .looseObject({
      sticker_id: z.number().int(),
      product_id: z.number().int().optional(),
      images: z.array(PhotoSizeSchema).optional(),
    })
    .optional(),
  video: z
    .looseObject({
      id: z.number().int(),
      owner_id: z.number().int(),
      access_key: z.string().optional(),
      title: z.string().optional(),
      duration: z.number().optional(),
    })
    .optional(),
  audio: z
    .looseObject({
      id: z.number().int(),
      owner_id: z.number().int(),
      access_key: z.string().optional(),
      duration: z.number().optional(),
      url: z.string().optional(),
    })
    .optional(),
}));
export type VkAttachment = z.infer<typeof VkAttachmentSchema>;

/** A private message (messages_message): `id` may be 0 for community bots, `conversation_message_id` is stable. */
export const VkMessageSchema = lazySchema(() => z.looseObject({
  id: z.number().int(),
  date: z.number().int(),
  peer_id: z.number().int(),
  from_id: z.number().int(),
  text: z.string().default(''),
  conversation_message_id: z.number().int().optional(),
  out: z.number().int().optional(),
  attachments: z.array(VkAttachmentSchema).optional(),
  /** JSON string set by a keyboard button (`{"command":"start"}` for the Start button). */
  payload: z.string().optional(),
  geo: z
    .looseObject({
      coordinates: z.looseObject({ latitude: z.number(), longitude: z.number() }),
      place: z.looseObject({ title: z.string().optional(), city: z.string().optional() }).optional(),
    })
    .optional(),
  random_id: z.number().int().optional(),
  admin_author_id: z.number().int().optional(),
  update_time: z.number().int().optional(),
  reply_message: z.looseObject({ id: z.number().int().optional(), conversation_message_id: z.number().int().optional() }).optional(),
}));
export type VkMessage = z.infer<typeof VkMessageSchema>;

/** The envelope of every Callback API event; `object` depends on `type`. */
export const VkCallbackSchema = lazySchema(() => z.looseObject({
  type: z.string().min(1),
  group_id: z.number().int(),
  event_id: z.string().optional(),
  v: z.string().optional(),
  object: z.unknown().optional(),
  secret: z.string().optional(),
}));
export type VkCallback = z.infer<typeof VkCallbackSchema>;

/** `message_new` object since API 5.103: the message plus what the client can show. */
export const VkMessageNewObjectSchema = lazySchema(() => z.looseObject({
  message: VkMessageSchema,
  client_info: z.looseObject({}).optional(),
}));

/** `message_allow` object: the user let the community write, `key` from the widget or link. */
export const VkMessageAllowObjectSchema = lazySchema(() => z.looseObject({ user_id: z.number().int(), key: z.string().optional() }));
/** `message_deny` object. */
export const VkMessageDenyObjectSchema = lazySchema(() => z.looseObject({ user_id: z.number().int() }));

/** `message_event` object: a press on a callback button. */
export const VkMessageEventObjectSchema = lazySchema(() => z.looseObject({
  user_id: z.number().int(),
  peer_id: z.number().int(),
  event_id: z.string(),
  payload: z.unknown().optional(),
  conversation_message_id: z.number().int().optional(),
}));

export * from './api-schema.ts';
