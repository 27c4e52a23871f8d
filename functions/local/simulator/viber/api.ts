/** The fake Viber REST Bot API: `POST /simulator/viber/pa/<method>` (`send_message`, `set_webhook`). */
import { Hono } from 'hono';
import type { SimulatedChannel } from '../channels.ts';
import type { FailureSwitch } from '../failures.ts';
import type { ChatButton } from '../model.ts';
import { type Params, type RefusalTexts, answerCall, failureText, readParams, str } from '../provider-api.ts';
import type { ProviderHost } from '../provider.ts';
import { stringifyWithBigInts } from '../wire.ts';
import { type KeptFile, sha256Hex } from '../files.ts';
import { viberHandshake, viberToken } from './customer.ts';

/** How the chat notes a switched failure of send_message. */
const REFUSALS: RefusalTexts = {
  rate_limit: ['status 12 tooManyRequests', 'status 12 tooManyRequests'],
  blocked: ['status 6 receiverNotSubscribed', 'status 6 receiverNotSubscribed'],
  server_error: ['HTTP 500', 'HTTP 500'],
};

/** The two methods our sender calls (send_message with text, `picture` or `file` by link), answered with Viber's `status` codes. */
export function viberApi(sim: ProviderHost) {
  return new Hono().post('/pa/:method', async (c) => {
    const { params, invalidJson } = await readParams(c);
    const method = c.req.param('method');
    const viber = (body: Params | string, channel?: SimulatedChannel, failure?: FailureSwitch, status = 200) =>
      answerCall(sim, c, { kind: 'viber', method, params, ...(channel ? { channel } : {}), ...(failure ? { failure } : {}) }, status, typeof body === 'string' ? body : JSON.stringify(body));
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
      const check = await sim.send(viberHandshake(sim, channel, url).request);
      if (check.status !== 200) return status(1, 'invalidUrl', channel);
      sim.registerWebhook(channel, { url, eventTypes });
      return viber({ status: 0, status_message: 'ok', chat_hostname: 'SN-CHAT-05_', event_types: eventTypes }, channel);
    }
    if (method !== 'send_message') return viber({ status: 3, status_message: 'badData' }, channel, undefined, 404);

    const receiver = str(params.receiver);
    const sender = params.sender as { name?: unknown } | undefined;
    const text = str(params.text) ?? '';
    const media = str(params.media);
    const complete =
      params.type === 'text' ? Boolean(text)
      : params.type === 'picture' ? typeof params.text === 'string' && Boolean(media)
      : params.type === 'file' ? Boolean(media) && typeof params.size === 'number' && Boolean(str(params.file_name))
      : false;
    if (!receiver || typeof sender?.name !== 'string' || !complete) return status(4, 'missingData', channel);
    // Viber's documented rule: a picture's URL ends in the image's extension.
    if (params.type === 'picture' && !/\.(jpe?g|png|gif)$/i.test(new URL(media!).pathname)) return status(3, 'badData', channel);
    const persona = sim.personaFor(channel, receiver);
    if (!persona) return status(5, 'receiverNotRegistered', channel);
    const said = text || str(params.file_name) || '';
    const failure = sim.takeFailure(channel.channelId, persona.id, said);
    if (failure) {
      sim.recordRefusal(channel, persona.id, failureText(failure, ['Viber', 'Viber'], REFUSALS, said));
      if (failure.mode === 'rate_limit') return status(12, 'tooManyRequests', channel, failure);
      if (failure.mode === 'blocked') return status(6, 'receiverNotSubscribed', channel, failure);
      return viber('Internal Server Error', channel, failure, 500);
    }
    const keyboard = params.keyboard as { Buttons?: Array<{ ActionBody?: unknown; Text?: unknown }> } | undefined;
    const buttons: ChatButton[] = (keyboard?.Buttons ?? []).flatMap((b) => (typeof b.ActionBody === 'string' ? [{ title: typeof b.Text === 'string' ? b.Text : b.ActionBody, payload: b.ActionBody }] : []));
    // Viber fetches the file from our link itself; the fake does the same and keeps what it got.
    let file: KeptFile | undefined;
    if (media) {
      const fetched = await sim.fetchMedia(media);
      params.fetched = { status: fetched.status, size: fetched.bytes.byteLength, sha256: sha256Hex(fetched.bytes), contentType: fetched.contentType };
      if (fetched.status !== 200) {
        sim.recordRefusal(channel, persona.id, { ru: `Viber: не удалось скачать файл по ссылке (HTTP ${fetched.status})`, en: `Viber: could not fetch the file from its link (HTTP ${fetched.status})` });
        return status(3, 'badData', channel);
      }
      file = sim.keepFile({ fileName: str(params.file_name) ?? decodeURIComponent(new URL(media).pathname.split('/').pop() ?? 'picture'), contentType: fetched.contentType ?? 'application/octet-stream', bytes: fetched.bytes });
    }
    const messageToken = viberToken(sim);
    sim.recordOutbound(channel, persona.id, { text, buttons, providerMessageId: messageToken.toString(), ...(file && { file }) });
    return viber(stringifyWithBigInts({ status: 0, status_message: 'ok', message_token: messageToken, chat_hostname: 'SN-CHAT-05_', billing_status: 1 }), channel);
  });
}
