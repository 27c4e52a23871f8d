import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { isSenderKind, type MessengerKind, type SenderKind } from '../channels/catalog.ts';
import { PreChatMenuSchema } from '../conversations/pre-chat.ts';
import type { ChannelCredentials } from '../messaging/ports.ts';
import type { Channel } from './model.ts';

/**
 * What each messenger channel keeps encrypted (`Channel.encryptedSecrets` holds the JSON of one of
 * these), named as the provider names them. The demo seed, the channel administration API, the
 * webhook verifiers, the senders and the local simulator all read this one shape.
 */

/** Telegram `secret_token`: 1–256 characters of A-Z, a-z, 0-9, `_` and `-` (Bot API setWebhook). */
export const TelegramSecretTokenSchema = lazySchema(() => z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, '1-256 characters of A-Z, a-z, 0-9, _ and -'));

/** Shortest webhook secret an admin may choose: 16 characters keep a guessed or brute-forced secret out of reach. */
export const MIN_ADMIN_SECRET_LENGTH = 16;
const strong = (schema: z.ZodString) => schema.min(MIN_ADMIN_SECRET_LENGTH, `at least ${MIN_ADMIN_SECRET_LENGTH} characters`);

/**
 * Webhook secrets we choose and the admin may supply (Telegram `secret_token`, VK `secret`), with a
 * minimum strength. Checked on admin input only, so stored secrets of older channels still load.
 */
export const AdminSecretStrengthSchemas = lazySchema(() => ({
  telegram: z.object({ secretToken: strong(TelegramSecretTokenSchema).optional() }),
  vk: z.object({ secret: strong(z.string().max(50)) }),
} as const));

/** The length rule alone, for a rotation: the merged secrets are validated in full afterwards. */
export const AdminSecretLengthSchemas = lazySchema(() => ({
  telegram: z.object({ secretToken: strong(z.string()).optional() }),
  vk: z.object({ secret: strong(z.string()).optional() }),
} as const));

/** Telegram: the BotFather token and the secret echoed in X-Telegram-Bot-Api-Secret-Token. */
export const TelegramSecretsSchema = lazySchema(() => z.strictObject({
  botToken: z.string().regex(/^\d{3,20}:[A-Za-z0-9_-]{20,100}$/, 'a BotFather token such as 123456789:AA…'),
  secretToken: TelegramSecretTokenSchema,
}));
/** WhatsApp Cloud API: bearer token, app secret (X-Hub-Signature-256), our verify token and the sending number's id. */
export const WhatsAppSecretsSchema = lazySchema(() => z.strictObject({
  accessToken: z.string().min(10).max(1024),
  appSecret: z.string().min(8).max(256),
  verifyToken: z.string().min(8).max(256),
  phoneNumberId: z.string().regex(/^\d{5,20}$/, 'the numeric phone number id from the WhatsApp Manager'),
}));
/** VK Callback API: community token, the secret key, the confirmation string VK expects back and the community id. */
export const VkSecretsSchema = lazySchema(() => z.strictObject({
  accessToken: z.string().min(10).max(1024),
  secret: z.string().min(1).max(50),
  confirmation: z.string().min(1).max(64),
  groupId: z.string().regex(/^\d{1,20}$/, 'the numeric community id'),
}));
/** Viber REST Bot API: the bot's auth token (X-Viber-Auth-Token and the key of X-Viber-Content-Signature). */
export const ViberSecretsSchema = lazySchema(() => z.strictObject({
  token: z.string().min(10).max(256),
}));
/** Yandex Dialogs: the skill id every call carries in `session.skill_id` (the protocol has no signature). */
export const YandexSecretsSchema = lazySchema(() => z.strictObject({
  skillId: z.string().min(1).max(64),
}));
/** Our own web chat widget has no provider secrets. */
export const WebchatSecretsSchema = lazySchema(() => z.strictObject({}));

/** The secrets schema of each messenger kind; a new messenger kind fails to compile until it has one. */
export const ChannelSecretsSchemas = {
  telegram: TelegramSecretsSchema,
  whatsapp: WhatsAppSecretsSchema,
  vk: VkSecretsSchema,
  viber: ViberSecretsSchema,
  yandex: YandexSecretsSchema,
  webchat: WebchatSecretsSchema,
} as const satisfies { [K in MessengerKind]: z.ZodType };

