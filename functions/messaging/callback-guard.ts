/**
 * Limits on callback requests from the public routes (the web chat widget, the Alice skill), where
 * the requester is anonymous: per requester and per phone number in an hour, and a cap on the
 * channel's callbacks waiting at once. Every process shares the counters (DynamoDB).
 */
import { RateLimitedError } from '@cc/shared/errors';
import { type CallbackRequester, callbackLimitKey, callbackRateLimit } from '@cc/shared/limits/callback-limits';
import type { Deps } from '../composition/deps.ts';
import { logger } from '../composition/logger.ts';

/** What the guard reads. */
export type CallbackGuardDeps = Pick<Deps, 'config' | 'clock' | 'contacts' | 'rateLimiter'>;

/** A refused caller of the open-callbacks cap may try again after this long (contacts get handled). */
const OPEN_CAP_RETRY_SECONDS = 600;

/**
 * Counts one callback request of each requester (visitor or Alice session and user, and the phone)
 * and checks the open-callbacks cap of the channel in `queueId` (one query of the queue's waiting
 * contacts, a sparse index: only contacts that wait are in it).
 * @throws RateLimitedError (429) when a requester is over its hourly limit or the channel over its cap
 */
export async function guardCallbackRequest(deps: CallbackGuardDeps, request: { tenantId: string; channelId: string; queueId: string; requesters: CallbackRequester[] }): Promise<void> {
  const now = deps.clock.now();
  const limit = callbackRateLimit(deps.config.CALLBACK_LIMIT_PER_HOUR);
  const decisions = await Promise.all(request.requesters.map((requester) => deps.rateLimiter.hit(request.tenantId, callbackLimitKey(request.channelId, requester), limit, now)));
  const refused = decisions.flatMap((decision, i) => (decision.allowed ? [] : [{ kind: request.requesters[i]!.kind, retryAfterSeconds: decision.retryAfterSeconds }]));
  if (refused.length > 0) {
    logger.warn('Callback request refused: over the hourly limit', { channelId: request.channelId, by: refused.map((r) => r.kind) });
    throw new RateLimitedError(`At most ${limit.max} callback requests an hour; try again later`, Math.max(...refused.map((r) => r.retryAfterSeconds)), { by: refused.map((r) => r.kind) });
  }
  const waiting = await deps.contacts.listWaiting(request.tenantId, request.queueId);
  const open = waiting.filter((contact) => contact.channel === 'callback' && contact.channelId === request.channelId).length;
  if (open >= deps.config.CALLBACK_OPEN_PER_CHANNEL) {
    logger.warn('Callback request refused: the channel has too many callbacks waiting', { channelId: request.channelId, open });
    throw new RateLimitedError('Too many callbacks are waiting on this channel; try again later', OPEN_CAP_RETRY_SECONDS, { by: ['channel'] });
  }
}
