import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { MediaJob } from '@cc/shared/media/model';
import type { MediaQueue } from '@cc/shared/media/ports';

/** Download jobs on their own SQS queue (with a DLQ, set by CDK). SDK errors pass through, so the stream record is retried. */
export class SqsMediaQueue implements MediaQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(job: MediaJob): Promise<void> {
    await this.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(job) }));
  }
}
