import type { OutboundMessage } from '@cc/shared/messaging/model';
import type { MessengerSender, SendResult, WhatsAppCredentials } from '@cc/shared/messaging/ports';
import { GraphErrorResponseSchema, WhatsAppSendResponseSchema } from '@cc/shared/messaging/whatsapp/api-schema';
import { type MessengerHttpOptions, type ProviderResponse, callProvider, classifyHttpStatus, filePart, parseJsonOrUndefined, ProviderHttpClient } from './http.ts';
import { type AttemptOutcome, parseRetryAfterHeader, runWithRetry } from './retry.ts';

/** The Graph API host; point `baseUrl` elsewhere for a local fake. */
export const WHATSAPP_GRAPH_BASE_URL = 'https://graph.facebook.com';
/** Graph API version used unless configured. */
export const WHATSAPP_DEFAULT_GRAPH_VERSION = 'v21.0';

/** Throughput and pair rate limits: wait and retry. */
const RATE_LIMIT_CODES = new Set([4, 80007, 130429, 131048, 131056]);
/** Temporary platform errors: retry. */
const TEMPORARY_CODES = new Set([1, 2, 131000, 131016, 131057]);
/** The customer cannot get this message now: re-engagement (24-hour window), undeliverable, opted out. */
const UNREACHABLE_CODES = new Set([131026, 131047, 131049, 131050]);
/** Token or account problems an operator must fix. */
const UNAUTHORIZED_CODES = new Set([0, 3, 10, 190, 200, 131005, 131031]);

/** Options of the WhatsApp sender beyond the common HTTP ones. */
export interface WhatsAppSenderOptions extends MessengerHttpOptions {
  graphVersion?: string;
  /** Label of the list button used when a message has more than three buttons (max 20 chars). */
  listButtonLabel?: string;
}

/**
 * The Cloud API message body: text, reply buttons (up to three) or a list (up to ten); a reply
 * quotes our earlier message through `context`.
 */
export function buildWhatsAppMessage(message: OutboundMessage, listButtonLabel = 'Options', mediaId?: string): Record<string, unknown> {
  const buttons = message.buttons ?? [];
  const base = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: message.conversationExternalId.replace(/^\+/, ''),
    ...(message.replyToProviderMessageId ? { context: { message_id: message.replyToProviderMessageId } } : {}),
  };
  // A file goes by the media id of its upload; the text is its caption (buttons need an interactive message, which takes no uploaded media).
  if (message.file && mediaId) {
    const caption = message.text ? { caption: message.text } : {};
    return message.file.as === 'image'
      ? { ...base, type: 'image', image: { id: mediaId, ...caption } }
      : { ...base, type: 'document', document: { id: mediaId, filename: message.file.fileName, ...caption } };
  }
  if (buttons.length === 0) return { ...base, type: 'text', text: { preview_url: false, body: message.text } };
  const action =
    buttons.length <= 3
      ? { buttons: buttons.map((button) => ({ type: 'reply', reply: { id: button.payload, title: button.title.slice(0, 20) } })) }
      : {
          button: listButtonLabel.slice(0, 20),
          sections: [{ rows: buttons.map((button) => ({ id: button.payload, title: button.title.slice(0, 24) })) }],
        };
  return {
    ...base,
    type: 'interactive',
    interactive: { type: buttons.length <= 3 ? 'button' : 'list', body: { text: message.text }, action },
  };
}

/**
 * Classifies a Cloud API answer by its Graph error code first (the HTTP status of Graph errors is
 * not reliable): rate limits and temporary errors are retried, 131047 and the like are a permanent
 * unreachable recipient.
 */
