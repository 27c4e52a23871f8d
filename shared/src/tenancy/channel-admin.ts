import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { MessengerKindSchema } from '../channels/schema.ts';
import type { Channel } from './model.ts';
import { toChannelView } from './model.ts';
import {
  AdminSecretLengthSchemas,
  AdminSecretStrengthSchemas,
  type ChannelSecrets,
  ChannelSecretsSchemas,
  ChannelSettingsSchemas,
  TelegramSecretsSchema,
  channelWebhookUrl,
  publicIdentifiers,
} from './channel-secrets.ts';

/**
 * Connecting and changing messenger channels: the request schemas of the channel administration
 * API and the pure decisions behind them. Secrets go in, are validated per kind and come out only
 * as plaintext for the cipher; nothing here ever puts them in a view.
 */

const NameSchema = lazySchema(() => z.string().trim().min(1).max(100));
const QueueIdSchema = lazySchema(() => z.string().trim().min(1).max(64));

const createBase = lazySchema(() => ({ name: NameSchema, defaultQueueId: QueueIdSchema.optional() }));

/** `POST /api/channels`: the kind picks which settings and secrets are valid. */
export const CreateChannelRequestSchema = lazySchema(() => z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('telegram'),
    ...createBase,
    settings: ChannelSettingsSchemas.telegram.default({}),
    // The secret token is ours to choose; generated when omitted.
    secrets: TelegramSecretsSchema.extend(AdminSecretStrengthSchemas.telegram.shape),
  }),
  z.strictObject({ kind: z.literal('whatsapp'), ...createBase, settings: ChannelSettingsSchemas.whatsapp.default({}), secrets: ChannelSecretsSchemas.whatsapp }),
  // The VK secret key is ours to choose too.
  z.strictObject({ kind: z.literal('vk'), ...createBase, settings: ChannelSettingsSchemas.vk.default({}), secrets: ChannelSecretsSchemas.vk.extend(AdminSecretStrengthSchemas.vk.shape) }),
  z.strictObject({ kind: z.literal('viber'), ...createBase, settings: ChannelSettingsSchemas.viber.default({}), secrets: ChannelSecretsSchemas.viber }),
  z.strictObject({ kind: z.literal('yandex'), ...createBase, settings: ChannelSettingsSchemas.yandex.default({}), secrets: ChannelSecretsSchemas.yandex }),
  z.strictObject({ kind: z.literal('webchat'), ...createBase, settings: ChannelSettingsSchemas.webchat.default({}), secrets: ChannelSecretsSchemas.webchat.default({}) }),
]));
export type CreateChannelRequest = z.infer<typeof CreateChannelRequestSchema>;

/**
 * `PATCH /api/channels/:channelId`: rename, change the queue (`null` clears it), replace settings,
 * or rotate secrets. Secrets are merged over the stored ones, so rotating one key keeps the others.
 */
export const UpdateChannelRequestSchema = lazySchema(() => z
  .strictObject({
    name: NameSchema.optional(),
    defaultQueueId: QueueIdSchema.nullable().optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
    secrets: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: 'Nothing to change: give name, defaultQueueId, settings or secrets' }));
export type UpdateChannelRequest = z.infer<typeof UpdateChannelRequestSchema>;

/** A channel as the admin API shows it: no secrets, plus the webhook URL the provider must call. */
export function toChannelAdminView(channel: Channel, publicBaseUrl: string) {
  return { ...toChannelView(channel), webhookUrl: channelWebhookUrl(publicBaseUrl, channel.kind, channel.channelId) };
}
export type ChannelAdminView = ReturnType<typeof toChannelAdminView>;

/** A new channel record (still without its ciphertext) and the secrets to encrypt into it. */
export interface PlannedChannel {
  channel: Omit<Channel, 'encryptedSecrets'>;
  secrets: ChannelSecrets;
}

/** Creates the record of a new channel; `generateSecret` supplies a Telegram secret token when none was given. */
export function planChannel(
  request: CreateChannelRequest,
  context: { tenantId: string; channelId: string; now: string; generateSecret: () => string },
): PlannedChannel {
  const secrets: ChannelSecrets =
    request.kind === 'telegram' ? { botToken: request.secrets.botToken, secretToken: request.secrets.secretToken ?? context.generateSecret() } : request.secrets;
  return {
    channel: {
      tenantId: context.tenantId,
      channelId: context.channelId,
      kind: request.kind,
      name: request.name,
      ...(request.defaultQueueId ? { defaultQueueId: request.defaultQueueId } : {}),
      settings: { ...request.settings, ...publicIdentifiers(request.kind, secrets) },
      createdAt: context.now,
    },
    secrets,
  };
}

/** What an update changes: the record without its ciphertext, and new secrets only when they were rotated. */
export interface PlannedUpdate {
  channel: Omit<Channel, 'encryptedSecrets'>;
  secrets?: ChannelSecrets;
}

/**
 * Applies a patch to a stored channel. Settings are replaced (and validated for the kind); secrets
 * are merged over `currentSecrets` and the result validated as a whole.
 * @throws ZodError with paths under `settings.` / `secrets.` when the result is invalid.
 */
