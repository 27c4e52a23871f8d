import { createHash } from 'node:crypto';
import type { OutboundFile, OutboundMessage } from '@cc/shared/messaging/model';
import type { MessengerSender, SendResult, VkCredentials } from '@cc/shared/messaging/ports';
import { VkApiResponseSchema } from '@cc/shared/messaging/vk/api-schema';
import { type MessengerHttpOptions, type ProviderResponse, callProvider, classifyHttpStatus, filePart, parseJsonOrUndefined, ProviderHttpClient } from './http.ts';
import { type AttemptOutcome, runWithRetry } from './retry.ts';

/** The VK API host; point `baseUrl` elsewhere for a local fake. */
export const VK_API_BASE_URL = 'https://api.vk.com';
/** API version spoken unless the credentials say otherwise. */
export const VK_DEFAULT_API_VERSION = '5.199';

/** Too many requests per second (6) and flood control (9): wait and retry. */
const RATE_LIMIT_CODES = new Set([6, 9]);
/** Unknown error (1) and internal server error (10): retry. */
const TEMPORARY_CODES = new Set([1, 10]);
/** The user blocked the community, did not allow messages, or their privacy forbids it. */
const UNREACHABLE_CODES = new Set([900, 901, 902, 945, 946]);
/** Token, permission or community access problems an operator must fix. */
const UNAUTHORIZED_CODES = new Set([5, 7, 15, 27, 28]);

/** Options of the VK sender beyond the common HTTP ones. */
export interface VkSenderOptions extends MessengerHttpOptions {
  /** How `random_id` is derived from the message's idempotency key; defaults to deriveVkRandomId. */
  randomId?: (idempotencyKey: string) => number;
}

/**
 * A positive 48-bit `random_id` derived from the idempotency key: VK drops a second send with the
 * same random_id over the whole history, so a retried or re-queued send is not duplicated.
 */
export function deriveVkRandomId(idempotencyKey: string): number {
  return createHash('sha256').update(idempotencyKey).digest().readUIntBE(0, 6) || 1;
}

/** The messages.send parameters; buttons become an inline keyboard whose payload comes back as `{"button": …}`. */
export function buildVkSendParams(
  message: OutboundMessage,
  credentials: VkCredentials,
  randomId: number,
): URLSearchParams {
  const params = new URLSearchParams({
    peer_id: message.conversationExternalId,
    random_id: String(randomId),
    message: message.text,
  });
  if (message.buttons?.length) {
    const keyboard = {
      inline: true,
      buttons: message.buttons.map((button) => [
        { action: { type: 'text', label: button.title.slice(0, 40), payload: JSON.stringify({ button: button.payload }) } },
      ]),
    };
    params.set('keyboard', JSON.stringify(keyboard));
  }
  params.set('access_token', credentials.accessToken);
  params.set('v', credentials.apiVersion ?? VK_DEFAULT_API_VERSION);
  return params;
}

/**
 * Classifies a VK API answer; errors come inside an HTTP 200 body as `{error:{error_code,error_msg}}`.
 * 6 and 9 are retried, 901 (no permission to write) and its kin are a permanent unreachable recipient.
 */
export function classifyVkResponse(response: ProviderResponse, nowMs: number): AttemptOutcome<string> {
  const parsed = VkApiResponseSchema.safeParse(parseJsonOrUndefined(response.text));
  if (!parsed.success) return classifyHttpStatus(response, nowMs);
  const { response: sent, error } = parsed.data;
  if (!error) {
    const id = typeof sent === 'number' ? sent : sent?.[0]?.message_id;
    if (id !== undefined) return { ok: true, value: String(id) };
    return classifyHttpStatus(response, nowMs);
  }
  return vkErrorOutcome(error);
}

/** Any other method's answer (the upload flow's): `response` as it is, or the error read as for messages.send. */
export function classifyVkCall(response: ProviderResponse, nowMs: number): AttemptOutcome<unknown> {
  const body = parseJsonOrUndefined(response.text) as { response?: unknown; error?: { error_code?: unknown; error_msg?: unknown } } | undefined;
  if (response.status === 200 && body?.response !== undefined) return { ok: true, value: body.response };
  if (typeof body?.error?.error_code === 'number') return vkErrorOutcome({ error_code: body.error.error_code, error_msg: typeof body.error.error_msg === 'string' ? body.error.error_msg : undefined });
  return classifyHttpStatus(response, nowMs);
}

function vkErrorOutcome(error: { error_code: number; error_msg?: string | undefined }): AttemptOutcome<never> {
  const { error_code: code, error_msg: message } = error;
  const base = { ok: false as const, reason: message ?? `VK error ${code}`, providerCode: String(code) };
  if (RATE_LIMIT_CODES.has(code)) return { ...base, retryable: true, category: 'rate_limited' };
  if (TEMPORARY_CODES.has(code)) return { ...base, retryable: true, category: 'provider_unavailable' };
  if (UNREACHABLE_CODES.has(code)) return { ...base, retryable: false, category: 'recipient_unreachable' };
  if (UNAUTHORIZED_CODES.has(code)) return { ...base, retryable: false, category: 'unauthorized' };
  return { ...base, retryable: false, category: 'rejected' };
}

