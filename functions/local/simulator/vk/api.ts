/** The fake VK API: `POST|GET /simulator/vk/method/<method>` (only `messages.send` is known). */
import { Hono } from 'hono';
import type { SimulatedChannel } from '../channels.ts';
import type { FailureSwitch } from '../failures.ts';
import { type ChatButton, readButtonPayload } from '../model.ts';
import { type Params, type RefusalTexts, answerCall, failureText, jsonValue, readParams, str } from '../provider-api.ts';
import type { ProviderHost } from '../provider.ts';

/** How the chat notes a switched failure of messages.send. */
const REFUSALS: RefusalTexts = {
  rate_limit: ['ошибка 6: слишком много запросов', 'error 6: too many requests per second'],
  blocked: ['ошибка 901: нет разрешения на сообщения', "error 901: can't send messages without permission"],
  server_error: ['ошибка 10: внутренняя ошибка', 'error 10: internal server error'],
};

/** `messages.send` with VK's error objects; `sentByRandomId` holds the message id sent per channel, peer and random_id. */
export function vkApi(sim: ProviderHost, sentByRandomId: Map<string, number>) {
  return new Hono().on(['GET', 'POST'], '/method/:method', async (c) => {
    const { params } = await readParams(c);
    const method = c.req.param('method');
    const { access_token: _token, ...recorded } = params;
    const requestParams = [
      { key: 'method', value: method },
      { key: 'oauth', value: '1' },
      ...['v', 'peer_id', 'random_id'].flatMap((key) => (params[key] !== undefined ? [{ key, value: String(params[key]) }] : [])),
    ];
    const vk = (body: Params, channel?: SimulatedChannel, failure?: FailureSwitch) => answerCall(sim, c, { kind: 'vk', method, params: recorded, ...(channel ? { channel } : {}), ...(failure ? { failure } : {}) }, 200, JSON.stringify(body));
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
    const earlier = sentByRandomId.get(`${channel.channelId}:${peerId}:${randomId}`);
    if (earlier !== undefined) return vk({ response: earlier }, channel);
    const failure = sim.takeFailure(channel.channelId, persona.id, text);
    if (failure) {
      sim.recordRefusal(channel, persona.id, failureText(failure, ['ВКонтакте', 'VK'], REFUSALS, text));
      if (failure.mode === 'rate_limit') return error(6, 'Too many requests per second', channel, failure);
      if (failure.mode === 'blocked') return error(901, "Can't send messages for users without permission", channel, failure);
      return error(10, 'Internal server error', channel, failure);
    }
    const keyboard = jsonValue(params.keyboard) as { buttons?: Array<Array<{ action?: { label?: unknown; payload?: unknown } }>> } | undefined;
    const buttons: ChatButton[] = (keyboard?.buttons ?? []).flat().flatMap((b) => (typeof b.action?.label === 'string' ? [{ title: b.action.label, payload: readButtonPayload(b.action.payload) ?? b.action.label }] : []));
    const messageId = sim.nextId();
    sentByRandomId.set(`${channel.channelId}:${peerId}:${randomId}`, messageId);
    sim.recordOutbound(channel, persona.id, { text, buttons, providerMessageId: String(messageId) });
    return vk({ response: messageId }, channel);
  });
}
