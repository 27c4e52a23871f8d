/** The fake Telegram Bot API: `POST|GET /simulator/telegram/bot<token>/<method>`. */
import { Hono } from 'hono';
import type { SimulatedChannel } from '../channels.ts';
import type { FailureSwitch } from '../failures.ts';
import type { ChatButton } from '../model.ts';
import { customerIdentity } from '../personas.ts';
import { type Params, type RefusalTexts, answerCall, failureText, jsonValue, readParams, str } from '../provider-api.ts';
import type { ProviderHost } from '../provider.ts';
import { telegramBot } from './customer.ts';
import { telegramChat } from './webhooks.ts';
import type { TelegramFiles } from './files.ts';

/** How the chat notes a switched failure of sendMessage. */
const refusals = (failure: FailureSwitch): RefusalTexts => ({
  rate_limit: [`429 Too Many Requests (retry_after ${failure.retryAfterSeconds} с)`, `429 Too Many Requests (retry_after ${failure.retryAfterSeconds} s)`],
  blocked: ['403 бот заблокирован пользователем', '403 bot was blocked by the user'],
  server_error: ['500 Internal Server Error', '500 Internal Server Error'],
});

/** The bot of a `bot<token>` path segment, if the token is one of the simulator's channels. */
async function botChannel(sim: ProviderHost, segment: string): Promise<{ token: string | undefined; channel: SimulatedChannel | undefined }> {
  const token = /^bot(\d+:[A-Za-z0-9_-]+)$/.exec(segment)?.[1];
  const channel = token ? await sim.findChannel('telegram', (candidate) => candidate.secrets.botToken === token) : undefined;
  return { token, channel };
}

/**
 * The Bot API methods our senders and media downloads use (sendMessage, sendPhoto and sendDocument
 * with their multipart uploads; `answerPress` settles a pending callback query), and the file
 * download URL `/file/bot<token>/<file_path>` that getFile points at.
 */
