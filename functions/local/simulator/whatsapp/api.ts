/** The fake WhatsApp Cloud API: `POST /simulator/whatsapp/<version>/<phone-number-id>/messages`. */
import { createHash, randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import type { KeptFile } from '../files.ts';
import { mediaIdOf, type WhatsAppMediaItem } from './media.ts';
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

/** The channel whose access token the call carries. */
async function tokenChannel(sim: ProviderHost, authorization: string | undefined): Promise<SimulatedChannel | undefined> {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  return token ? sim.findChannel('whatsapp', (candidate) => candidate.secrets.accessToken === token) : undefined;
}

/**
 * The Graph API calls our sender and media downloads make: `messages` (text, interactive, and image or
 * document by media id), the media upload (`POST /{phone-number-id}/media`, multipart), the media URL
 * lookup (`GET /{media-id}`) and the download it points at, with Meta's error bodies.
 */
export function whatsAppApi(sim: ProviderHost, media: Map<string, WhatsAppMediaItem>) {
  const graphError = (c: Context, status: number, method: string, params: Params, error: Params, channel?: SimulatedChannel) =>
    answerCall(sim, c, { kind: 'whatsapp', method, params, ...(channel ? { channel } : {}) }, status, JSON.stringify({ error: { ...error, fbtrace_id: fbtraceId() } }));
  const invalidToken = { message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190 };
  return new Hono()
    .get('/download/:mediaId', async (c) => {
      const channel = await tokenChannel(sim, c.req.header('authorization'));
      const item = media.get(c.req.param('mediaId'));
      const ok = channel && item?.channelId === channel.channelId;
      sim.recordCall({ kind: 'whatsapp', ...(channel ? { channelId: channel.channelId } : {}), method: 'media download', httpMethod: 'GET', path: new URL(c.req.url).pathname, headers: {}, params: {}, status: ok ? 200 : 404, response: ok ? `${item.file.bytes.byteLength} bytes` : 'Not Found' });
      if (!ok) return c.json({ error: { message: 'Not Found' } }, 404);
      return c.body(item.file.bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': item.file.contentType, 'content-length': String(item.file.bytes.byteLength) });
    })
    .get('/:version/:mediaId', async (c) => {
      const channel = await tokenChannel(sim, c.req.header('authorization'));
      const mediaId = c.req.param('mediaId');
      if (!channel) return graphError(c, 401, 'media', {}, invalidToken);
      const item = media.get(mediaId);
      if (item?.channelId !== channel.channelId) return graphError(c, 400, 'media', {}, { message: `Unsupported get request. Object with ID '${mediaId}' does not exist`, type: 'GraphMethodException', code: 100, error_subcode: 33 }, channel);
      const file = item.file;
      return answerCall(sim, c, { kind: 'whatsapp', method: 'media', params: {}, channel }, 200, JSON.stringify({ messaging_product: 'whatsapp', url: sim.publicUrl(`/whatsapp/download/${mediaId}`), mime_type: file.contentType, sha256: createHash('sha256').update(file.bytes).digest('base64'), file_size: file.bytes.byteLength, id: mediaId }));
    })
    .post('/:version/:phoneNumberId/media', async (c) => {
      const { params, files } = await readParams(c);
      const channel = await tokenChannel(sim, c.req.header('authorization'));
      if (!channel) return graphError(c, 401, 'media upload', params, invalidToken);
      if (channel.secrets.phoneNumberId !== c.req.param('phoneNumberId')) return graphError(c, 400, 'media upload', params, { message: 'Unsupported post request.', type: 'GraphMethodException', code: 100, error_subcode: 33 }, channel);
      if (params.messaging_product !== 'whatsapp') return graphError(c, 400, 'media upload', params, { message: '(#100) The parameter messaging_product is required.', type: 'OAuthException', code: 100 }, channel);
      const upload = files.file;
      if (!upload) return graphError(c, 400, 'media upload', params, { message: '(#100) The parameter file is required.', type: 'OAuthException', code: 100 }, channel);
      const mediaId = mediaIdOf();
      media.set(mediaId, { channelId: channel.channelId, file: sim.keepFile({ ...upload, contentType: str(params.type) ?? upload.contentType }) });
      return answerCall(sim, c, { kind: 'whatsapp', method: 'media upload', params, channel }, 200, JSON.stringify({ id: mediaId }));
    })
    .post('/:version/:phoneNumberId/messages', async (c) => {
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
      const content = whatsAppContent(params, (id) => (media.get(id)?.channelId === channel.channelId ? media.get(id)!.file : undefined));
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
      sim.recordOutbound(channel, personaId, { text: content.text, buttons: content.buttons, providerMessageId: messageId, ...(content.file && { file: content.file }) });
      return wa(200, { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: waId }], messages: [{ id: messageId }] }, channel);
    });
}

/** The text, buttons and file of a Cloud API message body (text, interactive buttons / list, image or document by media id). */
function whatsAppContent(params: Params, mediaOf: (id: string) => KeptFile | undefined): { text: string; buttons: ChatButton[]; file?: KeptFile } | undefined {
  if (params.type === 'image' || params.type === 'document') {
    const object = params[params.type] as { id?: unknown; caption?: unknown } | undefined;
    const file = typeof object?.id === 'string' ? mediaOf(object.id) : undefined;
    if (!file) return undefined;
    return { text: typeof object?.caption === 'string' ? object.caption : '', buttons: [], file };
  }
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

