import { Duration, Validations } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { CcFunction } from './cc-function.ts';

/** Props of {@link RoutingTimerQueue}. */
export interface RoutingTimerQueueProps {
  /** The `routing-timers` function: it consumes the queue. */
  readonly consumer: CcFunction;
  /** Receives of one timer before it goes to the dead-letter queue. @default 5 */
  readonly maxReceiveCount?: number;
}

/** Messages per invocation: SQS's limit without a batching window, which timers cannot afford. */
const BATCH_SIZE = 10;

/**
 * The routing timers' SQS standard queue (per-message `DelaySeconds`, docs/adr/0004-routing-timers.md) and its
 * dead-letter queue, both SQS-managed SSE and TLS only, fed to the `routing-timers` function as soon as a
 * timer becomes visible (batches of ≤ 10, no batching window, partial batch failures).
 */
export class RoutingTimerQueue extends Construct {
  readonly queue: Queue;
  /** Where a timer lands after `maxReceiveCount` failed firings; drained by an operator. */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: RoutingTimerQueueProps) {
    super(scope, id);
    const timeout = props.consumer.timeout ?? Duration.seconds(3);

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the routing timer queue; an operator inspects and redrives what lands here, no function consumes it.',
    });

    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Above the consumer's timeout, as Lambda requires, but not the 6x AWS suggests against early redelivery
      // under throttling: a timer that failed comes back within a minute, and firing twice is harmless (it
      // re-checks the contact's status and version).
      visibilityTimeout: Duration.seconds(Math.max(60, timeout.toSeconds() * 2)),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 5 },
    });

    props.consumer.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: BATCH_SIZE,
        // Invoke as soon as a timer is visible: waiting to fill a batch would make every timer late.
        maxBatchingWindow: Duration.seconds(0),
        reportBatchItemFailures: true,
      }),
    );
  }

  /** Lets `fn` arm timers: `TIMER_QUEUE_URL` and `sqs:SendMessage` on this queue (no KMS: SQS-managed SSE). */
  grantSchedule(fn: CcFunction): void {
    fn.addEnvironment('TIMER_QUEUE_URL', this.queue.queueUrl);
    this.queue.grantSendMessages(fn);
  }
}