export function planChannelUpdate(channel: Channel, currentSecrets: Record<string, unknown>, patch: UpdateChannelRequest): PlannedUpdate {
  const kind = MessengerKindSchema.parse(channel.kind);
  // Only the values the admin sends now must be strong; a stored older secret may be kept.
  if (patch.secrets && (kind === 'telegram' || kind === 'vk')) z.object({ secrets: AdminSecretLengthSchemas[kind] }).parse({ secrets: patch.secrets });
  const validated = z
    .object({ settings: ChannelSettingsSchemas[kind].optional(), secrets: ChannelSecretsSchemas[kind].optional() })
    .parse({ settings: patch.settings, secrets: patch.secrets && { ...currentSecrets, ...patch.secrets } }) as { settings?: Record<string, unknown>; secrets?: ChannelSecrets };
  const secrets = validated.secrets;
  const identifiers = publicIdentifiers(kind, (secrets ?? currentSecrets) as ChannelSecrets);
  const defaultQueueId = patch.defaultQueueId === null ? undefined : (patch.defaultQueueId ?? channel.defaultQueueId);
  const { encryptedSecrets: _ciphertext, defaultQueueId: _previousQueue, ...unchanged } = channel;
  return {
    channel: {
      ...unchanged,
      ...(patch.name ? { name: patch.name } : {}),
      ...(defaultQueueId ? { defaultQueueId } : {}),
      settings: { ...(validated.settings ?? channel.settings), ...identifiers },
    },
    ...(secrets ? { secrets } : {}),
  };
}

/** Bilingual instructions for a provider whose webhook is set by hand in its own console. */
export interface ManualWebhookSetup {
  /** Values to paste; secrets are referred to by name, never included. */
  values: Record<string, string>;
  steps: { ru: string[]; en: string[] };
}

/**
 * How to point a provider with no webhook API (WhatsApp Cloud API, VK Callback API, Yandex Dialogs)
 * at our webhook; undefined for kinds we register ourselves or that have no webhook.
 */
export function manualWebhookSetup(channel: Channel, webhookUrl: string): ManualWebhookSetup | undefined {
  const settings = channel.settings as Record<string, unknown>;
  switch (channel.kind) {
    case 'whatsapp':
      return {
        values: { callbackUrl: webhookUrl, verifyToken: '(the verify token saved in this channel)', webhookField: 'messages' },
        steps: {
          ru: [
            'Откройте приложение в Meta for Developers → WhatsApp → Configuration.',
            `В блоке Webhook нажмите Edit и укажите Callback URL: ${webhookUrl}`,
            'В поле Verify token вставьте verify token, сохранённый в этом канале, и нажмите Verify and save: мы ответим на проверку hub.challenge.',
            'В Webhook fields подпишитесь на поле messages.',
          ],
          en: [
            'Open your app in Meta for Developers → WhatsApp → Configuration.',
            `Under Webhook click Edit and set the Callback URL to ${webhookUrl}`,
            'Paste the verify token saved in this channel as the Verify token and click Verify and save: we answer the hub.challenge check.',
            'Under Webhook fields subscribe to the messages field.',
          ],
        },
      };
    case 'vk': {
      const apiVersion = typeof settings.apiVersion === 'string' ? settings.apiVersion : '5.199';
      const groupId = typeof settings.groupId === 'string' ? settings.groupId : '';
      return {
        values: { callbackUrl: webhookUrl, apiVersion, groupId, secretKey: '(the secret saved in this channel)' },
        steps: {
          ru: [
            'Сообщество → Управление → Работа с API → Callback API → Настройки сервера.',
            `Версия API: ${apiVersion}. Адрес: ${webhookUrl}`,
            'Секретный ключ: секрет, сохранённый в этом канале.',
            'Строка, которую должен вернуть сервер, должна совпадать с confirmation этого канала (если ВКонтакте показывает другую, обновите канал через PATCH), затем нажмите «Подтвердить».',
            'На вкладке «Типы событий» включите: входящее сообщение, исходящее сообщение, разрешение и запрет на получение, действие с сообщением.',
            'В разделе «Сообщения» включите сообщения сообщества и возможности ботов.',
          ],
          en: [
            'Community → Manage → API usage → Callback API → Server settings.',
            `API version: ${apiVersion}. Address: ${webhookUrl}`,
            'Secret key: the secret saved in this channel.',
            'The string the server must return has to equal this channel\'s confirmation (if VK shows another one, update the channel with PATCH), then click Confirm.',
            'On the Event types tab enable: incoming message, outgoing message, message allow and deny, message event.',
            'Under Messages enable community messages and bot features.',
          ],
        },
      };
    }
    case 'yandex':
      return {
        values: { webhookUrl, skillId: '(the skill id saved in this channel)' },
        steps: {
          ru: ['Откройте навык в консоли Яндекс Диалогов → Настройки → Backend.', `Выберите Webhook URL и укажите ${webhookUrl}`, 'Идентификатор навыка в консоли должен совпадать с skillId этого канала.'],
          en: ['Open the skill in the Yandex Dialogs console → Settings → Backend.', `Choose Webhook URL and enter ${webhookUrl}`, 'The skill id in the console must equal this channel\'s skillId.'],
        },
      };
    default:
      return undefined;
  }
}
