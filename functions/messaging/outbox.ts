import { CHANNEL_CATALOG } from '@cc/shared/channels/catalog';
import { customerFacingText } from '@cc/shared/conversations/build-message';
import type { StoredMessage } from '@cc/shared/conversations/model';
import type { MessagingRepository } from '@cc/shared/conversations/ports';
import { claimDelivery, deferDelivery, recordSendResult } from '@cc/shared/conversations/update-message';
import { DELIVERY_LEASE_MS, MAX_DELIVERY_TRIES, type DeliveryJob, deliveryDelaySeconds } from '@cc/shared/delivery/model';
import type { DeliveryQueue } from '@cc/shared/delivery/ports';
import { ConflictError, DomainError } from '@cc/shared/errors';
import type { OutboundMessage } from '@cc/shared/messaging/model';
import type { SendResult } from '@cc/shared/messaging/ports';
import { channelCredentials } from '@cc/shared/tenancy/channel-secrets';
import { type MessengerSenders, deriveVkRandomId, sendThroughChannel } from '../adapters/messengers/index.ts';
import type { MediaStore } from '@cc/shared/media/ports';
import type { Clock } from '../composition/deps.ts';
import { outboundFileOf } from '../media/outbound.ts';
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
  /** Where transient failures are re-queued; without one they are recorded as (non-permanent) failures. */
  delivery?: DeliveryQueue;
  /** Jitter source for the backoff. */
  random?: () => number;
  /** Where agents' files are read from (the media store); without it a message with a file fails. */
  media?: { store?: MediaStore | undefined } | undefined;
}

/** A delivery job met a live claim of the same try (another worker may be calling the provider): retry later. */
export class DeliveryInFlightError extends DomainError {
  constructor(job: DeliveryJob) {
    super('delivery_in_flight', `Try ${job.try} of message ${job.messageId} is in flight`, { messageId: job.messageId, try: job.try });
  }
}

/** The provider-neutral form of one of our stored messages. */
export function toOutboundMessage(message: StoredMessage): OutboundMessage {
  return {
    conversationExternalId: message.conversationExternalId,
    text: customerFacingText(message),
    format: 'plain',
    ...(message.buttons?.length && { buttons: message.buttons }),
    ...(message.replyToProviderMessageId && { replyToProviderMessageId: message.replyToProviderMessageId }),
    correlation: message.messageId,
    // Stable across attempts: VK derives random_id from it, so a resend after a lost answer is not duplicated.
    idempotencyKey: message.messageId,
  };
}

/**
 * Delivers one job off the delivery queue: claims the try on the message BEFORE calling the provider
 * (so a retry after a crash or timeout knows a send may have got through), makes ONE provider call,
 * then records `sent`, a permanent `failed`, or re-queues a transient failure (429, 5xx, timeout)
 * with the provider's delay until MAX_DELIVERY_TRIES. Jobs for another attempt, or for a try already
 * finished, change nothing, so a redelivered job never sends twice unless the earlier call crashed.
 * @throws DeliveryInFlightError when the same try is claimed and its lease has not expired
 */
export class DeliveryProcessor {
  constructor(
    private readonly deps: OutboxDeps,
    private readonly channels: ChannelResolver,
  ) {}

  async deliver(job: DeliveryJob): Promise<void> {
    const message = await this.claim(job);
    if (!message) return;
    const resolved = await this.channels.resolve(message.channelId);
    const result = resolved ? await this.send(resolved, message) : failure('The channel no longer exists');
    if (!result.ok) logger.warn('Message not delivered', { messageId: message.messageId, channelId: message.channelId, try: job.try, category: result.category, reason: result.reason, permanent: result.permanent });
    const retry = !result.ok && !result.permanent && this.deps.delivery && job.try < MAX_DELIVERY_TRIES;
    const refs = result.ok ? refsOf(message, result.providerMessageId) : [];
    // The next try is queued before the deferral is recorded: a crash between the two then leaves a queued try
    // (which claims past the unfinished one), never a deferred message with no job left to send it.
    if (retry) await this.deps.delivery!.enqueue({ ...job, try: job.try + 1 }, deliveryDelaySeconds(job.try + 1, result.retryAfterMs, this.deps.random));
    await this.update(job, (current) => (retry ? deferDelivery(current, result.reason) : recordSendResult(current, result, this.deps.clock.now())), refs);
  }

  /** Writes the claim; @returns the claimed message, or undefined when there is nothing to send. */
  private async claim(job: DeliveryJob): Promise<StoredMessage | undefined> {
    for (;;) {
      const current = await this.deps.messaging.getMessage(job.tenantId, job.messageId);
      if (!current) return undefined;
      const claim = claimDelivery(current, job.attempt, job.try, this.deps.clock.now(), DELIVERY_LEASE_MS);
      if (claim.kind === 'skip') return undefined;
      if (claim.kind === 'busy') throw new DeliveryInFlightError(job);
      if (claim.resent) logger.warn('Resending after a call that may have reached the provider', { messageId: job.messageId, try: job.try });
      try {
        await this.deps.messaging.saveMessage(claim.message, current.version);
        return claim.message;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
  }

  /** Applies `change` while the message still holds this job's claim (a later try or a resend may have taken it). */
  private async update(job: DeliveryJob, change: (current: StoredMessage) => StoredMessage, refs: string[]): Promise<void> {
    for (;;) {
      const current = await this.deps.messaging.getMessage(job.tenantId, job.messageId);
      if (current?.status !== 'pending' || current.sendAttempt !== job.attempt || current.delivery?.try !== job.try) return;
      try {
        await this.deps.messaging.saveMessage(change(current), current.version, refs);
        return;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
  }

  private async send(resolved: ResolvedChannel, message: StoredMessage): Promise<SendResult> {
    const { channel } = resolved;
    if (CHANNEL_CATALOG[channel.kind].replies === 'widget') {
      if (!this.deps.widget) return failure('The web chat widget delivery is not configured');
      await this.deps.widget.deliver(message);
      return { ok: true, providerMessageId: message.messageId, attempts: 1 };
    }
    const credentials = channelCredentials(channel, resolved.secrets);
    if (!credentials) return failure(`A ${channel.kind} channel cannot send messages`);
    const file = await outboundFileOf(message, channel.kind, this.deps.media?.store);
    if (!file.ok) return failure(file.reason);
    return sendThroughChannel(this.deps.senders, credentials, { ...toOutboundMessage(message), ...(file.file && { file: file.file }) });
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
