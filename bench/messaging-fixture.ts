/**
 * Shared set-up of the messaging benchmarks: DynamoDB Local (in memory), the production table, the
 * real Hono app on a real HTTP server (the same `createApp` the Lambda runs), one Telegram channel,
 * and a generator of distinct, correctly authenticated Telegram updates. The stream poller is not
 * started: these benchmarks measure the acknowledgement path alone, as in AWS, where the stream
 * processor runs in another Lambda.
 */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { serve, type ServerType } from '@hono/node-server';
import { loadavg } from 'node:os';
import { createTableInput } from '@cc/shared/db/table';
import { channelSecretContext } from '@cc/shared/tenancy/ports';
import { compose, createRepositories, createSendersFromConfig } from '../functions/composition/root.ts';
import type { Deps } from '../functions/composition/deps.ts';
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
import { LOCAL_CREDENTIALS, LOCAL_REGION, findFreePort, startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import { createApp } from '../functions/http/app.ts';

export const SECRET_TOKEN = 'bench-secret-token';
export const CHANNEL_ID = 'tg-bench';

export interface MessagingBench {
  deps: Deps;
  /** A client of its own, for the raw PutItem baseline. */
  raw: DynamoDBClient;
  tableName: string;
  webhookUrl: string;
  stop(): Promise<void>;
}

/** Starts DynamoDB Local, the table, the app on a free port and one Telegram channel. */
export async function startMessagingBench(): Promise<MessagingBench> {
  const dynamo = await startDynamoDbLocal();
  const clientConfig = { endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 10 };
  const client = new DynamoDBClient(clientConfig);
  const raw = new DynamoDBClient(clientConfig);
  const tableName = 'bench-messaging';
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  const issuer = await createLocalIssuer();
  const config = readConfig({ CC_RUNTIME: 'local', TABLE_NAME: tableName, DYNAMODB_ENDPOINT: dynamo.endpoint, AUTH_ISSUER: LOCAL_ISSUER, AUTH_AUDIENCE: LOCAL_AUDIENCE });
  const deps: Deps = {
    config,
    clock: { now: () => new Date() },
    ...createRepositories(client, tableName),
    push: new LocalRealtimeHub(),
    cipher: LocalSecretCipher.fromKeyFile(),
    verifier: createJwtVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: { jwks: issuer.jwks } }),
    identities: new LocalUserIdentities(),
    senders: createSendersFromConfig(config, { maxAttempts: 1 }),
    // Nothing arms a timer or dials here: the stream is not started.
    timers: new LocalTimers({ deliver: async () => undefined }),
    dialer: new LocalVoiceDialer(),
    callControl: new UnconfiguredCallControl(),
    meetings: new LocalMeetingRooms(),
  };
  await deps.directory.putChannel({
    tenantId: 'bench',
    channelId: CHANNEL_ID,
    kind: 'telegram',
    name: 'Bench bot',
    defaultQueueId: 'support',
    settings: {},
    encryptedSecrets: await deps.cipher.encrypt(JSON.stringify({ secretToken: SECRET_TOKEN, botToken: '123456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQ' }), channelSecretContext('bench', CHANNEL_ID)),
    createdAt: new Date().toISOString(),
  });
  const port = await findFreePort();
  const app = createApp(deps, compose(deps).services);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    deps,
    raw,
    tableName,
    webhookUrl: `http://127.0.0.1:${port}/webhooks/telegram/${CHANNEL_ID}`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      client.destroy();
      raw.destroy();
      await dynamo.stop();
    },
  };
}

let sequence = 0;
/** A new Telegram text update (its own update and message id), as Telegram would POST it. */
export function nextTelegramUpdate(): string {
  const id = ++sequence;
  const user = 100000 + (id % 500);
  return JSON.stringify({
    update_id: 900000000 + id,
    message: {
      message_id: id,
      from: { id: user, is_bot: false, first_name: 'Анна', last_name: 'Смирнова', username: 'anna_smirnova', language_code: 'ru' },
      chat: { id: user, first_name: 'Анна', last_name: 'Смирнова', username: 'anna_smirnova', type: 'private' },
      date: 1718871000 + id,
      text: 'Здравствуйте! Не могу оплатить заказ 104523, карта не проходит.',
    },
  });
}

/** Posts one update; resolves with the acknowledgement time in ms. @throws unless Telegram would count it delivered (200) */
export async function postUpdate(url: string, body: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET_TOKEN } });
  await res.arrayBuffer();
  const elapsed = performance.now() - started;
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
  return elapsed;
}

/** `senders` workers each running `work` until `total` units are done; returns the elapsed seconds. */
export async function runConcurrently(senders: number, total: number, work: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (next < total) await work(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

/** The machine's 1-minute load average per core, for the notes (other jobs share the machine). */
export function machineLoad(): string {
  const [one] = loadavg();
  return `load average ${one!.toFixed(2)}`;
}
