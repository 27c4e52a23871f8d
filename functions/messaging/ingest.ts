import type { InboxRecord } from '@cc/shared/conversations/model';
import type { MessagingRepository } from '@cc/shared/conversations/ports';
import type { WebhookResult } from '@cc/shared/messaging/model';
import { splitWebhookResult } from '@cc/shared/messaging/webhook-result';
import { logger } from '../composition/logger.ts';
import type { ResolvedChannel } from './channel-resolver.ts';

/**
 * The webhook's only write: every message, status and event of a verified delivery goes into the
 * inbox once (a conditional put per item, keyed by the provider's dedup key); the stream does the
 * rest. A redelivery stores nothing and is acknowledged all the same. An `ignored` update is
 * logged, not stored.
 */
export async function ingestWebhookResult(
  deps: { messaging: MessagingRepository },
  resolved: ResolvedChannel,
  result: WebhookResult,
  receivedAt: Date,
): Promise<{ stored: number; duplicates: number }> {
  const { tenantId, channelId, kind } = resolved.channel;
  if (result.kind === 'ignored') {
    logger.info('Webhook update acknowledged and ignored', { channelId, channelKind: kind, updateType: result.updateType, reason: result.reason });
    return { stored: 0, duplicates: 0 };
  }
  const at = receivedAt.toISOString();
  const { messages, statuses, events } = splitWebhookResult(result);
  const records: InboxRecord[] = [
    ...messages.map((message) => ({ kind: 'message' as const, tenantId, channelId, receivedAt: at, message })),
    ...statuses.map((status) => ({ kind: 'status' as const, tenantId, channelId, receivedAt: at, status })),
    ...events.map((event) => ({ kind: 'event' as const, tenantId, channelId, receivedAt: at, event })),
  ];
  if (records.length === 0) return { stored: 0, duplicates: 0 };
  const outcome = await deps.messaging.recordInbox(records, receivedAt);
  if (outcome.duplicates > 0) logger.info('Webhook redelivery acknowledged', { channelId, channelKind: kind, duplicates: outcome.duplicates });
  return outcome;
}
