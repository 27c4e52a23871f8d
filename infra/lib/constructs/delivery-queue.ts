import { Duration } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { CcFunction } from './cc-function.ts';
import { FunctionQueue } from './function-queue.ts';

/** Props of {@link DeliveryQueue}. */
export interface DeliveryQueueProps {
  /** The `message-delivery` function: it consumes the queue and re-queues transient failures on it. */
  readonly consumer: CcFunction;
  /** Receives of one job before it goes to the dead-letter queue (not a provider failure: those are recorded on the message). @default 5 */
  readonly maxReceiveCount?: number;
}

/**
 * Outbound delivery jobs (docs/adr/0008-outbound-delivery-queue.md), with per-message `DelaySeconds` for
 * provider-asked waits. The consumer may re-queue on it, so it can send as well as receive.
 */
export class DeliveryQueue extends FunctionQueue {
  constructor(scope: Construct, id: string, props: DeliveryQueueProps) {
    const timeout = props.consumer.timeout ?? Duration.seconds(3);
    super(scope, id, {
      ...props,
      carries: 'delivery',
      urlVariable: 'DELIVERY_QUEUE_URL',
      // Longer than the in-flight lease (60 s): a job redelivered after a crash finds the lease expired and resends.
      visibilityTimeout: Duration.seconds(Math.max(90, timeout.toSeconds() * 3)),
    });
    this.grantEnqueue(props.consumer);
  }

  /** Lets `fn` queue deliveries: `DELIVERY_QUEUE_URL` and `sqs:SendMessage` on this queue. */
  grantEnqueue(fn: CcFunction): void {
    this.grantSend(fn);
  }
}
