/**
 * The fake provider APIs our senders call in local mode, one base URL per provider (see
 * `simulatorApiBaseUrls`). Each checks credentials as the provider does, records the call, and
 * answers with the provider's documented success or error bodies (../shared/wire/), or with the
 * failure a switch asked for.
 */
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { SimulatedChannel } from './channels.ts';
import { customerIdentity } from './personas.ts';
import { type ChatButton, type FailureSwitch, type MessengerSimulator, readButtonPayload } from './simulator.ts';
import { stringifyWithBigInts, telegramChat } from './webhooks.ts';

/** The senders' base URLs for a simulator mounted at `<baseUrl>/simulator`. */
export function simulatorApiBaseUrls(baseUrl: string) {
  const root = `${baseUrl.replace(/\/+$/, '')}/simulator`;
  return {
    TELEGRAM_API_BASE_URL: `${root}/telegram`,
    WHATSAPP_API_BASE_URL: `${root}/whatsapp`,
    VK_API_BASE_URL: `${root}/vk`,
    VIBER_API_BASE_URL: `${root}/viber`,
  };
}

type Params = Record<string, unknown>;

/** Parameters as a provider reads them: query string plus a JSON or form-encoded body. */
async function readParams(c: Context): Promise<{ params: Params; invalidJson: boolean }> {
  const params: Params = Object.fromEntries(new URL(c.req.url).searchParams);
  if (c.req.method === 'GET') return { params, invalidJson: false };
  const type = c.req.header('content-type') ?? '';
  const text = await c.req.text();
  if (type.includes('application/json')) {
    try {
      const body: unknown = JSON.parse(text || '{}');
      return { params: { ...params, ...(typeof body === 'object' && body !== null ? (body as Params) : {}) }, invalidJson: false };
    } catch {
      return { params, invalidJson: true };
    }
  }
  if (type.includes('application/x-www-form-urlencoded')) return { params: { ...params, ...Object.fromEntries(new URLSearchParams(text)) }, invalidJson: false };
  return { params, invalidJson: false };
}

/** A value that may arrive as JSON text (form-encoded Telegram/VK parameters). */
function jsonValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

const str = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);
const headersOf = (c: Context) => Object.fromEntries(Object.entries(c.req.header()).map(([key, value]) => [key.toLowerCase(), value]));
const fbtraceId = () => randomBytes(9).toString('base64url');

