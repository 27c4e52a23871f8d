import { createHash } from 'node:crypto';
import type { OutboundMessage } from '@cc/shared/messaging/model';
import type { MessengerSender, SendResult, VkCredentials } from '@cc/shared/messaging/ports';
import { VkApiResponseSchema } from '@cc/shared/messaging/vk/api-schema';
import { type MessengerHttpOptions, type ProviderResponse, callProvider, classifyHttpStatus, parseJsonOrUndefined, ProviderHttpClient } from './http.ts';
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

  /** Sends a message; the result's providerMessageId is VK's message id (the echo's `id`). */
  async send(credentials: VkCredentials, message: OutboundMessage): Promise<SendResult> {
    const body = buildVkSendParams(message, credentials, this.randomId(message.idempotencyKey)).toString();
    const result = await runWithRetry(async () => {
      const response = await callProvider(
        this.fetchImpl,
        `${this.baseUrl}/method/messages.send`,
        { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body },
        this.timeoutMs,
      );
      return classifyVkResponse(response, this.now());
    }, this.retry);
    return result.ok ? { ok: true, providerMessageId: result.value, attempts: result.attempts } : result;
  }
}
