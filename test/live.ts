import WebSocket from 'ws';
import { DescribeTableCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Deps } from '../functions/composition/deps.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../functions/local/dynamodb-local.ts';
import { toLambdaRecord } from '../functions/local/stream-poller.ts';

/** Polls `probe` until it returns something truthy. @throws Error after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A demo user of a running local contact center, signed in through the local login endpoint. */
export async function signIn(baseUrl: string, user: { login: string; password: string }) {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
  if (res.status !== 200) throw new Error(`login of ${user.login} answered ${res.status}`);
  return (await res.json()) as { token: string; user: { userId: string; tenantId: string; roles: string[] } };
}

/** A signed-in demo user's calls to `/api…`, JSON in and out, with their bearer token. */
export type ConsoleApi = (path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }) => Promise<Response>;

/** Signs `login` in on a running local contact center and returns its API calls. */
export async function consoleApi(center: { baseUrl: string; demo: { users: { login: string; password: string }[] } }, login: string): Promise<ConsoleApi> {
  const user = center.demo.users.find((u) => u.login === login);
  if (!user) throw new Error(`no demo user ${login}`);
  const { token } = await signIn(center.baseUrl, user);
  return (path, init = {}) => fetch(`${center.baseUrl}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
}

/** A live message as a console receives it. */
export type LiveEnvelope = { type: string; [key: string]: unknown };

/** Opens a console WebSocket and collects what the server pushes; `opened` rejects with the refusal status. */
export function openConsoleSocket(baseUrl: string, token: string) {
  const messages: LiveEnvelope[] = [];
  const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/ws?token=${token}`);
  socket.on('message', (data) => messages.push(JSON.parse(data.toString()) as LiveEnvelope));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    socket.once('error', reject);
  });
  return { socket, messages, opened };
}

/** Every INSERT image of a local contact center's table stream so far, read independently of its poller. */
export async function readStreamInserts(deps: Pick<Deps, 'config' | 'dynamodb'>): Promise<Record<string, unknown>[]> {
  const streams = new DynamoDBStreamsClient({ endpoint: deps.config.DYNAMODB_ENDPOINT, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    const { Table } = await deps.dynamodb.send(new DescribeTableCommand({ TableName: deps.config.TABLE_NAME }));
    const streamArn = Table!.LatestStreamArn!;
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    const images: Record<string, unknown>[] = [];
    for (const shard of StreamDescription?.Shards ?? []) {
      let { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }));
      for (let pages = 0; ShardIterator && pages < 50; pages++) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator }));
        for (const record of page.Records ?? []) {
          // The same repair of empty maps as the poller applies.
          const image = toLambdaRecord(record, streamArn, LOCAL_REGION).dynamodb?.NewImage;
          if (record.eventName === 'INSERT' && image) images.push(unmarshall(image as Record<string, AttributeValue>));
        }
        if ((page.Records ?? []).length === 0) break;
        ShardIterator = page.NextShardIterator;
      }
    }
    return images;
  } finally {
    streams.destroy();
  }
}