/** The routes of every fake provider API; mount under `/simulator`. */
export function providerApiRoutes(sim: MessengerSimulator) {
  /** Answers and records the call. */
  const answer = (c: Context, call: { kind: SimulatedChannel['kind']; channel?: SimulatedChannel; method: string; params: Params; failure?: FailureSwitch }, status: number, body: string) => {
    sim.recordCall({
      kind: call.kind,
      ...(call.channel ? { channelId: call.channel.channelId } : {}),
      method: call.method,
      httpMethod: c.req.method,
      path: new URL(c.req.url).pathname,
      headers: headersOf(c),
      params: call.params,
      status,
      response: body,
      ...(call.failure ? { failure: call.failure.mode } : {}),
    });
    return c.body(body, status as 200, { 'content-type': 'application/json' });
  };

  return (
    new Hono()
      // ───── Telegram Bot API: POST|GET /bot<token>/<method> ─────
      .on(['GET', 'POST'], '/telegram/:bot/:method', async (c) => {
        const { params } = await readParams(c);
        const method = c.req.param('method');
        const tg = (status: number, body: Params, channel?: SimulatedChannel, failure?: FailureSwitch) =>
          answer(c, { kind: 'telegram', method, params, ...(channel ? { channel } : {}), ...(failure ? { failure } : {}) }, status, JSON.stringify(body));
        const error = (code: number, description: string, channel?: SimulatedChannel, extra: Params = {}, failure?: FailureSwitch) => tg(code, { ok: false, error_code: code, description, ...extra }, channel, failure);

        const token = /^bot(\d+:[A-Za-z0-9_-]+)$/.exec(c.req.param('bot'))?.[1];
        if (!token) return error(404, 'Not Found');
        const channel = await sim.findChannel('telegram', (candidate) => candidate.secrets.botToken === token);
        if (!channel) return error(401, 'Unauthorized');
        const bot = sim.telegramBot(channel);

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
          case 'answercallbackquery': {
            const id = str(params.callback_query_id);
            if (!id) return error(400, 'Bad Request: query_id is empty', channel);
            if (!sim.answerPress(id)) return error(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid', channel);
            return tg(200, { ok: true, result: true }, channel);
          }
          case 'sendmessage': {
            const chatId = str(params.chat_id);
            const text = str(params.text);
            if (!chatId) return error(400, 'Bad Request: chat_id is empty', channel);
            if (!text) return error(400, 'Bad Request: message text is empty', channel);
            const persona = sim.personaFor(channel, chatId);
            if (!persona) return error(400, 'Bad Request: chat not found', channel);
            const failure = sim.takeFailure(channel.channelId, persona.id, text);
            if (failure) {
              sim.recordRefusal(channel, persona.id, failureText(failure, 'telegram', text));
              if (failure.mode === 'rate_limit') return error(429, `Too Many Requests: retry after ${failure.retryAfterSeconds}`, channel, { parameters: { retry_after: failure.retryAfterSeconds } }, failure);
              if (failure.mode === 'blocked') return error(403, 'Forbidden: bot was blocked by the user', channel, {}, failure);
              return error(500, 'Internal Server Error', channel, {}, failure);
            }
            const markup = jsonValue(params.reply_markup) as { inline_keyboard?: Array<Array<{ text?: unknown; callback_data?: unknown }>> } | undefined;
            const buttons: ChatButton[] = (markup?.inline_keyboard ?? []).flat().flatMap((b) => (typeof b.text === 'string' && typeof b.callback_data === 'string' ? [{ title: b.text, payload: b.callback_data }] : []));
            const messageId = sim.nextId();
            sim.recordOutbound(channel, persona.id, { text, buttons, providerMessageId: String(messageId) });
            const id = customerIdentity(persona, channel.channelId);
            return tg(200, { ok: true, result: { message_id: messageId, from: bot, chat: telegramChat(persona, id.telegramUserId), date: sim.unixSeconds(), text, ...(markup?.inline_keyboard ? { reply_markup: markup } : {}) } }, channel);
          }
          default:
            return error(404, 'Not Found', channel);
        }
      })

      // ───── WhatsApp Cloud API: POST /<version>/<phone-number-id>/messages ─────
      .post('/whatsapp/:version/:phoneNumberId/messages', async (c) => {
        const { params, invalidJson } = await readParams(c);
        const wa = (status: number, body: Params, channel?: SimulatedChannel, failure?: FailureSwitch) =>
          answer(c, { kind: 'whatsapp', method: 'messages', params, ...(channel ? { channel } : {}), ...(failure ? { failure } : {}) }, status, JSON.stringify(body));
        const graphError = (status: number, error: Params, channel?: SimulatedChannel, failure?: FailureSwitch) => wa(status, { error: { ...error, fbtrace_id: fbtraceId() } }, channel, failure);

        const token = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
        const channel = token ? await sim.findChannel('whatsapp', (candidate) => candidate.secrets.accessToken === token) : undefined;
        if (!channel) return graphError(401, { message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190 });
        const phoneNumberId = c.req.param('phoneNumberId');
        if (channel.secrets.phoneNumberId !== phoneNumberId) {
          return graphError(400, { message: `Unsupported post request. Object with ID '${phoneNumberId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, type: 'GraphMethodException', code: 100, error_subcode: 33 }, channel);
        }
        if (invalidJson) return graphError(400, { message: '(#100) Invalid parameter', type: 'OAuthException', code: 100 }, channel);
        if (params.messaging_product !== 'whatsapp') return graphError(400, { message: '(#100) The parameter messaging_product is required.', type: 'OAuthException', code: 100 }, channel);
        const to = str(params.to);
        if (!to) return graphError(400, { message: '(#100) The parameter to is required.', type: 'OAuthException', code: 100 }, channel);
        const content = whatsAppContent(params);
        if (!content) return graphError(400, { message: '(#100) Invalid parameter', type: 'OAuthException', code: 100, error_data: { messaging_product: 'whatsapp', details: 'Unsupported message type or missing body' } }, channel);

        const persona = sim.personaFor(channel, to);
        const personaId = persona?.id ?? `unknown:${to}`;
        const failure = sim.takeFailure(channel.channelId, personaId, content.text);
        if (failure) {
          sim.recordRefusal(channel, personaId, failureText(failure, 'whatsapp', content.text));
          if (failure.mode === 'rate_limit') {
            return graphError(429, { message: '(#130429) Rate limit hit', type: 'OAuthException', code: 130429, error_data: { messaging_product: 'whatsapp', details: 'Cloud API message throughput has been reached.' } }, channel, failure);
          }
          if (failure.mode === 'blocked') {
            return graphError(400, { message: '(#131047) Re-engagement message', type: 'OAuthException', code: 131047, error_data: { messaging_product: 'whatsapp', details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' } }, channel, failure);
          }
          return graphError(500, { message: '(#131000) Something went wrong', type: 'OAuthException', code: 131000, error_data: { messaging_product: 'whatsapp', details: 'Something went wrong' } }, channel, failure);
        }
        const waId = to.replace(/^\+/, '');
        const wamid = sim.wamid(waId);
        sim.recordOutbound(channel, personaId, { text: content.text, buttons: content.buttons, providerMessageId: wamid });
        return wa(200, { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: waId }], messages: [{ id: wamid }] }, channel);
      })

      // ───── VK API: POST|GET /method/<method> ─────
      .on(['GET', 'POST'], '/vk/method/:method', async (c) => {
        const { params } = await readParams(c);
        const method = c.req.param('method');
        const { access_token: _token, ...recorded } = params;
        const requestParams = [
          { key: 'method', value: method },
          { key: 'oauth', value: '1' },
          ...['v', 'peer_id', 'random_id'].flatMap((key) => (params[key] !== undefined ? [{ key, value: String(params[key]) }] : [])),
        ];
        const vk = (body: Params, channel?: SimulatedChannel, failure?: FailureSwitch) => answer(c, { kind: 'vk', method, params: recorded, ...(channel ? { channel } : {}), ...(failure ? { failure } : {}) }, 200, JSON.stringify(body));
        const error = (code: number, message: string, channel?: SimulatedChannel, failure?: FailureSwitch) => vk({ error: { error_code: code, error_msg: message, request_params: requestParams } }, channel, failure);

        const token = str(params.access_token);
        if (!token) return error(5, 'User authorization failed: no access_token passed.');
        const channel = await sim.findChannel('vk', (candidate) => candidate.secrets.accessToken === token);
        if (!channel) return error(5, 'User authorization failed: invalid access_token (4).');
        if (method !== 'messages.send') return error(3, 'Unknown method passed', channel);
        const peerId = str(params.peer_id) ?? str(params.user_id);
        if (!peerId) return error(100, 'One of the parameters specified was missing or invalid: you should specify peer_id, user_id, domain, chat_id or user_ids param', channel);
        const randomId = str(params.random_id);
        if (randomId === undefined) return error(100, 'One of the parameters specified was missing or invalid: random_id is a required parameter', channel);
        const text = str(params.message) ?? '';
        if (!text && !params.attachment) return error(100, 'One of the parameters specified was missing or invalid: message is empty or invalid', channel);
        const persona = sim.personaFor(channel, peerId);
        if (!persona) return error(901, "Can't send messages for users without permission", channel);
        const earlier = sim.vkSentBefore(channel.channelId, peerId, randomId);
        if (earlier !== undefined) return vk({ response: earlier }, channel);
        const failure = sim.takeFailure(channel.channelId, persona.id, text);
        if (failure) {
          sim.recordRefusal(channel, persona.id, failureText(failure, 'vk', text));
          if (failure.mode === 'rate_limit') return error(6, 'Too many requests per second', channel, failure);
          if (failure.mode === 'blocked') return error(901, "Can't send messages for users without permission", channel, failure);
          return error(10, 'Internal server error', channel, failure);
        }
        const keyboard = jsonValue(params.keyboard) as { buttons?: Array<Array<{ action?: { label?: unknown; payload?: unknown } }>> } | undefined;
        const buttons: ChatButton[] = (keyboard?.buttons ?? []).flat().flatMap((b) => (typeof b.action?.label === 'string' ? [{ title: b.action.label, payload: readButtonPayload(b.action.payload) ?? b.action.label }] : []));
        const messageId = sim.nextId();
        sim.rememberVkRandomId(channel.channelId, peerId, randomId, messageId);
        sim.recordOutbound(channel, persona.id, { text, buttons, providerMessageId: String(messageId) });
        return vk({ response: messageId }, channel);
      })

      // ───── Viber REST Bot API: POST /pa/<method> ─────
      .post('/viber/pa/:method', async (c) => {
        const { params, invalidJson } = await readParams(c);
        const method = c.req.param('method');
        const viber = (body: Params | string, channel?: SimulatedChannel, failure?: FailureSwitch, status = 200) =>
          answer(c, { kind: 'viber', method, params, ...(channel ? { channel } : {}), ...(failure ? { failure } : {}) }, status, typeof body === 'string' ? body : JSON.stringify(body));
        const status = (code: number, message: string, channel?: SimulatedChannel, failure?: FailureSwitch) => viber({ status: code, status_message: message, chat_hostname: 'SN-CHAT-05_' }, channel, failure);

        const token = c.req.header('x-viber-auth-token');
        if (!token) return status(2, 'missing_auth_token');
        const channel = await sim.findChannel('viber', (candidate) => candidate.secrets.token === token);
        if (!channel) return status(2, 'invalidAuthToken');
        if (invalidJson) return status(3, 'badData', channel);

        if (method === 'set_webhook') {
          const url = str(params.url);
          if (url === undefined) return status(4, 'missingData', channel);
          if (url === '') {
            sim.registerWebhook(channel, { url: '' });
            return viber({ status: 0, status_message: 'ok', chat_hostname: 'SN-CHAT-05_' }, channel);
          }
          const eventTypes = Array.isArray(params.event_types) ? params.event_types.map(String) : ['delivered', 'seen', 'failed', 'subscribed', 'unsubscribed', 'conversation_started'];
          // Viber calls the URL with a `webhook` event before it answers; anything but 200 fails the call.
          const check = await sim.checkViberWebhook(channel, url);
          if (check.status !== 200) return status(1, 'invalidUrl', channel);
          sim.registerWebhook(channel, { url, eventTypes });
          return viber({ status: 0, status_message: 'ok', chat_hostname: 'SN-CHAT-05_', event_types: eventTypes }, channel);
        }
        if (method !== 'send_message') return viber({ status: 3, status_message: 'badData' }, channel, undefined, 404);

        const receiver = str(params.receiver);
        const sender = params.sender as { name?: unknown } | undefined;
        const text = str(params.text);
        if (!receiver || typeof sender?.name !== 'string' || params.type !== 'text' || !text) return status(4, 'missingData', channel);
        const persona = sim.personaFor(channel, receiver);
        if (!persona) return status(5, 'receiverNotRegistered', channel);
        const failure = sim.takeFailure(channel.channelId, persona.id, text);
        if (failure) {
          sim.recordRefusal(channel, persona.id, failureText(failure, 'viber', text));
          if (failure.mode === 'rate_limit') return status(12, 'tooManyRequests', channel, failure);
          if (failure.mode === 'blocked') return status(6, 'receiverNotSubscribed', channel, failure);
          return viber('Internal Server Error', channel, failure, 500);
        }
        const keyboard = params.keyboard as { Buttons?: Array<{ ActionBody?: unknown; Text?: unknown }> } | undefined;
        const buttons: ChatButton[] = (keyboard?.Buttons ?? []).flatMap((b) => (typeof b.ActionBody === 'string' ? [{ title: typeof b.Text === 'string' ? b.Text : b.ActionBody, payload: b.ActionBody }] : []));
        const messageToken = sim.viberToken();
        sim.recordOutbound(channel, persona.id, { text, buttons, providerMessageId: messageToken.toString() });
        return viber(stringifyWithBigInts({ status: 0, status_message: 'ok', message_token: messageToken, chat_hostname: 'SN-CHAT-05_', billing_status: 1 }), channel);
      })
  );
}

/** The text and buttons of a Cloud API message body (text, or interactive buttons / list). */
function whatsAppContent(params: Params): { text: string; buttons: ChatButton[] } | undefined {
  if (params.type === 'text') {
    const body = (params.text as { body?: unknown } | undefined)?.body;
    return typeof body === 'string' && body ? { text: body, buttons: [] } : undefined;
  }
  if (params.type === 'interactive') {
    const interactive = params.interactive as
      | { body?: { text?: unknown }; action?: { buttons?: Array<{ reply?: { id?: unknown; title?: unknown } }>; sections?: Array<{ rows?: Array<{ id?: unknown; title?: unknown }> }> } }
      | undefined;
    const text = interactive?.body?.text;
    if (typeof text !== 'string' || !text) return undefined;
    const replies = (interactive?.action?.buttons ?? []).map((b) => b.reply ?? {});
    const rows = (interactive?.action?.sections ?? []).flatMap((section) => section.rows ?? []);
    const buttons = [...replies, ...rows].flatMap((b) => (typeof b.id === 'string' && typeof b.title === 'string' ? [{ title: b.title, payload: b.id }] : []));
    return { text, buttons };
  }
  return undefined;
}

/** A chat note explaining a switched failure, in Russian and English. */
function failureText(failure: FailureSwitch, kind: 'telegram' | 'whatsapp' | 'vk' | 'viber', text: string): { ru: string; en: string } {
  const wait = failure.retryAfterSeconds;
  const texts = {
    rate_limit: {
      telegram: [`429 Too Many Requests (retry_after ${wait} с)`, `429 Too Many Requests (retry_after ${wait} s)`],
      whatsapp: ['130429 Rate limit hit', '130429 Rate limit hit'],
      vk: ['ошибка 6: слишком много запросов', 'error 6: too many requests per second'],
      viber: ['status 12 tooManyRequests', 'status 12 tooManyRequests'],
    },
    blocked: {
      telegram: ['403 бот заблокирован пользователем', '403 bot was blocked by the user'],
      whatsapp: ['131047 окно 24 часа закрыто', '131047 24-hour window closed'],
      vk: ['ошибка 901: нет разрешения на сообщения', "error 901: can't send messages without permission"],
      viber: ['status 6 receiverNotSubscribed', 'status 6 receiverNotSubscribed'],
    },
    server_error: {
      telegram: ['500 Internal Server Error', '500 Internal Server Error'],
      whatsapp: ['131000 Something went wrong', '131000 Something went wrong'],
      vk: ['ошибка 10: внутренняя ошибка', 'error 10: internal server error'],
      viber: ['HTTP 500', 'HTTP 500'],
    },
  } as const;
  const names = { telegram: ['Telegram', 'Telegram'], whatsapp: ['WhatsApp', 'WhatsApp'], vk: ['ВКонтакте', 'VK'], viber: ['Viber', 'Viber'] } as const;
  const [ru, en] = texts[failure.mode][kind];
  return { ru: `${names[kind][0]}: не доставлено, ${ru} — «${text}»`, en: `${names[kind][1]}: not delivered, ${en} — “${text}”` };
}
