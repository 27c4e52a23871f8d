import type { SQSEvent } from 'aws-lambda';

/**
 * An SQS event carrying `bodies` (JSON-encoded), as Lambda delivers it from `queueName`. The local runtime runs
 * its in-process queues (routing timers, deliveries) through the catalogued handlers with it, so both runtimes
 * share one code path.
 */
export function sqsEventOf(bodies: readonly unknown[], queueName: string): SQSEvent {
  const now = String(Date.now());
  return {
    Records: bodies.map((body, i) => ({
      messageId: `local-${now}-${i}`,
      receiptHandle: 'local',
      body: JSON.stringify(body),
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: now, SenderId: 'local', ApproximateFirstReceiveTimestamp: now },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:local:000000000000:${queueName}`,
      awsRegion: 'local',
    })),
  };
}
