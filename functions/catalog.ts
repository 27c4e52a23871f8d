/**
 * Every Lambda function of the contact center: the CDK app deploys each `entry`, and the local
 * runtime imports the very same module and calls its exported `handler`. One list, one code path.
 */
export interface LambdaDefinition {
  /** Stable name: CDK construct id suffix and the local `/local/lambda/<name>` path. */
  name: string;
  /** Module exporting `handler`, relative to `functions/`. */
  entry: string;
  /** What invokes it in AWS. */
  trigger: 'http-api' | 'websocket-api' | 'dynamodb-stream' | 'sip-media-application';
  description: string;
}

export const lambdaCatalog: readonly LambdaDefinition[] = [
  { name: 'http-api', entry: 'http/handler.ts', trigger: 'http-api', description: 'REST API, messenger webhooks and login (Hono)' },
  { name: 'realtime', entry: 'realtime/handler.ts', trigger: 'websocket-api', description: 'WebSocket $connect, $disconnect and $default' },
  { name: 'stream-processor', entry: 'streams/handler.ts', trigger: 'dynamodb-stream', description: 'Reacts to table changes: live pushes, routing' },
];

/** A function whose AWS trigger is still to be wired by the infra stacks; the local runtime runs it already. */
export interface PendingLambdaDefinition extends Omit<LambdaDefinition, 'trigger'> {
  /** `sqs`: an SQS event source mapping (batch window 0, ReportBatchItemFailures). */
  trigger: 'sqs';
}

/**
 * Functions awaiting their infra wiring (see docs/adr/0002-routing-timers.md). Kept apart from `lambdaCatalog`
 * so the CDK app, which maps every trigger type of that list, keeps compiling until it supports them.
 */
export const pendingLambdaCatalog: readonly PendingLambdaDefinition[] = [
  { name: 'routing-timers', entry: 'routing/timer-handler.ts', trigger: 'sqs', description: 'Routing timers from SQS: offer timeouts, wrap-up ends, overflow, callback windows, sweeps' },
];