/** MessengerSender over VK `messages.send` (form-encoded POST with access_token, v and random_id). */
export class VkMessengerSender extends ProviderHttpClient implements MessengerSender<VkCredentials> {
  readonly kind = 'vk' as const;
  private readonly randomId: (idempotencyKey: string) => number;

  constructor(options: VkSenderOptions = {}) {
    super(VK_API_BASE_URL, options);
    this.randomId = options.randomId ?? deriveVkRandomId;
  }

  /**
   * Sends a message; the result's providerMessageId is VK's message id (the echo's `id`). A file first
   * goes through VK's upload flow (vkFileAttachment) and is sent as the message's `attachment`.
   */
  async send(credentials: VkCredentials, message: OutboundMessage): Promise<SendResult> {
    const params = buildVkSendParams(message, credentials, this.randomId(message.idempotencyKey));
    // Kept across retries: once uploaded and saved, a retried send attaches the same photo or document.
    let attachment: string | undefined;
    const result = await runWithRetry(async () => {
      if (message.file && !attachment) {
        const uploaded = await vkFileAttachment((method, extra) => this.call(credentials, method, extra), this.upload, message.conversationExternalId, message.file);
        if (!uploaded.ok) return uploaded;
        attachment = uploaded.value;
      }
      if (attachment) params.set('attachment', attachment);
      const response = await callProvider(
        this.fetchImpl,
        `${this.baseUrl}/method/messages.send`,
        { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: params.toString() },
        this.timeoutMs,
      );
      return classifyVkResponse(response, this.now());
    }, this.retry);
    return result.ok ? { ok: true, providerMessageId: result.value, attempts: result.attempts } : result;
  }

  /** One API method call, form-encoded with the token and version. */
  private async call(credentials: VkCredentials, method: string, extra: Record<string, string>): Promise<AttemptOutcome<unknown>> {
    const body = new URLSearchParams({ ...extra, access_token: credentials.accessToken, v: credentials.apiVersion ?? VK_DEFAULT_API_VERSION }).toString();
    const response = await callProvider(this.fetchImpl, `${this.baseUrl}/method/${method}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }, this.timeoutMs);
    return classifyVkCall(response, this.now());
  }

  /** POSTs the file to an upload server as multipart `field`; @returns its JSON answer. */
  private readonly upload = async (url: string, field: string, file: OutboundFile): Promise<AttemptOutcome<Record<string, unknown>>> => {
    const form = new FormData();
    form.set(field, filePart(file), file.fileName);
    const response = await callProvider(this.fetchImpl, url, { method: 'POST', headers: {}, body: form }, this.timeoutMs);
    const body = parseJsonOrUndefined(response.text);
    if (response.status !== 200 || typeof body !== 'object' || body === null) return classifyHttpStatus(response, this.now());
    if ('error' in body) return { ok: false, retryable: false, category: 'rejected', reason: `upload: ${String((body as { error: unknown }).error)}` };
    return { ok: true, value: body as Record<string, unknown> };
  };
}

type VkCall = (method: string, params: Record<string, string>) => Promise<AttemptOutcome<unknown>>;
type VkUpload = (url: string, field: string, file: OutboundFile) => Promise<AttemptOutcome<Record<string, unknown>>>;

/**
 * VK's documented upload flow for a message file, as the `attachment` of messages.send: a photo
 * (photos.getMessagesUploadServer → POST `photo` → photos.saveMessagesPhoto → `photo<owner>_<id>_<key>`)
 * or a document (docs.getMessagesUploadServer type=doc → POST `file` → docs.save → `doc<owner>_<id>`).
 */
export async function vkFileAttachment(call: VkCall, upload: VkUpload, peerId: string, file: OutboundFile): Promise<AttemptOutcome<string>> {
  const photo = file.as === 'image';
  const server = await call(photo ? 'photos.getMessagesUploadServer' : 'docs.getMessagesUploadServer', { peer_id: peerId, ...(!photo && { type: 'doc' }) });
  if (!server.ok) return server;
  const uploadUrl = (server.value as { upload_url?: unknown }).upload_url;
  if (typeof uploadUrl !== 'string') return { ok: false, retryable: false, category: 'rejected', reason: 'no upload_url in the upload server answer' };
  const sent = await upload(uploadUrl, photo ? 'photo' : 'file', file);
  if (!sent.ok) return sent;
  const asString = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  const saved = photo
    ? await call('photos.saveMessagesPhoto', { photo: asString(sent.value.photo), server: asString(sent.value.server), hash: asString(sent.value.hash) })
    : await call('docs.save', { file: asString(sent.value.file), title: file.fileName });
  if (!saved.ok) return saved;
  const item = photo ? (saved.value as Array<{ id?: unknown; owner_id?: unknown; access_key?: unknown }>)[0] : (saved.value as { doc?: { id?: unknown; owner_id?: unknown } }).doc;
  if (typeof item?.id !== 'number' || typeof item.owner_id !== 'number') return { ok: false, retryable: false, category: 'rejected', reason: `${photo ? 'photos.saveMessagesPhoto' : 'docs.save'} answered without an id` };
  const key = photo && typeof (item as { access_key?: unknown }).access_key === 'string' ? `_${(item as { access_key: string }).access_key}` : '';
  return { ok: true, value: `${photo ? 'photo' : 'doc'}${item.owner_id}_${item.id}${key}` };
}
