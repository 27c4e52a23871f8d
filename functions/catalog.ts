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
