import { Duration } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { CcFunction } from './cc-function.ts';
import { FunctionQueue } from './function-queue.ts';

/** Props of {@link RoutingTimerQueue}. */
export interface RoutingTimerQueueProps {
  /** The `routing-timers` function: it consumes the queue. */
  readonly consumer: CcFunction;
  /** Receives of one timer before it goes to the dead-letter queue. @default 5 */
  readonly maxReceiveCount?: number;
}

/**
 * The routing timers' queue (per-message `DelaySeconds`, docs/adr/0004-routing-timers.md): invoked as soon as a
 * timer becomes visible, since waiting to fill a batch would make every timer late.
 */
export class RoutingTimerQueue extends FunctionQueue {
  constructor(scope: Construct, id: string, props: RoutingTimerQueueProps) {
    const timeout = props.consumer.timeout ?? Duration.seconds(3);
    super(scope, id, {
      ...props,
      carries: 'routing timer',
      urlVariable: 'TIMER_QUEUE_URL',
      // Above the consumer's timeout, as Lambda requires, but not the 6x AWS suggests against early redelivery
      // under throttling: a timer that failed comes back within a minute, and firing twice is harmless (it
      // re-checks the contact's status and version).
      visibilityTimeout: Duration.seconds(Math.max(60, timeout.toSeconds() * 2)),
    });
  }

  /** Lets `fn` arm timers: `TIMER_QUEUE_URL` and `sqs:SendMessage` on this queue. */
  grantSchedule(fn: CcFunction): void {
    this.grantSend(fn);
  }
}
