import type { OutboundMessage } from '@cc/shared/messaging/model';
import type { MessengerSender, OperationResult, SendResult, ViberCredentials } from '@cc/shared/messaging/ports';
import { ViberApiResponseSchema, parseViberJson } from '@cc/shared/messaging/viber/api-schema';
import { type MessengerHttpOptions, type ProviderResponse, callProvider, classifyHttpStatus, parseJsonOrUndefined, ProviderHttpClient } from './http.ts';
import { type AttemptOutcome, runWithRetry } from './retry.ts';

/** The Viber chat API host; point `baseUrl` elsewhere for a local fake. */
export const VIBER_API_BASE_URL = 'https://chatapi.viber.com';

/** Viber status codes (REST Bot API "Error codes"); 0 is ok. */
const VIBER_RECEIVER_NOT_REGISTERED = 5;
const VIBER_RECEIVER_NOT_SUBSCRIBED = 6;
const VIBER_NO_SUITABLE_DEVICE = 11;
const VIBER_TOO_MANY_REQUESTS = 12;
/** invalidAuthToken, publicAccountBlocked, publicAccountNotFound, publicAccountSuspended, publicAccountNotAuthorized. */
const UNAUTHORIZED_STATUSES = new Set([2, 7, 8, 9, 15]);

/**
 * The send_message body: a text message from the configured sender; `correlation` travels as
 * tracking_data; buttons become a reply keyboard whose ActionBody (our payload) comes back as the
 * text of the customer's next message.
 */
export function buildViberSendMessage(message: OutboundMessage, credentials: ViberCredentials): Record<string, unknown> {
  return {
    receiver: message.conversationExternalId,
    min_api_version: 1,
    sender: { name: credentials.senderName, ...(credentials.senderAvatar ? { avatar: credentials.senderAvatar } : {}) },
    ...(message.correlation ? { tracking_data: message.correlation } : {}),
    ...contentOf(message),
    ...(message.buttons?.length
      ? {
          keyboard: {
            Type: 'keyboard',
            DefaultHeight: false,
            Buttons: message.buttons.map((button) => ({
              ActionType: 'reply',
              ActionBody: button.payload,
              Text: button.title,
              Columns: 6,
              Rows: 1,
            })),
          },
        }
      : {}),
  };
}

/**
 * What the message is: text; or a file Viber fetches from `file.link` itself, a `picture` (its text
 * the description, which Viber requires, empty allowed) or a `file` with its size and name (no text).
 */
function contentOf(message: OutboundMessage): Record<string, unknown> {
  const file = message.file;
  if (!file?.link) return { type: 'text', text: message.text };
  if (file.as === 'image') return { type: 'picture', text: message.text, media: file.link };
  return { type: 'file', media: file.link, size: file.bytes.byteLength, file_name: file.fileName };
}

/**
 * Classifies a Viber answer (HTTP 200 with `status`): 0 succeeds with the exact 64-bit
 * message_token; 12 and 5xx are retried; not subscribed / not registered / no device are a
 * permanent unreachable recipient.
 */
export function classifyViberResponse(response: ProviderResponse, nowMs: number): AttemptOutcome<string | undefined> {
  const parsed = ViberApiResponseSchema.safeParse(parseJsonOrUndefined(response.text, parseViberJson));
  if (!parsed.success || response.status >= 300) return classifyHttpStatus(response, nowMs);
  const { status, status_message: statusMessage, message_token: token } = parsed.data;
  if (status === 0) return { ok: true, value: token };
  const base = { ok: false as const, reason: statusMessage ?? `Viber status ${status}`, providerCode: String(status) };
  if (status === VIBER_TOO_MANY_REQUESTS) return { ...base, retryable: true, category: 'rate_limited' };
  if (status === VIBER_RECEIVER_NOT_SUBSCRIBED || status === VIBER_RECEIVER_NOT_REGISTERED || status === VIBER_NO_SUITABLE_DEVICE) {
    return { ...base, retryable: false, category: 'recipient_unreachable' };
  }
  if (UNAUTHORIZED_STATUSES.has(status)) return { ...base, retryable: false, category: 'unauthorized' };
  return { ...base, retryable: false, category: 'rejected' };
}

/** Options of set_webhook; without `eventTypes` Viber sends every callback. */
export interface ViberWebhookSettings {
  url: string;
  eventTypes?: string[];
  sendName?: boolean;
  sendPhoto?: boolean;
}

/** MessengerSender over the Viber REST Bot API (`/pa/send_message`, header X-Viber-Auth-Token). */
export class ViberMessengerSender extends ProviderHttpClient implements MessengerSender<ViberCredentials> {
  readonly kind = 'viber' as const;

  constructor(options: MessengerHttpOptions = {}) {
    super(VIBER_API_BASE_URL, options);
  }

  /** Sends a text, picture or file message; the result's providerMessageId is the message_token statuses refer to. */
  async send(credentials: ViberCredentials, message: OutboundMessage): Promise<SendResult> {
    if (message.file && !message.file.link) {
      return { ok: false, permanent: true, category: 'rejected', reason: 'Viber fetches files from a link, and the file store gave none', attempts: 0 };
    }
    const result = await this.post(credentials, 'send_message', buildViberSendMessage(message, credentials));
    if (!result.ok) return result;
    if (result.value === undefined) {
      // Documented never to happen; not retried, since the message may well have gone out.
      const reason = 'send_message answered ok without a message_token';
      return { ok: false, permanent: false, category: 'provider_unavailable', reason, attempts: result.attempts };
    }
    return { ok: true, providerMessageId: result.value, attempts: result.attempts };
  }

  /** Registers the webhook; Viber calls it once with a `webhook` event that must be answered 200. */
  async setWebhook(credentials: ViberCredentials, settings: ViberWebhookSettings): Promise<OperationResult> {
    const result = await this.post(credentials, 'set_webhook', {
      url: settings.url,
      ...(settings.eventTypes ? { event_types: settings.eventTypes } : {}),
      send_name: settings.sendName ?? true,
      send_photo: settings.sendPhoto ?? true,
    });
    return result.ok ? { ok: true, attempts: result.attempts } : result;
  }

  private post(credentials: ViberCredentials, method: string, body: Record<string, unknown>) {
    return runWithRetry(async () => {
      const response = await callProvider(
        this.fetchImpl,
        `${this.baseUrl}/pa/${method}`,
        {
          method: 'POST',
          headers: { 'x-viber-auth-token': credentials.authToken, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
        this.timeoutMs,
      );
      return classifyViberResponse(response, this.now());
    }, this.retry);
  }
}
