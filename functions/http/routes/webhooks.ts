import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@cc/shared/errors';
import type { NormalizeContext, WebhookResult } from '@cc/shared/messaging/model';
import { parseWebhookBody } from '@cc/shared/messaging/parse-webhook-body';
import { TELEGRAM_SECRET_HEADER, normalizeTelegramUpdate, verifyTelegramSecretToken } from '@cc/shared/messaging/telegram/index';
import { VIBER_SIGNATURE_HEADER, normalizeViberCallback, verifyViberSignature } from '@cc/shared/messaging/viber/index';
import { normalizeVkCallback, verifyVkCallback } from '@cc/shared/messaging/vk/index';
import { WHATSAPP_SIGNATURE_HEADER, answerWhatsAppVerification, keepOwnNumber, normalizeWhatsAppWebhook, verifyWhatsAppSignature } from '@cc/shared/messaging/whatsapp/index';
import { verifyAliceSkill } from '@cc/shared/messaging/yandex/index';
import type { MessengerKind } from '@cc/shared/channels/catalog';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { logger } from '../../composition/logger.ts';
import { answerAliceSkill } from '../../messaging/alice-skill.ts';
import { type ResolvedChannel, secretOf } from '../../messaging/channel-resolver.ts';
import { ingestWebhookResult } from '../../messaging/ingest.ts';
import { problemResponse } from '../problem.ts';

/** Providers' webhook bodies are small; anything larger is refused before it is read. */
const MAX_WEBHOOK_BYTES = 1024 * 1024;

type WebhookDeps = Pick<Deps, 'directory' | 'cipher' | 'messaging' | 'clock' | 'queues' | 'contacts' | 'customers' | 'config' | 'rateLimiter'>;

/**
 * The messenger webhooks, one route per channel instance (`/webhooks/<kind>/<channelId>`). Each
 * authenticates the provider first (constant-time: Telegram's secret token, WhatsApp's and Viber's
 * HMAC of the raw body, VK's secret, the Alice skill id), so a forged or unsigned call gets 401 and
 * stores nothing; then validates (400 with the reason), writes each item once to the inbox and
 * answers what the provider expects. Routing and everything else runs off the table's stream.
 */
export function webhookRoutes(deps: WebhookDeps, services: Pick<Services, 'channels'>) {
  const { channels } = services;

  const channelOf = async (c: Context, kind: MessengerKind): Promise<ResolvedChannel> => {
    const channelId = c.req.param('channelId') ?? '';
    const resolved = await channels.resolve(channelId);
    if (!resolved || resolved.channel.kind !== kind) throw new NotFoundError('Channel', channelId);
    return resolved;
  };
  const refuse = (resolved: ResolvedChannel, why: string): never => {
    logger.warn('Webhook refused: not authentic', { channelId: resolved.channel.channelId, channelKind: resolved.channel.kind, why });
    throw new UnauthenticatedError('The webhook call is not authentic for this channel');
  };
  const readRaw = async (c: Context) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return { bytes, text: new TextDecoder().decode(bytes) };
  };
  const contextOf = (resolved: ResolvedChannel, receivedAt: Date): NormalizeContext => ({ channelId: resolved.channel.channelId, receivedAt: receivedAt.toISOString() });
  const store = (resolved: ResolvedChannel, result: WebhookResult, receivedAt: Date) => ingestWebhookResult(deps, resolved, result, receivedAt);

  return new Hono()
    .use(
      bodyLimit({
        maxSize: MAX_WEBHOOK_BYTES,
        onError: () => problemResponse({ type: 'urn:problem:payload-too-large', title: 'Payload Too Large', status: 413, detail: `Webhook bodies are limited to ${MAX_WEBHOOK_BYTES} bytes` }),
      }),
    )
    .post('/telegram/:channelId', async (c) => {
      const resolved = await channelOf(c, 'telegram');
      if (!verifyTelegramSecretToken(c.req.header(TELEGRAM_SECRET_HEADER), secretOf(resolved, 'secretToken'))) refuse(resolved, 'secret token');
      const receivedAt = deps.clock.now();
      const update = parseWebhookBody('telegram', (await readRaw(c)).text);
      await store(resolved, normalizeTelegramUpdate(update, contextOf(resolved, receivedAt)), receivedAt);
      // An empty 200: a JSON body here would be taken by Telegram as a Bot API method call.
      return c.body(null, 200);
    })
    .get('/whatsapp/:channelId', async (c) => {
      const resolved = await channelOf(c, 'whatsapp');
      const challenge = answerWhatsAppVerification(c.req.query(), secretOf(resolved, 'verifyToken'));
      if (challenge === undefined) {
        logger.warn('WhatsApp verification refused', { channelId: resolved.channel.channelId });
        throw new ForbiddenError('The verify token does not match this channel');
      }
      return c.text(challenge, 200);
    })
    .post('/whatsapp/:channelId', async (c) => {
      const resolved = await channelOf(c, 'whatsapp');
      const raw = await readRaw(c);
      if (!verifyWhatsAppSignature(raw.bytes, c.req.header(WHATSAPP_SIGNATURE_HEADER), secretOf(resolved, 'appSecret'))) refuse(resolved, 'X-Hub-Signature-256');
      const receivedAt = deps.clock.now();
      // Signed by the app, not by the number: changes of the app's other numbers are answered 200 and dropped.
      const own = keepOwnNumber(parseWebhookBody('whatsapp', raw.text), secretOf(resolved, 'phoneNumberId'));
      if (own.dropped.length > 0) logger.warn('WhatsApp changes of another phone number dropped', { channelId: resolved.channel.channelId, phoneNumberIds: [...new Set(own.dropped)] });
      await store(resolved, normalizeWhatsAppWebhook(own.webhook, contextOf(resolved, receivedAt)), receivedAt);
      return c.text('ok', 200);
    })
    .post('/vk/:channelId', async (c) => {
      const resolved = await channelOf(c, 'vk');
      // VK puts its secret in the body, so the body must be read to authenticate.
      const event = parseWebhookBody('vk', (await readRaw(c)).text);
      const groupId = secretOf(resolved, 'groupId');
      if (!verifyVkCallback(event, { secret: secretOf(resolved, 'secret'), ...(groupId && { groupId }) })) refuse(resolved, 'secret or group_id');
      const receivedAt = deps.clock.now();
      const result = normalizeVkCallback(event, contextOf(resolved, receivedAt));
      if (result.kind === 'handshake') return c.text(secretOf(resolved, 'confirmation'), 200);
      await store(resolved, result, receivedAt);
      return c.text('ok', 200);
    })
    .post('/viber/:channelId', async (c) => {
      const resolved = await channelOf(c, 'viber');
      const raw = await readRaw(c);
      if (!verifyViberSignature(raw.bytes, c.req.header(VIBER_SIGNATURE_HEADER), secretOf(resolved, 'token'))) refuse(resolved, 'X-Viber-Content-Signature');
      const receivedAt = deps.clock.now();
      // The raw text, so 64-bit message tokens keep every digit.
      const result = normalizeViberCallback(raw.text, contextOf(resolved, receivedAt));
      if (result.kind !== 'handshake') await store(resolved, result, receivedAt);
      return c.body(null, 200);
    })
    .post('/yandex/:channelId', async (c) => {
      const resolved = await channelOf(c, 'yandex');
      const call = parseWebhookBody('yandex', (await readRaw(c)).text);
      if (!verifyAliceSkill(call, { skillId: secretOf(resolved, 'skillId') || undefined })) refuse(resolved, 'session.skill_id');
      return c.json(await answerAliceSkill(deps, resolved, call));
    });
}
