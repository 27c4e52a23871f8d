import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { MAX_DELIVERY_DELAY_SECONDS, type DeliveryJob } from '@cc/shared/delivery/model';
import type { DeliveryQueue } from '@cc/shared/delivery/ports';

/**
 * Delivery jobs on their own SQS queue (with a DLQ, set by CDK): `DelaySeconds` carries the provider's
 * delay, capped at SQS's 900 s. SDK errors pass through, so the caller's stream record is retried.
 */
export class SqsDeliveryQueue implements DeliveryQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(job: DeliveryJob, delaySeconds: number): Promise<void> {
    const DelaySeconds = Math.min(MAX_DELIVERY_DELAY_SECONDS, Math.max(0, Math.round(delaySeconds)));
    await this.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(job), DelaySeconds }));
  }
}
