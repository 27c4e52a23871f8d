import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import type { SenderKind } from '../channels/catalog.ts';
import type { OutboundMessage } from './model.ts';

/** Telegram Bot API credentials: the token goes in the URL path `/bot<token>/`. */
export const TelegramCredentialsSchema = lazySchema(() => z.object({ kind: z.literal('telegram'), botToken: z.string().min(1) }));
/** WhatsApp Cloud API credentials: a bearer token and the business phone number id that sends. */
export const WhatsAppCredentialsSchema = lazySchema(() => z.object({
  kind: z.literal('whatsapp'),
  accessToken: z.string().min(1),
  phoneNumberId: z.string().min(1),
}));
/** VK community token and the API version to speak (`v`). */
export const VkCredentialsSchema = lazySchema(() => z.object({
  kind: z.literal('vk'),
  accessToken: z.string().min(1),
  apiVersion: z.string().min(1).default('5.199'),
}));
/** Viber bot auth token plus the sender shown on every message (name max 28 chars). */
export const ViberCredentialsSchema = lazySchema(() => z.object({
  kind: z.literal('viber'),
  authToken: z.string().min(1),
  senderName: z.string().min(1).max(28),
  senderAvatar: z.string().optional(),
}));
/** One channel instance's credentials, as stored in the secret it references. */
export const ChannelCredentialsSchema = lazySchema(() => z.discriminatedUnion('kind', [
  TelegramCredentialsSchema,
  WhatsAppCredentialsSchema,
  VkCredentialsSchema,
  ViberCredentialsSchema,
]));
export type TelegramCredentials = z.infer<typeof TelegramCredentialsSchema>;
export type WhatsAppCredentials = z.infer<typeof WhatsAppCredentialsSchema>;
export type VkCredentials = z.input<typeof VkCredentialsSchema>;
export type ViberCredentials = z.infer<typeof ViberCredentialsSchema>;
export type ChannelCredentials = TelegramCredentials | WhatsAppCredentials | VkCredentials | ViberCredentials;

// Every kind the catalog sends through a provider has credentials here, and no other kind does:
// adding a sender kind to the catalog fails to compile until its credentials exist.
type CredentialsMismatch = Exclude<SenderKind, ChannelCredentials['kind']> | Exclude<ChannelCredentials['kind'], SenderKind>;
const _everySenderKindHasCredentials: [CredentialsMismatch] extends [never] ? true : CredentialsMismatch = true;

/**
 * Why a send failed. `recipient_unreachable` (bot blocked, 24-hour window closed, not subscribed)
 * and `rejected` are permanent; `rate_limited` and `provider_unavailable` were retried first.
 */
export type SendFailureCategory =
  | 'recipient_unreachable'
  | 'rate_limited'
  | 'provider_unavailable'
  | 'unauthorized'
  | 'rejected';

/** A send that did not get through; `permanent` means retrying the same message later will not help. */
export interface SendFailure {
  ok: false;
  permanent: boolean;
  category: SendFailureCategory;
  /** The provider's own wording (Telegram description, Graph error message, VK error_msg, Viber status_message). */
  reason: string;
  /** The provider's error code as a string (Telegram error_code, Graph code, VK error_code, Viber status). */
  providerCode?: string;
  /** Longer provider text when there is one (Graph error_data.details). */
  detail?: string;
  attempts: number;
  /** Set when the provider asked to wait longer than we are willing to block: re-queue after this. */
  retryAfterMs?: number;
}

/** The provider accepted the message. */
export interface SendSuccess {
  ok: true;
  providerMessageId: string;
  attempts: number;
}

/** Outcome of one outbound send, after retries. */
export type SendResult = SendSuccess | SendFailure;

/** Outcome of an administrative call with no message id (setWebhook, answerCallbackQuery). */
export type OperationResult = { ok: true; attempts: number } | SendFailure;

/** Port: delivers an outbound message through one provider; never throws for provider errors. */
export interface MessengerSender<C extends ChannelCredentials = ChannelCredentials> {
  readonly kind: C['kind'];
  send(credentials: C, message: OutboundMessage): Promise<SendResult>;
}
