/**
 * Redrives the table stream's dead letters through the stream handler (docs/stream-redrive.md).
 *   AWS:   npx tsx scripts/redrive-stream-dlq.ts --queue-url <StreamProcessorFailureQueue URL>
 *          (run with the stream-processor function's environment, so the handler builds the same deps)
 *   local: npx tsx scripts/redrive-stream-dlq.ts --local [--data-dir .data] [--endpoint http://127.0.0.1:8000]
 *          (with `npm start` running: it re-feeds `.data/dead-letters.jsonl` against its DynamoDB Local)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { TABLE_BASE_NAME } from '@cc/shared/db/table';
import { compose, createRepositories, createSendersFromConfig, installComposition } from '../functions/composition/root.ts';
import { systemClock } from '../functions/composition/deps.ts';
import { readConfig } from '../functions/composition/config.ts';
import { createJwtVerifier } from '../functions/auth/token-verifier.ts';
import { createLocalIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../functions/auth/local-issuer.ts';
import { LocalUserIdentities } from '../functions/adapters/identity/local-user-identities.ts';
import { LocalRealtimeHub } from '../functions/adapters/realtime/local-hub.ts';
import { LocalSecretCipher } from '../functions/adapters/secrets/local-cipher.ts';
import { LocalTimers } from '../functions/adapters/timers/local-timers.ts';
import { LocalVoiceDialer } from '../functions/adapters/voice/local-voice-dialer.ts';
import { UnconfiguredCallControl } from '../functions/adapters/voice/unconfigured-call-control.ts';
import { LocalMeetingRooms } from '../functions/local/voice/local-meetings.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../functions/local/dynamodb-local.ts';
import { createLambdaContext } from '../functions/local/lambda-context.ts';
import { simulatorApiBaseUrls } from '../functions/local/simulator/provider-api.ts';
import { redriveDeadLetterFile, redriveStreamFailures, type FailureQueue, type StreamEventHandler } from '../functions/ops/stream-redrive.ts';

const { values } = parseArgs({ options: { local: { type: 'boolean' }, 'queue-url': { type: 'string' }, 'data-dir': { type: 'string', default: '.data' }, endpoint: { type: 'string', default: 'http://127.0.0.1:8000' } } });
const createContext = () => createLambdaContext('stream-redrive');

async function streamHandler(): Promise<StreamEventHandler> {
  // The deployed function's own entry: same reactions, same deps (built from the environment, or installed below).
  return (await import('../functions/streams/handler.ts')).handler as unknown as StreamEventHandler;
}

if (values.local) {
  const dataDir = values['data-dir'];
  const endpoint = values.endpoint;
  const dynamodb = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const issuer = await createLocalIssuer(join(dataDir, 'auth-signing-key.json'));
  // Replies a redriven record sends go to the running simulator's fake provider APIs, never to the real providers.
  const { baseUrl } = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as { baseUrl: string };
  const config = readConfig({ CC_RUNTIME: 'local', TABLE_NAME: TABLE_BASE_NAME, AWS_REGION: LOCAL_REGION, DYNAMODB_ENDPOINT: endpoint, AUTH_ISSUER: LOCAL_ISSUER, AUTH_AUDIENCE: LOCAL_AUDIENCE, PUBLIC_BASE_URL: baseUrl, ...simulatorApiBaseUrls(baseUrl) });
  // Pushes of this process reach no console (they are connected to `npm start`); consoles re-read on reconnect.
  // Timers armed here fire while this process runs; `npm start` re-arms any left from the table on its next start.
  const timers = new LocalTimers({ deliver: (timer) => composition.services.routing.timers.fireTimer(timer) });
  const composition = compose({ config, clock: systemClock, ...createRepositories(dynamodb, TABLE_BASE_NAME), push: new LocalRealtimeHub(), cipher: LocalSecretCipher.fromKeyFile(join(dataDir, 'secrets.key')), verifier: createJwtVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: { jwks: issuer.jwks } }), identities: new LocalUserIdentities(), senders: createSendersFromConfig(config), timers, dialer: new LocalVoiceDialer(), callControl: new UnconfiguredCallControl(), meetings: new LocalMeetingRooms() });
  installComposition(composition);
  console.log(JSON.stringify(await redriveDeadLetterFile(join(dataDir, 'dead-letters.jsonl'), await streamHandler(), createContext)));
  await timers.stop();
  dynamodb.destroy();
} else {
  const queueUrl = values['queue-url'];
  if (!queueUrl) throw new Error('--queue-url (or --local) is required');
  const sqs = new SQSClient({});
  const streams = new DynamoDBStreamsClient({});
  const queue: FailureQueue = {
    // Long enough visibility that a slow redrive never sees its own message twice.
    receive: async () => ((await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 2, VisibilityTimeout: 900 }))).Messages ?? []).map((m) => ({ receiptHandle: m.ReceiptHandle!, body: m.Body! })),
    delete: async (receiptHandle) => void (await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle }))),
  };
  console.log(JSON.stringify(await redriveStreamFailures({ queue, streams, region: await sqs.config.region(), handler: await streamHandler(), createContext })));
}
