import type { OutboundMessage } from '@cc/shared/messaging/model';
import type { MessengerSender, OperationResult, SendResult, TelegramCredentials } from '@cc/shared/messaging/ports';
import { TelegramApiResponseSchema } from '@cc/shared/messaging/telegram/api-schema';
import { type MessengerHttpOptions, type ProviderResponse, callProvider, classifyHttpStatus, filePart, parseJsonOrUndefined, ProviderHttpClient } from './http.ts';
import { type AttemptOutcome, parseRetryAfterHeader, runWithRetry } from './retry.ts';

/** The public Bot API; point `baseUrl` elsewhere for a local fake or a self-hosted Bot API server. */
export const TELEGRAM_API_BASE_URL = 'https://api.telegram.org';

/** The sendMessage parameters for an outbound message: plain text unless `format: 'html'`, buttons as an inline keyboard. */
export function buildTelegramSendMessage(message: OutboundMessage): Record<string, unknown> {
  const chatId = /^-?\d+$/.test(message.conversationExternalId) && Number.isSafeInteger(Number(message.conversationExternalId))
    ? Number(message.conversationExternalId)
    : message.conversationExternalId;
  return {
    chat_id: chatId,
    text: message.text,
    ...(message.format === 'html' ? { parse_mode: 'HTML' } : {}),
    ...(message.replyToProviderMessageId ? { reply_parameters: { message_id: Number(message.replyToProviderMessageId) } } : {}),
    ...(message.buttons?.length
      ? { reply_markup: { inline_keyboard: message.buttons.map((button) => [{ text: button.title, callback_data: button.payload }]) } }
      : {}),
  };
}

/**
 * The multipart form of sendPhoto / sendDocument: the sendMessage parameters with the text as
 * `caption` (objects as JSON strings, as the Bot API reads form fields) and the file under `photo` or
 * `document`, named.
 */
export function buildTelegramFileForm(message: OutboundMessage): FormData {
  const file = message.file!;
  const { text, parse_mode: parseMode, ...params } = buildTelegramSendMessage(message);
  const form = new FormData();
  for (const [name, value] of Object.entries(params)) form.set(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  if (text) form.set('caption', String(text));
  if (text && parseMode) form.set('parse_mode', String(parseMode));
  form.set(file.as === 'image' ? 'photo' : 'document', filePart(file), file.fileName);
  return form;
}

/**
 * Classifies a Bot API answer: `ok:true` succeeds; 429 and 5xx are retried (honouring
 * `parameters.retry_after`); 403 (bot blocked, user deactivated) is a permanent unreachable recipient.
 */
export function classifyTelegramResponse(response: ProviderResponse, nowMs: number): AttemptOutcome<unknown> {
  const parsed = TelegramApiResponseSchema.safeParse(parseJsonOrUndefined(response.text));
  if (!parsed.success) return classifyHttpStatus(response, nowMs);
  const body = parsed.data;
  if (body.ok) return { ok: true, value: body.result };
  const code = body.error_code ?? response.status;
  const reason = body.description ?? `HTTP ${response.status}`;
  const headerWait = parseRetryAfterHeader(response.headers.get('retry-after'), nowMs);
  const retryAfterMs = body.parameters?.retry_after !== undefined ? body.parameters.retry_after * 1000 : headerWait;
  const base = { ok: false as const, reason, providerCode: String(code), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  if (code === 429) return { ...base, retryable: true, category: 'rate_limited' };
  if (code >= 500) return { ...base, retryable: true, category: 'provider_unavailable' };
  if (code === 403) return { ...base, retryable: false, category: 'recipient_unreachable' };
  if (code === 401 || code === 404) return { ...base, retryable: false, category: 'unauthorized' };
  return { ...base, retryable: false, category: 'rejected' };
}

/** Options of setWebhook: Telegram will send `secretToken` in X-Telegram-Bot-Api-Secret-Token. */
export interface TelegramWebhookSettings {
  url: string;
  /** 1–256 characters of A-Z, a-z, 0-9, `_` and `-`. */
  secretToken: string;
  allowedUpdates?: string[];
  dropPendingUpdates?: boolean;
}

/** MessengerSender over the Telegram Bot API (sendMessage), plus the calls a channel needs around it. */
export class TelegramMessengerSender extends ProviderHttpClient implements MessengerSender<TelegramCredentials> {
  readonly kind = 'telegram' as const;

  constructor(options: MessengerHttpOptions = {}) {
    super(TELEGRAM_API_BASE_URL, options);
  }

  /**
   * Sends a text message, or a file with the text as its caption (sendPhoto or sendDocument, the bytes
   * uploaded as multipart/form-data); the result's providerMessageId is Telegram's message_id in that chat.
   */
  async send(credentials: TelegramCredentials, message: OutboundMessage): Promise<SendResult> {
    const result = message.file
      ? await this.callMultipart(credentials, message.file.as === 'image' ? 'sendPhoto' : 'sendDocument', () => buildTelegramFileForm(message))
      : await this.callMethod(credentials, 'sendMessage', buildTelegramSendMessage(message));
    if (!result.ok) return result;
    const messageId = (result.value as { message_id?: unknown } | undefined)?.message_id;
    return { ok: true, providerMessageId: String(messageId), attempts: result.attempts };
  }

  /** Registers the webhook URL with the secret token Telegram will echo on every call. */
  async setWebhook(credentials: TelegramCredentials, settings: TelegramWebhookSettings): Promise<OperationResult> {
    const result = await this.callMethod(credentials, 'setWebhook', {
      url: settings.url,
      secret_token: settings.secretToken,
      ...(settings.allowedUpdates ? { allowed_updates: settings.allowedUpdates } : {}),
      ...(settings.dropPendingUpdates !== undefined ? { drop_pending_updates: settings.dropPendingUpdates } : {}),
    });
    return result.ok ? { ok: true, attempts: result.attempts } : result;
  }

  /** Stops the client's spinner after a button press (Telegram requires an answer to every callback query). */
  async answerCallbackQuery(credentials: TelegramCredentials, callbackQueryId: string, text?: string): Promise<OperationResult> {
    const result = await this.callMethod(credentials, 'answerCallbackQuery', {
      callback_query_id: callbackQueryId,
      ...(text ? { text } : {}),
    });
    return result.ok ? { ok: true, attempts: result.attempts } : result;
  }

  private callMultipart(credentials: TelegramCredentials, method: string, form: () => FormData) {
    const url = `${this.baseUrl}/bot${credentials.botToken}/${method}`;
    return runWithRetry(async () => classifyTelegramResponse(await callProvider(this.fetchImpl, url, { method: 'POST', headers: {}, body: form() }, this.timeoutMs), this.now()), this.retry);
  }

  private callMethod(credentials: TelegramCredentials, method: string, params: Record<string, unknown>) {
    const url = `${this.baseUrl}/bot${credentials.botToken}/${method}`;
    return runWithRetry(async () => {
      const response = await callProvider(
        this.fetchImpl,
        url,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) },
        this.timeoutMs,
      );
      return classifyTelegramResponse(response, this.now());
    }, this.retry);
  }
}