export function classifyWhatsAppResponse(response: ProviderResponse, nowMs: number): AttemptOutcome<string> {
  const json = parseJsonOrUndefined(response.text);
  if (response.status >= 200 && response.status < 300) {
    const sent = WhatsAppSendResponseSchema.safeParse(json);
    if (sent.success && sent.data.messages[0]) return { ok: true, value: sent.data.messages[0].id };
  }
  const graph = GraphErrorResponseSchema.safeParse(json);
  if (!graph.success) return classifyHttpStatus(response, nowMs);
  const { code, message, error_data: data } = graph.data.error;
  const retryAfterMs = parseRetryAfterHeader(response.headers.get('retry-after'), nowMs);
  const base = {
    ok: false as const,
    reason: message,
    providerCode: String(code),
    ...(data?.details ? { detail: data.details } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
  if (RATE_LIMIT_CODES.has(code)) return { ...base, retryable: true, category: 'rate_limited' };
  if (TEMPORARY_CODES.has(code)) return { ...base, retryable: true, category: 'provider_unavailable' };
  if (UNREACHABLE_CODES.has(code)) return { ...base, retryable: false, category: 'recipient_unreachable' };
  if (UNAUTHORIZED_CODES.has(code)) return { ...base, retryable: false, category: 'unauthorized' };
  if (response.status === 429) return { ...base, retryable: true, category: 'rate_limited' };
  if (response.status >= 500) return { ...base, retryable: true, category: 'provider_unavailable' };
  return { ...base, retryable: false, category: 'rejected' };
}

/** Classifies a media upload's answer: `{id}` succeeds; errors are Graph errors, read as for a send. */
export function classifyWhatsAppUpload(response: ProviderResponse, nowMs: number): AttemptOutcome<string> {
  const id = (parseJsonOrUndefined(response.text) as { id?: unknown } | undefined)?.id;
  if (response.status >= 200 && response.status < 300 && typeof id === 'string' && id) return { ok: true, value: id };
  const outcome = classifyWhatsAppResponse(response, nowMs);
  return outcome.ok ? { ok: false, retryable: false, category: 'rejected', reason: 'media upload answered without an id' } : outcome;
}

/** MessengerSender over the WhatsApp Cloud API: `POST /{version}/{phone-number-id}/messages` with a bearer token. */
export class WhatsAppMessengerSender extends ProviderHttpClient implements MessengerSender<WhatsAppCredentials> {
  readonly kind = 'whatsapp' as const;
  private readonly graphVersion: string;
  private readonly listButtonLabel: string;

  constructor(options: WhatsAppSenderOptions = {}) {
    super(WHATSAPP_GRAPH_BASE_URL, options);
    this.graphVersion = options.graphVersion ?? WHATSAPP_DEFAULT_GRAPH_VERSION;
    this.listButtonLabel = options.listButtonLabel ?? 'Options';
  }

  /**
   * Sends a message; a file is first uploaded (`POST /{phone-number-id}/media`, multipart with
   * messaging_product, type and file) and then sent by its media id. The result's providerMessageId
   * is the wamid later statuses refer to.
   */
  async send(credentials: WhatsAppCredentials, message: OutboundMessage): Promise<SendResult> {
    const phone = `${this.baseUrl}/${this.graphVersion}/${encodeURIComponent(credentials.phoneNumberId)}`;
    const auth = { authorization: `Bearer ${credentials.accessToken}` };
    // Kept across retries: a send that failed after its upload sends the same media again.
    let mediaId: string | undefined;
    const result = await runWithRetry(async () => {
      if (message.file && !mediaId) {
        const form = new FormData();
        form.set('messaging_product', 'whatsapp');
        form.set('type', message.file.contentType);
        form.set('file', filePart(message.file), message.file.fileName);
        const uploaded = classifyWhatsAppUpload(await callProvider(this.fetchImpl, `${phone}/media`, { method: 'POST', headers: auth, body: form }, this.timeoutMs), this.now());
        if (!uploaded.ok) return uploaded;
        mediaId = uploaded.value;
      }
      const body = JSON.stringify(buildWhatsAppMessage(message, this.listButtonLabel, mediaId));
      const response = await callProvider(this.fetchImpl, `${phone}/messages`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body }, this.timeoutMs);
      return classifyWhatsAppResponse(response, this.now());
    }, this.retry);
    return result.ok ? { ok: true, providerMessageId: result.value, attempts: result.attempts } : result;
  }
}
