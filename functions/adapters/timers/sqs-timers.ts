import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { RoutingTimer } from '@cc/shared/contacts/timers';
import type { Timers } from '@cc/shared/contacts/ports';

/** SQS's per-message delay limit (15 minutes); longer timers are re-queued with the remainder when they come back. */
export const MAX_SQS_DELAY_SECONDS = 900;

/**
 * Routing timers on SQS per-message timers (docs/adr/0004-routing-timers.md): `SendMessage` hides the timer for
 * ⌊remaining seconds⌋ (at most 900); the timer Lambda waits out the last fraction of a second, or re-queues the
 * rest of a longer timer. Duplicates are harmless: firing re-checks the contact's state and version.
 * The client is built once by the composition root. SDK errors pass through, so the caller's record is retried.
 */
export class SqsTimers implements Timers {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
    private readonly now: () => number = Date.now,
  ) {}

  async schedule(timer: RoutingTimer): Promise<void> {
    await this.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(timer), DelaySeconds: sqsDelaySeconds(timer, this.now()) }));
  }
}

/** Whole seconds to hide the message: rounded down (the handler waits out the rest), capped at 900. */
export function sqsDelaySeconds(timer: RoutingTimer, now: number): number {
  return Math.min(MAX_SQS_DELAY_SECONDS, Math.max(0, Math.floor((Date.parse(timer.dueAt) - now) / 1000)));
}
