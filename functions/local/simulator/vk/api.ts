/**
 * The fake VK API: `POST|GET /simulator/vk/method/<method>` (messages.send and the documented upload
 * flow for message files: photos.getMessagesUploadServer / photos.saveMessagesPhoto,
 * docs.getMessagesUploadServer / docs.save) and the upload server itself, `POST /simulator/vk/upload/<token>`.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { Hono } from 'hono';
import type { SimulatedChannel } from '../channels.ts';
import type { FailureSwitch } from '../failures.ts';
import type { KeptFile } from '../files.ts';
import { type ChatButton, readButtonPayload } from '../model.ts';
import { type Params, type RefusalTexts, answerCall, failureText, jsonValue, readParams, str } from '../provider-api.ts';
import type { ProviderHost } from '../provider.ts';
import { vkGroupId } from './customer.ts';

/** How the chat notes a switched failure of messages.send. */
const REFUSALS: RefusalTexts = {
  rate_limit: ['ошибка 6: слишком много запросов', 'error 6: too many requests per second'],
  blocked: ['ошибка 901: нет разрешения на сообщения', "error 901: can't send messages without permission"],
  server_error: ['ошибка 10: внутренняя ошибка', 'error 10: internal server error'],
};

/** What VK keeps between the steps of an upload: open upload slots, uploaded files, and saved attachments. */
export interface VkFileState {
  slots: Map<string, { channelId: string; kind: 'photo' | 'doc'; file?: KeptFile; hash?: string }>;
  /** `photo<owner>_<id>` / `doc<owner>_<id>` → the file, as messages.send names attachments. */
  saved: Map<string, KeptFile>;
}

