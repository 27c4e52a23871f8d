/**
 * Every Lambda function of the contact center: the CDK app deploys each `entry`, and the local
 * runtime imports the very same module and calls its exported `handler`. One list, one code path.
 */
export interface LambdaDefinition {
  /** Stable name: CDK construct id suffix and the local `/local/lambda/<name>` path. */
  name: string;
  /** Module exporting `handler`, relative to `functions/`. */
  entry: string;
  /**
   * What invokes it in AWS. `sqs-queue`: an SQS event source mapping on the function's own queue (batch window 0,
   * `ReportBatchItemFailures`; see docs/adr/0004-routing-timers.md). `delivery-queue`: the same on the outbound
   * delivery queue (docs/adr/0008-outbound-delivery-queue.md). `media-queue`: the same on the customers' files
   * download queue (docs/attachments.md).
   */
  trigger: 'http-api' | 'websocket-api' | 'dynamodb-stream' | 'sqs-queue' | 'delivery-queue' | 'media-queue' | 'sip-media-application';
  description: string;
}

export const lambdaCatalog: readonly LambdaDefinition[] = [
  { name: 'http-api', entry: 'http/handler.ts', trigger: 'http-api', description: 'REST API, messenger webhooks and login (Hono)' },
  { name: 'realtime', entry: 'realtime/handler.ts', trigger: 'websocket-api', description: 'WebSocket $connect, $disconnect and $default' },
  { name: 'stream-processor', entry: 'streams/handler.ts', trigger: 'dynamodb-stream', description: 'Reacts to table changes: live pushes, routing' },
  { name: 'routing-timers', entry: 'routing/timer-handler.ts', trigger: 'sqs-queue', description: 'Routing timers from SQS: offer timeouts, wrap-up ends, overflow, callback windows, sweeps' },
  { name: 'message-delivery', entry: 'delivery/handler.ts', trigger: 'delivery-queue', description: 'Sends replies and notices off the delivery queue, one provider call per job' },
  { name: 'media-download', entry: 'media/handler.ts', trigger: 'media-queue', description: 'Fetches customers\u2019 files from the messenger into the media bucket, checked for size and type' },
  { name: 'voice-sma', entry: 'voice/sma-handler.ts', trigger: 'sip-media-application', description: 'SIP media application events: the call flows (Amazon Chime SDK PSTN audio)' },
];
