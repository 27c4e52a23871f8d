/** The Telegram customer: a private chat with the bot, `/start` deep links and inline keyboard presses. */
import { createHash, randomBytes } from 'node:crypto';
import type { SimulatedChannel } from '../channels.ts';
import type { ChatButton, ChatEntry } from '../model.ts';
import type { CustomerContext, PressedButton, ProviderHost, SimulatedFile } from '../provider.ts';
import type { TelegramFiles } from './files.ts';
import type { WebhookRequest } from '../wire.ts';
import { type TelegramBotUser, telegramCallbackQueryUpdate, telegramFileUpdate, telegramMessageUpdate, telegramWebhook } from './webhooks.ts';

/** The bot user Telegram shows as `from` of the bot's messages (id = the token's numeric part). */
export function telegramBot(channel: SimulatedChannel): TelegramBotUser {
  const id = Number(/^(\d+):/.exec(channel.secrets.botToken ?? '')?.[1] ?? 0);
  const username = typeof channel.settings.botUsername === 'string' ? channel.settings.botUsername : `${channel.channelId.replace(/[^A-Za-z0-9]/g, '_')}_bot`;
  return { id, is_bot: true, first_name: channel.name, username };
}

/** A text message in the chat: an Update with `message`. */
export function telegramMessage(sim: ProviderHost, { persona, id, at, webhook, forgery }: CustomerContext, text: string): { request: WebhookRequest; providerMessageId: string } {
  const messageId = sim.nextId();
  const update = telegramMessageUpdate({ updateId: sim.nextId(), messageId, date: Math.floor(at.getTime() / 1000), persona, userId: id.telegramUserId, text });
  return { request: telegramWebhook(webhook.url, update, webhook.secretToken, forgery), providerMessageId: String(messageId) };
}

/** A photo or document in the chat: the file is kept for getFile, the Update names it by file_id. */
export function telegramFileMessage(sim: ProviderHost, files: TelegramFiles, { channel, persona, id, at, webhook, forgery }: CustomerContext, upload: SimulatedFile): { request: WebhookRequest; providerMessageId: string } {
  const messageId = sim.nextId();
  const kept = files.keep(channel.channelId, upload);
  const file = { fileId: kept.fileId, fileUniqueId: kept.fileUniqueId, fileName: upload.fileName, mimeType: upload.contentType, fileSize: upload.bytes.byteLength, photo: kept.filePath.startsWith('photos/') };
  const update = telegramFileUpdate({ updateId: sim.nextId(), messageId, date: Math.floor(at.getTime() / 1000), persona, userId: id.telegramUserId, file, caption: upload.caption });
  return { request: telegramWebhook(webhook.url, update, webhook.secretToken, forgery), providerMessageId: String(messageId) };
}

/** A press on an inline keyboard button: an Update with `callback_query`, to be answered with answerCallbackQuery. */
export function telegramPress(sim: ProviderHost, { channel, persona, id, webhook, forgery }: CustomerContext, source: ChatEntry, button: ChatButton): PressedButton & { callbackQueryId: string } {
  const callbackQueryId = `${BigInt(`0x${randomBytes(7).toString('hex')}`)}`;
  const markup = { inline_keyboard: (source.buttons ?? []).map((b) => [{ text: b.title, callback_data: b.payload }]) };
  const update = telegramCallbackQueryUpdate({
    updateId: sim.nextId(),
    callbackQueryId,
    persona,
    userId: id.telegramUserId,
    bot: telegramBot(channel),
    message: { message_id: Number(source.providerMessageId), date: Math.floor(Date.parse(source.at) / 1000), text: source.text, reply_markup: markup },
    chatInstance: `-${BigInt(`0x${createHash('sha256').update(`${channel.channelId}:${persona.id}`).digest('hex').slice(0, 15)}`)}`,
    data: button.payload,
  });
  return { request: telegramWebhook(webhook.url, update, webhook.secretToken, forgery), entryFields: { answered: false }, callbackQueryId };
}
