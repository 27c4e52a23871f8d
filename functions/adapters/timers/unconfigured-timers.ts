import type { RoutingTimer } from '@cc/shared/contacts/timers';
import type { Timers } from '@cc/shared/contacts/ports';
import { logger } from '../../composition/logger.ts';

/**
 * Routing timers in AWS when no `TIMER_QUEUE_URL` is set: each is logged and dropped. Not fatal on purpose, as the
 * stream processor also serves pushes and messaging, which must not stop on a missing queue. Keeps no state.
 */
export class UnconfiguredTimers implements Timers {
  async schedule(timer: RoutingTimer): Promise<void> {
    logger.error('Routing timer dropped: TIMER_QUEUE_URL is not set (offer timeouts, wrap-up ends, overflow are lost)', { timerId: timer.id, kind: timer.kind });
  }
}
