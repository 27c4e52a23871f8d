/** What Telegram POSTs to a bot's webhook (Bot API Update objects) and how it authenticates the call. */
import type { Persona } from '../personas.ts';
import { type Forgery, type WebhookRequest, forgedSecret } from '../wire.ts';

/** The bot as Telegram describes it in `from` of its own messages. */
export interface TelegramBotUser {
  id: number;
  is_bot: true;
  first_name: string;
  username: string;
}

/** A private chat's user object (`from`) for a persona. */
export function telegramUser(persona: Persona, userId: number) {
  return {
    id: userId,
    is_bot: false,
    first_name: persona.firstName,
    ...(persona.lastName ? { last_name: persona.lastName } : {}),
    ...(persona.username ? { username: persona.username } : {}),
    language_code: persona.language,
  };
}

/** The private chat with a persona (`chat`); its id equals the user id. */
export function telegramChat(persona: Persona, userId: number) {
  return {
    id: userId,
    first_name: persona.firstName,
    ...(persona.lastName ? { last_name: persona.lastName } : {}),
    ...(persona.username ? { username: persona.username } : {}),
    type: 'private' as const,
  };
}

/** What every message of an Update starts with: its id, who sent it, in which chat, when. */
function messageHead(input: { messageId: number; date: number; persona: Persona; userId: number }) {
  return { message_id: input.messageId, from: telegramUser(input.persona, input.userId), chat: telegramChat(input.persona, input.userId), date: input.date };
}

/** An Update with a text message; a leading `/command` gets its `bot_command` entity as Telegram adds it. */
export function telegramMessageUpdate(input: { updateId: number; messageId: number; date: number; persona: Persona; userId: number; text: string }) {
  const command = /^\/[A-Za-z0-9_]+/.exec(input.text);
  return {
    update_id: input.updateId,
    message: {
      ...messageHead(input),
      text: input.text,
      ...(command ? { entities: [{ offset: 0, length: command[0].length, type: 'bot_command' }] } : {}),
    },
  };
}

/** A file as Telegram describes it in a message: `photo` (PhotoSize array) for images, `document` otherwise. */
export interface TelegramFileRef {
  fileId: string;
  fileUniqueId: string;
  fileName: string;
  mimeType: string;
  fileSize: number;
  photo: boolean;
}

/** An Update with a photo (one size: the simulator does not resize) or a document, with an optional caption. */
export function telegramFileUpdate(input: { updateId: number; messageId: number; date: number; persona: Persona; userId: number; file: TelegramFileRef; caption?: string | undefined }) {
  const { file } = input;
  const ref = { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.fileSize };
  return {
    update_id: input.updateId,
    message: {
      ...messageHead(input),
      ...(file.photo ? { photo: [{ ...ref, width: 640, height: 480 }] } : { document: { ...ref, file_name: file.fileName, mime_type: file.mimeType } }),
      ...(input.caption ? { caption: input.caption } : {}),
    },
  };
}

/** An Update with a press on an inline keyboard button of one of the bot's messages. */
export function telegramCallbackQueryUpdate(input: {
  updateId: number;
  callbackQueryId: string;
  persona: Persona;
  userId: number;
  bot: TelegramBotUser;
  message: { message_id: number; date: number; text: string; reply_markup?: unknown };
  chatInstance: string;
  data: string;
}) {
  return {
    update_id: input.updateId,
    callback_query: {
      id: input.callbackQueryId,
      from: telegramUser(input.persona, input.userId),
      message: { message_id: input.message.message_id, from: input.bot, chat: telegramChat(input.persona, input.userId), date: input.message.date, text: input.message.text, ...(input.message.reply_markup ? { reply_markup: input.message.reply_markup } : {}) },
      chat_instance: input.chatInstance,
      data: input.data,
    },
  };
}

/** Telegram authenticates a webhook call with the setWebhook `secret_token` in X-Telegram-Bot-Api-Secret-Token. */
export function telegramWebhook(url: string, update: unknown, secretToken: string | undefined, forgery?: Forgery): WebhookRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const secret = forgery === 'bad-signature' ? forgedSecret() : forgery === 'missing-signature' ? undefined : secretToken;
  if (secret) headers['x-telegram-bot-api-secret-token'] = secret;
  return { method: 'POST', url, headers, rawBody: JSON.stringify(update) };
}