export type TelegramSecrets = z.infer<typeof TelegramSecretsSchema>;
export type WhatsAppSecrets = z.infer<typeof WhatsAppSecretsSchema>;
export type VkSecrets = z.infer<typeof VkSecretsSchema>;
export type ViberSecrets = z.infer<typeof ViberSecretsSchema>;
export type YandexSecrets = z.infer<typeof YandexSecretsSchema>;
/** The decrypted secrets of any messenger channel. */
export type ChannelSecrets = TelegramSecrets | WhatsAppSecrets | VkSecrets | ViberSecrets | YandexSecrets | Record<string, never>;

/** Non-secret settings an admin may set, per messenger kind; unknown keys are refused so typos surface as 400. */
export const ChannelSettingsSchemas = lazySchema(() => ({
  telegram: z.strictObject({ botUsername: z.string().regex(/^[A-Za-z0-9_]{5,32}$/).optional(), preChatMenu: PreChatMenuSchema.optional() }),
  whatsapp: z.strictObject({ displayPhoneNumber: z.string().max(32).optional(), preChatMenu: PreChatMenuSchema.optional() }),
  vk: z.strictObject({ apiVersion: z.string().regex(/^5\.\d{1,3}$/).optional(), preChatMenu: PreChatMenuSchema.optional() }),
  viber: z.strictObject({ senderName: z.string().min(1).max(28).optional(), senderAvatar: z.url().optional(), preChatMenu: PreChatMenuSchema.optional() }),
  yandex: z.strictObject({}),
  // The widget offers the menu's options as departments in its pre-chat form (else the tenant's queues).
  webchat: z.strictObject({ allowedOrigins: z.array(z.url()).max(20).optional(), preChatMenu: PreChatMenuSchema.optional() }),
} as const satisfies { [K in MessengerKind]: z.ZodType }));

/**
 * Validates `value` as the secrets of `kind`.
 * @throws ZodError naming each invalid field.
 */
export function parseChannelSecrets(kind: MessengerKind, value: unknown): ChannelSecrets {
  return ChannelSecretsSchemas[kind].parse(value) as ChannelSecrets;
}

/**
 * Settings that mirror non-secret identifiers kept among the secrets (the WhatsApp phone number id,
 * the VK community id), so a channel's view shows which number or community it is.
 */
export function publicIdentifiers(kind: MessengerKind, secrets: ChannelSecrets): Record<string, string> {
  if (kind === 'whatsapp') return { phoneNumberId: (secrets as WhatsAppSecrets).phoneNumberId };
  if (kind === 'vk') return { groupId: (secrets as VkSecrets).groupId };
  return {};
}

/** Path of a channel's webhook on our API: `/webhooks/<kind>/<channelId>` (ARCHITECTURE §3). */
export function channelWebhookPath(kind: string, channelId: string): string {
  return `/webhooks/${kind}/${encodeURIComponent(channelId)}`;
}

/** The full webhook URL a provider must call, under the API's public base URL. */
export function channelWebhookUrl(publicBaseUrl: string, kind: string, channelId: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}${channelWebhookPath(kind, channelId)}`;
}

type CredentialsOf<K extends SenderKind> = Extract<ChannelCredentials, { kind: K }>;
type Reader = (key: string) => string | undefined;

/** How each sender kind's credentials are read from its secrets and settings; a new sender kind must add one. */
const CREDENTIALS: { [K in SenderKind]: (secret: (key: string) => string, setting: Reader, name: string) => CredentialsOf<K> } = {
  telegram: (secret) => ({ kind: 'telegram', botToken: secret('botToken') }),
  whatsapp: (secret) => ({ kind: 'whatsapp', accessToken: secret('accessToken'), phoneNumberId: secret('phoneNumberId') }),
  vk: (secret, setting) => ({ kind: 'vk', accessToken: secret('accessToken'), apiVersion: setting('apiVersion') ?? '5.199' }),
  viber: (secret, setting, name) => {
    const avatar = setting('senderAvatar');
    return { kind: 'viber', authToken: secret('token'), senderName: (setting('senderName') ?? name).slice(0, 28), ...(avatar ? { senderAvatar: avatar } : {}) };
  },
};

/**
 * The sender credentials of a channel from its decrypted secrets and settings; undefined for kinds
 * with no provider send API (Yandex answers synchronously, web chat pushes over our own socket).
 */
export function channelCredentials(channel: Pick<Channel, 'kind' | 'name' | 'settings'>, secrets: Record<string, unknown>): ChannelCredentials | undefined {
  if (!isSenderKind(channel.kind)) return undefined;
  const text = (key: string) => (typeof secrets[key] === 'string' ? (secrets[key] as string) : '');
  const setting = (key: string) => (typeof channel.settings[key] === 'string' ? (channel.settings[key] as string) : undefined);
  return CREDENTIALS[channel.kind](text, setting, channel.name);
}