export function telegramApi(sim: ProviderHost, answerPress: (callbackQueryId: string) => boolean, files: TelegramFiles) {
  return new Hono().get('/file/:bot/:path{.+}', async (c) => {
    const { channel } = await botChannel(sim, c.req.param('bot'));
    const file = channel && files.byPath(channel.channelId, c.req.param('path'));
    const status = file ? 200 : 404;
    sim.recordCall({ kind: 'telegram', ...(channel ? { channelId: channel.channelId } : {}), method: 'file', httpMethod: 'GET', path: new URL(c.req.url).pathname, headers: {}, params: {}, status, response: file ? `${file.bytes.byteLength} bytes` : 'Not Found' });
    if (!file) return c.json({ ok: false, error_code: 404, description: 'Not Found' }, 404);
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/octet-stream', 'content-length': String(file.bytes.byteLength) });
  }).on(['GET', 'POST'], '/:bot/:method', async (c) => {
    const { params, files: parts } = await readParams(c);
    const method = c.req.param('method');
    const tg = (status: number, body: Params, channel?: SimulatedChannel, failure?: FailureSwitch) =>
      answerCall(sim, c, { kind: 'telegram', method, params, ...(channel ? { channel } : {}), ...(failure ? { failure } : {}) }, status, JSON.stringify(body));
    const error = (code: number, description: string, channel?: SimulatedChannel, extra: Params = {}, failure?: FailureSwitch) => tg(code, { ok: false, error_code: code, description, ...extra }, channel, failure);

    const { token, channel } = await botChannel(sim, c.req.param('bot'));
    if (!token) return error(404, 'Not Found');
    if (!channel) return error(401, 'Unauthorized');
    const bot = telegramBot(channel);

    switch (method.toLowerCase()) {
      case 'getme':
        return tg(200, { ok: true, result: bot }, channel);
      case 'setwebhook': {
        const url = str(params.url) ?? '';
        const secretToken = str(params.secret_token);
        if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) return error(400, 'Bad Request: secret token contains unallowed characters', channel);
        if (url && !/^https?:\/\/[^\s]+$/.test(url)) return error(400, 'Bad Request: invalid webhook URL specified', channel);
        const allowed = jsonValue(params.allowed_updates);
        sim.registerWebhook(channel, { url, ...(secretToken ? { secretToken } : {}), ...(Array.isArray(allowed) ? { allowedUpdates: allowed.map(String) } : {}) });
        return tg(200, { ok: true, result: true, description: url ? 'Webhook was set' : 'Webhook was deleted' }, channel);
      }
      case 'deletewebhook':
        sim.registerWebhook(channel, { url: '' });
        return tg(200, { ok: true, result: true, description: 'Webhook was deleted' }, channel);
      case 'getwebhookinfo': {
        const registered = sim.registeredWebhook(channel.channelId);
        return tg(200, { ok: true, result: { url: registered?.url ?? '', has_custom_certificate: false, pending_update_count: 0, ...(registered?.allowedUpdates ? { allowed_updates: registered.allowedUpdates } : {}) } }, channel);
      }
      case 'getfile': {
        const file = files.find(channel.channelId, str(params.file_id) ?? '');
        if (!file) return error(400, 'Bad Request: invalid file_id', channel);
        return tg(200, { ok: true, result: { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.bytes.byteLength, file_path: file.filePath } }, channel);
      }
      case 'answercallbackquery': {
        const id = str(params.callback_query_id);
        if (!id) return error(400, 'Bad Request: query_id is empty', channel);
        if (!answerPress(id)) return error(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid', channel);
        return tg(200, { ok: true, result: true }, channel);
      }
      case 'sendmessage':
      case 'sendphoto':
      case 'senddocument': {
        const chatId = str(params.chat_id);
        const field = method.toLowerCase() === 'sendphoto' ? 'photo' : method.toLowerCase() === 'senddocument' ? 'document' : undefined;
        const upload = field ? parts[field] : undefined;
        // A file goes as multipart/form-data; its caption is the message's text (the chat shows the file's name without one).
        const text = field ? (str(params.caption) ?? '') : str(params.text);
        if (!chatId) return error(400, 'Bad Request: chat_id is empty', channel);
        if (field && !upload) return error(400, `Bad Request: there is no ${field} in the request`, channel);
        if (!field && !text) return error(400, 'Bad Request: message text is empty', channel);
        const persona = sim.personaFor(channel, chatId);
        if (!persona) return error(400, 'Bad Request: chat not found', channel);
        const said = text || upload?.fileName || '';
        const failure = sim.takeFailure(channel.channelId, persona.id, said);
        if (failure) {
          sim.recordRefusal(channel, persona.id, failureText(failure, ['Telegram', 'Telegram'], refusals(failure), said));
          if (failure.mode === 'rate_limit') return error(429, `Too Many Requests: retry after ${failure.retryAfterSeconds}`, channel, { parameters: { retry_after: failure.retryAfterSeconds } }, failure);
          if (failure.mode === 'blocked') return error(403, 'Forbidden: bot was blocked by the user', channel, {}, failure);
          return error(500, 'Internal Server Error', channel, {}, failure);
        }
        const markup = jsonValue(params.reply_markup) as { inline_keyboard?: Array<Array<{ text?: unknown; callback_data?: unknown }>> } | undefined;
        const buttons: ChatButton[] = (markup?.inline_keyboard ?? []).flat().flatMap((b) => (typeof b.text === 'string' && typeof b.callback_data === 'string' ? [{ title: b.text, payload: b.callback_data }] : []));
        const messageId = sim.nextId();
        const kept = upload && sim.keepFile(upload);
        sim.recordOutbound(channel, persona.id, { text: text ?? '', buttons, providerMessageId: String(messageId), ...(kept && { file: kept }) });
        const id = customerIdentity(persona, channel.channelId);
        const ref = kept && { file_id: `BQACAgIAAxkBAAI${kept.id}`, file_unique_id: `AgAD${kept.id.slice(2, 10)}`, file_size: kept.bytes.byteLength };
        const content = !ref ? { text } : field === 'photo' ? { photo: [{ ...ref, width: 640, height: 480 }], ...(text && { caption: text }) } : { document: { ...ref, file_name: kept.fileName, mime_type: kept.contentType }, ...(text && { caption: text }) };
        return tg(200, { ok: true, result: { message_id: messageId, from: bot, chat: telegramChat(persona, id.telegramUserId), date: sim.unixSeconds(), ...content, ...(markup?.inline_keyboard ? { reply_markup: markup } : {}) } }, channel);
      }
      default:
        return error(404, 'Not Found', channel);
    }
  });
}
