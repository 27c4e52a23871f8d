import type { StoredMessage, OutboxRecord } from '@cc/shared/conversations/model';
import type { MessagingRepository } from '@cc/shared/conversations/ports';
import { recordSendResult } from '@cc/shared/conversations/update-message';
import { ConflictError } from '@cc/shared/errors';
import type { OutboundMessage } from '@cc/shared/messaging/model';
import type { SendResult } from '@cc/shared/messaging/ports';
import { channelCredentials } from '@cc/shared/tenancy/channel-secrets';
import { type MessengerSenders, deriveVkRandomId, sendThroughChannel } from '../adapters/messengers/index.ts';
import type { Clock } from '../composition/root.ts';
import { logger } from '../composition/logger.ts';
import type { ChannelResolver, ResolvedChannel } from './channel-resolver.ts';

/** Delivers our replies to the web chat widget (over our own WebSocket). */
export interface WidgetDelivery {
  /** @returns whether a visitor's open widget received it now (otherwise it loads it on reconnect). */
  deliver(message: StoredMessage): Promise<boolean>;
}

/** What the outbox processor reads and writes. */
export interface OutboxDeps {
  messaging: MessagingRepository;
  senders: MessengerSenders;
  clock: Clock;
  widget?: WidgetDelivery;
}

/** The provider-neutral form of one of our stored messages. */
export function toOutboundMessage(message: StoredMessage): OutboundMessage {
  return {
    conversationExternalId: message.conversationExternalId,
    text: message.text ?? '',
    format: 'plain',
    ...(message.buttons?.length && { buttons: message.buttons }),
    ...(message.replyToProviderMessageId && { replyToProviderMessageId: message.replyToProviderMessageId }),
    correlation: message.messageId,
    // Stable across attempts: VK derives random_id from it, so a resend after a lost answer is not duplicated.
    idempotencyKey: message.messageId,
  };
}

/**
 * Sends our messages from the outbox (the stream's outbox inserts) through the channel's sender,
 * which retries 429 and 5xx with backoff honouring retry_after. The outcome is recorded on the
 * message: `sent` with the provider's id (and a pointer from that id, so delivery statuses find
 * it), or `failed` with the provider's reason for the agent to see. A record for an attempt that is
 * no longer pending is skipped, so a redelivered record never sends twice.
 */
export class OutboxProcessor {
  constructor(
    private readonly deps: OutboxDeps,
    private readonly channels: ChannelResolver,
  ) {}

  async send(record: OutboxRecord): Promise<void> {
    const message = await this.deps.messaging.getMessage(record.tenantId, record.messageId);
    if (!message || message.status !== 'pending' || message.sendAttempt !== record.attempt) return;
    const resolved = await this.channels.resolve(message.channelId);
    const result = resolved ? await this.deliver(resolved, message) : failure('The channel no longer exists');
    const refs = result.ok ? refsOf(message, result.providerMessageId) : [];
    if (!result.ok) logger.warn('Message not delivered', { messageId: message.messageId, channelId: message.channelId, category: result.category, reason: result.reason, permanent: result.permanent });

    for (let current: StoredMessage | undefined = message; current?.status === 'pending' && current.sendAttempt === record.attempt; ) {
      try {
        await this.deps.messaging.saveMessage(recordSendResult(current, result, this.deps.clock.now()), current.version, refs);
        return;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        current = await this.deps.messaging.getMessage(record.tenantId, record.messageId);
      }
    }
  }

  private async deliver(resolved: ResolvedChannel, message: StoredMessage): Promise<SendResult> {
    const { channel } = resolved;
    if (channel.kind === 'webchat') {
      if (!this.deps.widget) return failure('The web chat widget delivery is not configured');
      await this.deps.widget.deliver(message);
      return { ok: true, providerMessageId: message.messageId, attempts: 1 };
    }
    const credentials = channelCredentials(channel, resolved.secrets);
    if (!credentials) return failure(`A ${channel.kind} channel cannot send messages`);
    return sendThroughChannel(this.deps.senders, credentials, toOutboundMessage(message));
  }
}

function failure(reason: string): SendResult {
  return { ok: false, permanent: true, category: 'rejected', reason, attempts: 0 };
}

/** Provider references that must lead back to the message: its provider id, and VK's random_id (for echoes). */
function refsOf(message: StoredMessage, providerMessageId: string | undefined): string[] {
  const refs = providerMessageId && providerMessageId !== 'undefined' ? [providerMessageId] : [];
  if (message.channel === 'vk') refs.push(`random:${deriveVkRandomId(message.messageId)}`);
  return refs;
}
