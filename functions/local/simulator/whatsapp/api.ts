/** The fake WhatsApp Cloud API: `POST /simulator/whatsapp/<version>/<phone-number-id>/messages`. */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { SimulatedChannel } from '../channels.ts';
import type { FailureSwitch } from '../failures.ts';
import type { ChatButton } from '../model.ts';
import { type Params, type RefusalTexts, answerCall, failureText, readParams, str } from '../provider-api.ts';
import type { ProviderHost } from '../provider.ts';
import { wamid } from './customer.ts';

const fbtraceId = () => randomBytes(9).toString('base64url');

/** How the chat notes a switched failure of a send. */
const REFUSALS: RefusalTexts = {
  rate_limit: ['130429 Rate limit hit', '130429 Rate limit hit'],
  blocked: ['131047 окно 24 часа закрыто', '131047 24-hour window closed'],
  server_error: ['131000 Something went wrong', '131000 Something went wrong'],
};

/** The Graph API `messages` call our sender makes, with Meta's error bodies. */
export function whatsAppApi(sim: ProviderHost) {
  return new Hono().post('/:version/:phoneNumberId/messages', async (c) => {
    const { params, invalidJson } = await readParams(c);
    const wa = (status: number, body: Params, channel?: SimulatedChannel, failure?: FailureSwitch) =>
      answerCall(sim, c, { kind: 'whatsapp', method: 'messages', params, ...(channel ? { channel } : {}), ...(failure ? { failure } : {}) }, status, JSON.stringify(body));
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
      sim.recordRefusal(channel, personaId, failureText(failure, ['WhatsApp', 'WhatsApp'], REFUSALS, content.text));
      if (failure.mode === 'rate_limit') {
        return graphError(429, { message: '(#130429) Rate limit hit', type: 'OAuthException', code: 130429, error_data: { messaging_product: 'whatsapp', details: 'Cloud API message throughput has been reached.' } }, channel, failure);
      }
      if (failure.mode === 'blocked') {
        return graphError(400, { message: '(#131047) Re-engagement message', type: 'OAuthException', code: 131047, error_data: { messaging_product: 'whatsapp', details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' } }, channel, failure);
      }
      return graphError(500, { message: '(#131000) Something went wrong', type: 'OAuthException', code: 131000, error_data: { messaging_product: 'whatsapp', details: 'Something went wrong' } }, channel, failure);
    }
    const waId = to.replace(/^\+/, '');
    const messageId = wamid(waId);
    sim.recordOutbound(channel, personaId, { text: content.text, buttons: content.buttons, providerMessageId: messageId });
    return wa(200, { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: waId }], messages: [{ id: messageId }] }, channel);
  });
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