/** `messages.send` and the upload flow with VK's error objects; `sentByRandomId` holds the message id sent per channel, peer and random_id. */
export function vkApi(sim: ProviderHost, sentByRandomId: Map<string, number>, files: VkFileState) {
  return new Hono()
    .post('/upload/:token', async (c) => {
      const { params, files: parts } = await readParams(c);
      const slot = files.slots.get(c.req.param('token'));
      const part = slot && parts[slot.kind === 'photo' ? 'photo' : 'file'];
      const answer = (body: Params) => answerCall(sim, c, { kind: 'vk', method: 'upload', params, ...(slot && { channel: { channelId: slot.channelId } as SimulatedChannel }) }, 200, JSON.stringify(body));
      if (!slot || !part) return answer({ error: slot ? 'ERR_UPLOAD_FILE_NOT_UPLOADED: file not found' : 'ERR_UPLOAD_BAD_URL' });
      slot.file = sim.keepFile(part);
      if (slot.kind === 'doc') return answer({ file: c.req.param('token') });
      slot.hash = randomBytes(16).toString('hex');
      return answer({ server: 843210, photo: JSON.stringify([{ photo: c.req.param('token'), sizes: [], kid: slot.hash.slice(0, 8) }]), hash: slot.hash });
    })
    .on(['GET', 'POST'], '/method/:method', async (c) => {
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
      const invalid = (what: string, channel: SimulatedChannel) => error(100, `One of the parameters specified was missing or invalid: ${what}`, channel);

      const token = str(params.access_token);
      if (!token) return error(5, 'User authorization failed: no access_token passed.');
      const channel = await sim.findChannel('vk', (candidate) => candidate.secrets.accessToken === token);
      if (!channel) return error(5, 'User authorization failed: invalid access_token (4).');
      const owner = -vkGroupId(channel);

      switch (method) {
        case 'photos.getMessagesUploadServer':
        case 'docs.getMessagesUploadServer': {
          const kind = method.startsWith('photos') ? 'photo' : 'doc';
          if (kind === 'doc' && (str(params.type) ?? 'doc') !== 'doc') return invalid('type is invalid', channel);
          const slot = randomBytes(12).toString('hex');
          files.slots.set(slot, { channelId: channel.channelId, kind });
          const uploadUrl = sim.publicUrl(`/vk/upload/${slot}`);
          return vk({ response: kind === 'photo' ? { album_id: -3, upload_url: uploadUrl, user_id: 0, group_id: vkGroupId(channel) } : { upload_url: uploadUrl } }, channel);
        }
        case 'photos.saveMessagesPhoto': {
          const uploaded = (jsonValue(params.photo) as Array<{ photo?: unknown }> | undefined)?.[0]?.photo;
          const slot = typeof uploaded === 'string' ? files.slots.get(uploaded) : undefined;
          if (!slot?.file || slot.channelId !== channel.channelId || slot.hash !== str(params.hash)) return invalid('photo is undefined or hash is invalid', channel);
          const id = randomInt(457_000_000, 458_000_000);
          const accessKey = randomBytes(9).toString('hex');
          files.saved.set(`photo${owner}_${id}`, slot.file);
          files.slots.delete(uploaded as string);
          return vk({ response: [{ album_id: -3, date: sim.unixSeconds(), id, owner_id: owner, access_key: accessKey, sizes: [{ type: 'x', width: 640, height: 480, url: sim.publicUrl(`/api/files/${slot.file.id}`) }], text: '' }] }, channel);
        }
        case 'docs.save': {
          const key = str(params.file) ?? '';
          const slot = files.slots.get(key);
          if (!slot?.file || slot.channelId !== channel.channelId) return invalid('file is undefined', channel);
          const id = randomInt(600_000_000, 700_000_000);
          const title = str(params.title) ?? slot.file.fileName;
          files.saved.set(`doc${owner}_${id}`, { ...slot.file, fileName: title });
          files.slots.delete(key);
          const ext = /\.([A-Za-z0-9]+)$/.exec(title)?.[1] ?? '';
          return vk({ response: { type: 'doc', doc: { id, owner_id: owner, title, size: slot.file.bytes.byteLength, ext, date: sim.unixSeconds(), type: 1, url: sim.publicUrl(`/api/files/${slot.file.id}`) } } }, channel);
        }
        case 'messages.send':
          break;
        default:
          return error(3, 'Unknown method passed', channel);
      }

      const peerId = str(params.peer_id) ?? str(params.user_id);
      if (!peerId) return invalid('you should specify peer_id, user_id, domain, chat_id or user_ids param', channel);
      const randomId = str(params.random_id);
      if (randomId === undefined) return invalid('random_id is a required parameter', channel);
      const text = str(params.message) ?? '';
      const attachment = str(params.attachment);
      if (!text && !attachment) return invalid('message is empty or invalid', channel);
      // messages.send names files as `<type><owner_id>_<id>[_<access_key>]`; only what this community saved exists.
      const ref = attachment && /^(photo|doc)(-?\d+)_(\d+)(?:_[A-Za-z0-9]+)?$/.exec(attachment);
      const file = ref ? files.saved.get(`${ref[1]}${ref[2]}_${ref[3]}`) : undefined;
      if (attachment && !file) return invalid(`attachment ${attachment} is invalid`, channel);
      const persona = sim.personaFor(channel, peerId);
      if (!persona) return error(901, "Can't send messages for users without permission", channel);
      const earlier = sentByRandomId.get(`${channel.channelId}:${peerId}:${randomId}`);
      if (earlier !== undefined) return vk({ response: earlier }, channel);
      const said = text || file?.fileName || '';
      const failure = sim.takeFailure(channel.channelId, persona.id, said);
      if (failure) {
        sim.recordRefusal(channel, persona.id, failureText(failure, ['ВКонтакте', 'VK'], REFUSALS, said));
        if (failure.mode === 'rate_limit') return error(6, 'Too many requests per second', channel, failure);
        if (failure.mode === 'blocked') return error(901, "Can't send messages for users without permission", channel, failure);
        return error(10, 'Internal server error', channel, failure);
      }
      const keyboard = jsonValue(params.keyboard) as { buttons?: Array<Array<{ action?: { label?: unknown; payload?: unknown } }>> } | undefined;
      const buttons: ChatButton[] = (keyboard?.buttons ?? []).flat().flatMap((b) => (typeof b.action?.label === 'string' ? [{ title: b.action.label, payload: readButtonPayload(b.action.payload) ?? b.action.label }] : []));
      const messageId = sim.nextId();
      sentByRandomId.set(`${channel.channelId}:${peerId}:${randomId}`, messageId);
      sim.recordOutbound(channel, persona.id, { text, buttons, providerMessageId: String(messageId), ...(file && { file }) });
      return vk({ response: messageId }, channel);
    });
}
