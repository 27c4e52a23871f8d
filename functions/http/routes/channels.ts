import { randomBytes } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { InvalidRequestError, NotFoundError } from '@cc/shared/errors';
import type { OperationResult } from '@cc/shared/messaging/ports';
import {
  CreateChannelRequestSchema,
  UpdateChannelRequestSchema,
  manualWebhookSetup,
  planChannel,
  planChannelUpdate,
  toChannelAdminView,
} from '@cc/shared/tenancy/channel-admin';
import { channelCredentials, channelWebhookUrl } from '@cc/shared/tenancy/channel-secrets';
import type { Channel } from '@cc/shared/tenancy/model';
import { channelSecretContext } from '@cc/shared/tenancy/ports';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';
import { problemResponse } from '../problem.ts';

/** Event types we ask Telegram for: messages, edits, button presses and blocks/unblocks. */
const TELEGRAM_ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'];
/** Callbacks we ask Viber for (`message` is always sent); delivered/seen/failed drive the delivery ticks. */
const VIBER_EVENT_TYPES = ['delivered', 'seen', 'failed', 'subscribed', 'unsubscribed', 'conversation_started'];

type ChannelDeps = Pick<Deps, 'config' | 'clock' | 'directory' | 'queues' | 'cipher' | 'senders'>;

/** A random id like the demo seed's: `<kind>-<12 hex>`, unique across tenants (webhooks look channels up by id alone). */
const newChannelId = (kind: string) => `${kind}-${randomBytes(6).toString('hex')}`;
/** A Telegram secret_token: 32 characters of the allowed alphabet. */
const newSecretToken = () => randomBytes(24).toString('base64url');

/**
 * Channel administration (admin role): connect a messenger channel with its secrets (encrypted
 * with `deps.cipher`, never returned), rename it, move it to another queue, rotate secrets, and
 * register its webhook with the provider where the provider has an API for it.
 */
export function channelAdminRoutes(deps: ChannelDeps, services: Pick<Services, 'channels' | 'audit'>, auth: MiddlewareHandler<AuthEnv>) {
  const publicBaseUrl = (c: Context) => deps.config.PUBLIC_BASE_URL ?? new URL(c.req.url).origin;

  /** The caller's channel, or 404 (another tenant's channel looks the same as a missing one). */
  const loadChannel = async (c: Context<AuthEnv>) => {
    const channelId = c.req.param('channelId') ?? '';
    const channel = await deps.directory.getChannel(c.get('principal').tenantId, channelId);
    if (!channel) throw new NotFoundError('Channel', channelId);
    return channel;
  };

  /** @throws ZodError (400 listing the field) when the tenant has no such queue. */
  const requireQueue = async (tenantId: string, queueId: string | null | undefined) => {
    if (!queueId) return;
    if (await deps.queues.get(tenantId, queueId)) return;
    // Parsed rather than constructed, so it is the same ZodError (400 listing the field) as any other.
    z.object({ defaultQueueId: z.string().refine(() => false, `No queue ${queueId} in this tenant`) }).parse({ defaultQueueId: queueId });
  };

  return new Hono<AuthEnv>()
    .post('/channels', auth, requireRole('admin'), async (c) => {
      const request = await readJson(c, CreateChannelRequestSchema);
      const { tenantId } = c.get('principal');
      await requireQueue(tenantId, request.defaultQueueId);
      const planned = planChannel(request, { tenantId, channelId: newChannelId(request.kind), now: deps.clock.now().toISOString(), generateSecret: newSecretToken });
      const channel: Channel = { ...planned.channel, encryptedSecrets: await deps.cipher.encrypt(JSON.stringify(planned.secrets), channelSecretContext(planned.channel.tenantId, planned.channel.channelId)) };
      await deps.directory.putChannel(channel);
      const view = toChannelAdminView(channel, publicBaseUrl(c));
      await services.audit.record(c.get('principal'), { target: 'channel', targetId: channel.channelId, action: 'created', after: view });
      return c.json(view, 201, { location: `/api/channels/${channel.channelId}` });
    })
    .patch('/channels/:channelId', auth, requireRole('admin'), async (c) => {
      const patch = await readJson(c, UpdateChannelRequestSchema);
      const channel = await loadChannel(c);
      await requireQueue(channel.tenantId, patch.defaultQueueId);
      const current = patch.secrets ? await openSecrets(deps, channel) : {};
      const planned = planChannelUpdate(channel, current, patch);
      const encryptedSecrets = planned.secrets ? await deps.cipher.encrypt(JSON.stringify(planned.secrets), channelSecretContext(channel.tenantId, channel.channelId)) : channel.encryptedSecrets;
      const updated: Channel = { ...planned.channel, encryptedSecrets };
      await deps.directory.putChannel(updated);
      // This process's webhook side sees the change at once; other Lambda containers within their cache TTL.
      services.channels.invalidate(updated.channelId);
      const view = toChannelAdminView(updated, publicBaseUrl(c));
      // Secrets are never in the view, so a rotation is recorded by the names of the secrets replaced.
      const after = patch.secrets ? { ...view, credentialsReplaced: Object.keys(patch.secrets).sort() } : view;
      await services.audit.record(c.get('principal'), { target: 'channel', targetId: updated.channelId, action: 'updated', before: toChannelAdminView(channel, publicBaseUrl(c)), after });
      return c.json(view);
    })
    .post('/channels/:channelId/register-webhook', auth, requireRole('admin'), async (c) => {
      const channel = await loadChannel(c);
      const webhookUrl = channelWebhookUrl(publicBaseUrl(c), channel.kind, channel.channelId);
      const base = { channelId: channel.channelId, kind: channel.kind, webhookUrl };

      if (channel.kind === 'telegram' || channel.kind === 'viber') {
        const secrets = await openSecrets(deps, channel);
        const credentials = channelCredentials(channel, secrets);
        let result: OperationResult;
        if (credentials?.kind === 'telegram') {
          result = await deps.senders.telegram.setWebhook(credentials, { url: webhookUrl, secretToken: String(secrets.secretToken ?? ''), allowedUpdates: TELEGRAM_ALLOWED_UPDATES });
        } else if (credentials?.kind === 'viber') {
          result = await deps.senders.viber.setWebhook(credentials, { url: webhookUrl, eventTypes: VIBER_EVENT_TYPES, sendName: true, sendPhoto: true });
        } else {
          throw new InvalidRequestError(`Channel ${channel.channelId} has no ${channel.kind} credentials`);
        }
        if (!result.ok) {
          // The provider's own wording and code; the request carried the token, the answer never does.
          return problemResponse({
            type: 'urn:problem:provider-refused',
            title: 'Bad Gateway',
            status: 502,
            detail: `${channel.kind} refused the webhook registration (${result.category}${result.providerCode ? `, code ${result.providerCode}` : ''}): ${result.reason}`,
          });
        }
        return c.json({ ...base, registered: true, attempts: result.attempts });
      }

      const manual = manualWebhookSetup(channel, webhookUrl);
      if (!manual) throw new InvalidRequestError(`A ${channel.kind} channel has no webhook to register`);
      return c.json({ ...base, registered: false, manual });
    });
}

/** The channel's decrypted secrets as a plain object (empty when they are not an object). */
async function openSecrets(deps: Pick<Deps, 'cipher'>, channel: Channel): Promise<Record<string, unknown>> {
  const parsed: unknown = JSON.parse(await deps.cipher.decrypt(channel.encryptedSecrets, channelSecretContext(channel.tenantId, channel.channelId)));
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
}
