import { Duration, Validations } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { CcFunction } from './cc-function.ts';

/** Props of {@link DeliveryQueue}. */
export interface DeliveryQueueProps {
  /** The `message-delivery` function: it consumes the queue and re-queues transient failures on it. */
  readonly consumer: CcFunction;
  /** Receives of one job before it goes to the dead-letter queue. @default 5 */
  readonly maxReceiveCount?: number;
}

/**
 * Outbound delivery jobs (docs/adr/0008-outbound-delivery-queue.md): an SQS standard queue with
 * per-message `DelaySeconds` for provider-asked waits, and its dead-letter queue, both SQS-managed SSE
 * and TLS only, fed to `message-delivery` in batches of ≤ 10 with partial batch failures.
 */
export class DeliveryQueue extends Construct {
  readonly queue: Queue;
  /** Where a job lands after `maxReceiveCount` failed runs (not a provider failure: those are recorded on the message). */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: DeliveryQueueProps) {
    super(scope, id);
    const timeout = props.consumer.timeout ?? Duration.seconds(3);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the delivery queue; an operator inspects and redrives what lands here, no function consumes it.',
    });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Longer than the in-flight lease (60 s): a job redelivered after a crash finds the lease expired and resends.
      visibilityTimeout: Duration.seconds(Math.max(90, timeout.toSeconds() * 3)),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 5 },
    });
    props.consumer.addEventSource(new SqsEventSource(this.queue, { batchSize: 10, maxBatchingWindow: Duration.seconds(0), reportBatchItemFailures: true }));
    this.grantEnqueue(props.consumer);
  }

  /** Lets `fn` queue deliveries: `DELIVERY_QUEUE_URL` and `sqs:SendMessage` on this queue (no KMS: SQS-managed SSE). */
  grantEnqueue(fn: CcFunction): void {
    fn.addEnvironment('DELIVERY_QUEUE_URL', this.queue.queueUrl);
    this.queue.grantSendMessages(fn);
  }
}
