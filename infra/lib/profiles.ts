import { Duration } from 'aws-cdk-lib';
import type { LambdaDefinition } from '@cc/functions/catalog';
import type { TableAccess } from './constructs/cc-function.ts';

export type Trigger = LambdaDefinition['trigger'];

/** What a function gets, by what invokes it. One line to change when a handler needs more. */
export interface TriggerProfile {
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly table: TableAccess;
  /** Channel-secrets key: the HTTP API stores secrets, the stream processor sends replies. */
  readonly secrets: 'none' | 'decrypt' | 'encryptDecrypt';
  /** Whether it calls `PostToConnection` on the WebSocket API. */
  readonly pushes: boolean;
  /** Whether it arms routing timers: `TIMER_QUEUE_URL` and `sqs:SendMessage` on the timer queue. */
  readonly schedulesTimers: boolean;
}

export const PROFILES: Record<Trigger, TriggerProfile> = {
  // Pushes: the agent's and the visitor's typing routes post straight to the WebSocket (no state change to stream).
  'http-api': { memorySize: 1024, timeout: Duration.seconds(15), table: 'readWrite', secrets: 'encryptDecrypt', pushes: true, schedulesTimers: true },
  // Decrypt: `$connect` verifies web chat visitor tokens, signed with per-tenant keys stored encrypted.
  'websocket-api': { memorySize: 512, timeout: Duration.seconds(10), table: 'readWrite', secrets: 'decrypt', pushes: true, schedulesTimers: false },
  'dynamodb-stream': { memorySize: 512, timeout: Duration.seconds(60), table: 'readWrite', secrets: 'decrypt', pushes: true, schedulesTimers: true },
  // Routing timers: up to 10 firings in parallel, each a consistent read and one transaction (a sweep routes a
  // whole queue). They change state only (the stream processor pushes) and re-queue timers not yet due.
  'sqs-queue': { memorySize: 512, timeout: Duration.seconds(20), table: 'readWrite', secrets: 'none', pushes: false, schedulesTimers: true },
  // Delivery: one provider call per job, cut off at 5 s (PROVIDER_TIMEOUT_MS), well under this timeout; it
  // decrypts channel secrets and pushes web chat replies over the WebSocket API. It re-queues its own jobs.
  'delivery-queue': { memorySize: 512, timeout: Duration.seconds(20), table: 'readWrite', secrets: 'decrypt', pushes: true, schedulesTimers: false },
  // Media download: up to 10 jobs in parallel, each at most 20 MB (MAX_MEDIA_BYTES) held in memory between the
  // provider's answer and S3; two provider calls of up to 30 s each. It decrypts channel secrets (bot tokens).
  'media-queue': { memorySize: 1024, timeout: Duration.seconds(90), table: 'readWrite', secrets: 'decrypt', pushes: false, schedulesTimers: false },
  // The SMA waits 5 s for an answer, then retries (test/fixtures/wire/chime-sma/NOTES.md): a longer timeout only
  // holds a caller on a line the service has given up on. Deployed by the voice stack, not the API stack.
  'sip-media-application': { memorySize: 512, timeout: Duration.seconds(5), table: 'readWrite', secrets: 'none', pushes: false, schedulesTimers: false },
};
