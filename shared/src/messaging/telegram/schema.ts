import * as z from 'zod';
import { lazySchema } from '../../lazy-schema.ts';

// Telegram Bot API objects (https://core.telegram.org/bots/api#available-types), only the fields we
// read; every object is loose so fields added by later Bot API versions pass through.

/** A Telegram user or bot. */
export const TelegramUserSchema = lazySchema(() => z.looseObject({
  id: z.number().int(),
  is_bot: z.boolean(),
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
}));
export type TelegramUser = z.infer<typeof TelegramUserSchema>;

/** A chat: private, group, supergroup or channel. */
export const TelegramChatSchema = lazySchema(() => z.looseObject({
  id: z.number().int(),
  type: z.string(),
  title: z.string().optional(),
  username: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
}));

const FileSchema = lazySchema(() => z.looseObject({
  file_id: z.string().min(1),
  file_unique_id: z.string(),
  file_size: z.number().int().optional(),
  mime_type: z.string().optional(),
  file_name: z.string().optional(),
  duration: z.number().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
}));

/** One size of a photo; a message's `photo` lists them in ascending size. */
export const TelegramPhotoSizeSchema = lazySchema(() => z.looseObject({
  file_id: z.string().min(1),
  file_unique_id: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  file_size: z.number().int().optional(),
}));

const LocationSchema = lazySchema(() => z.looseObject({ latitude: z.number(), longitude: z.number() }));

const InlineKeyboardSchema = lazySchema(() => z.looseObject({
  inline_keyboard: z.array(z.array(z.looseObject({ text: z.string(), callback_data: z.string().optional() }))),
}));

/** A message (also an edited message, and MaybeInaccessibleMessage whose `date` is 0). */
export const TelegramMessageSchema = lazySchema(() => z.looseObject({
  message_id: z.number().int(),
  from: TelegramUserSchema.optional(),
  chat: TelegramChatSchema,
  date: z.number().int(),
  edit_date: z.number().int().optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  entities: z.array(z.looseObject({ type: z.string(), offset: z.number().int(), length: z.number().int() })).optional(),
  photo: z.array(TelegramPhotoSizeSchema).optional(),
  document: FileSchema.optional(),
  voice: FileSchema.optional(),
  audio: FileSchema.optional(),
  video: FileSchema.optional(),
  video_note: FileSchema.optional(),
  animation: FileSchema.optional(),
  sticker: FileSchema.extend({ emoji: z.string().optional() }).optional(),
  location: LocationSchema.optional(),
  venue: z.looseObject({ location: LocationSchema, title: z.string(), address: z.string() }).optional(),
  contact: z
    .looseObject({
      phone_number: z.string(),
      first_name: z.string(),
      last_name: z.string().optional(),
      user_id: z.number().int().optional(),
    })
    .optional(),
  reply_to_message: z.looseObject({ message_id: z.number().int() }).optional(),
  reply_markup: InlineKeyboardSchema.optional(),
}));
export type TelegramMessage = z.infer<typeof TelegramMessageSchema>;

/** A press on an inline keyboard button we sent. */
export const TelegramCallbackQuerySchema = lazySchema(() => z.looseObject({
  id: z.string().min(1),
  from: TelegramUserSchema,
  message: TelegramMessageSchema.optional(),
  inline_message_id: z.string().optional(),
  chat_instance: z.string(),
  data: z.string().optional(),
  game_short_name: z.string().optional(),
}));
export type TelegramCallbackQuery = z.infer<typeof TelegramCallbackQuerySchema>;

/** The bot's own membership changed in a chat; in a private chat `kicked` means the user blocked the bot. */
export const TelegramChatMemberUpdatedSchema = lazySchema(() => z.looseObject({
  chat: TelegramChatSchema,
  from: TelegramUserSchema,
  date: z.number().int(),
  old_chat_member: z.looseObject({ status: z.string() }),
  new_chat_member: z.looseObject({ status: z.string() }),
}));

/** One webhook delivery (Update): exactly one optional field besides update_id is set. */
export const TelegramUpdateSchema = lazySchema(() => z.looseObject({
  update_id: z.number().int(),
  message: TelegramMessageSchema.optional(),
  edited_message: TelegramMessageSchema.optional(),
  callback_query: TelegramCallbackQuerySchema.optional(),
  my_chat_member: TelegramChatMemberUpdatedSchema.optional(),
}));
export type TelegramUpdate = z.infer<typeof TelegramUpdateSchema>;

export * from './api-schema.ts';
