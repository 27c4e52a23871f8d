import { Duration, Validations } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { CcFunction } from './cc-function.ts';

/** Props of {@link FunctionQueue}. */
export interface FunctionQueueProps {
  /** The function that consumes the queue. */
  readonly consumer: CcFunction;
  /** What the queue carries, for the dead-letter queue's nag acknowledgement ("routing timer", "delivery"). */
  readonly carries: string;
  /** The environment variable that hands a sender the queue's URL. */
  readonly urlVariable: string;
  /** How long a received message stays hidden; must exceed the consumer's timeout. */
  readonly visibilityTimeout: Duration;
  /** Receives of one message before it goes to the dead-letter queue. @default 5 */
  readonly maxReceiveCount?: number;
}

/**
 * An SQS standard queue consumed by one function and its dead-letter queue, both SQS-managed SSE and
 * TLS only, invoked as soon as a message is visible (batches of ≤ 10, no batching window: SQS's limit
 * without one) with partial batch failures. Routing timers and outbound deliveries each get one.
 */
export class FunctionQueue extends Construct {
  readonly queue: Queue;
  /** Where a message lands after `maxReceiveCount` failed runs; an operator inspects and redrives it. */
  readonly deadLetterQueue: Queue;
  private readonly urlVariable: string;

  constructor(scope: Construct, id: string, props: FunctionQueueProps) {
    super(scope, id);
    this.urlVariable = props.urlVariable;
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is itself the dead-letter queue of the ${props.carries} queue; an operator inspects and redrives what lands here, no function consumes it.`,
    });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: props.visibilityTimeout,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 5 },
    });
    props.consumer.addEventSource(new SqsEventSource(this.queue, { batchSize: 10, maxBatchingWindow: Duration.seconds(0), reportBatchItemFailures: true }));
  }

  /** Lets `fn` send to the queue: the URL variable and `sqs:SendMessage` on this queue (no KMS: SQS-managed SSE). */
  grantSend(fn: CcFunction): void {
    fn.addEnvironment(this.urlVariable, this.queue.queueUrl);
    this.queue.grantSendMessages(fn);
  }
}
