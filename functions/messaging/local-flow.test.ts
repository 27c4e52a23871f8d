import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import WebSocket from 'ws';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Contact } from '@cc/shared/contacts/model';
import { startContactCenter, type RunningContactCenter } from '../local/contact-center.ts';
import { toLambdaRecord } from '../local/stream-poller.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/dynamodb-local.ts';
import { json } from '../../test/json.ts';
import { scanEntity } from './testing/harness.ts';
import { waitFor } from '../../test/live.ts';

let center: RunningContactCenter;

beforeAll(async () => {
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true });
});
afterAll(() => center?.stop());

/** Every INSERT image of the table's stream so far, read independently of the poller (same repair of empty maps). */
async function streamInserts(): Promise<Record<string, unknown>[]> {
  const streams = new DynamoDBStreamsClient({ endpoint: center.deps.config.DYNAMODB_ENDPOINT, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    const { Table } = await center.deps.dynamodb.send(new DescribeTableCommand({ TableName: center.deps.config.TABLE_NAME }));
    const streamArn = Table!.LatestStreamArn!;
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    const images: Record<string, unknown>[] = [];
    for (const shard of StreamDescription?.Shards ?? []) {
      let { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }));
      for (let pages = 0; ShardIterator && pages < 50; pages++) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator }));
        for (const record of page.Records ?? []) {
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

describe('messaging on the local contact center', () => {
  it('turns a simulated Telegram message into a queued contact that is on the stream, and delivers the reply back', async () => {
    // Arrange
    const channel = center.demo.channels.find((c) => c.type === 'telegram')!;
    const persona = center.simulator.listPersonas()[0]!.id;
    // Act: the customer writes through the simulator, which signs and posts the webhook
    const sent = await center.simulator.say(channel.channelId, persona, 'Здравствуйте! Хочу оформить заказ');
    const contact = await waitFor(async () => (await scanEntity<Contact>(center.deps, 'contact')).find((c) => c.channelId === channel.channelId));
    // Assert: acknowledged, queued in the channel's queue, and its insert is on the table's stream
    expect(sent.webhook.status).toBe(200);
    expect(contact).toMatchObject({ tenantId: center.demo.tenantId, channel: 'telegram', queueId: 'sales', status: 'queued' });
    const inserts = await waitFor(async () => {
      const images = await streamInserts();
      return images.some((i) => i['entity'] === 'contact' && i['contactId'] === contact.contactId) ? images : undefined;
    });
    expect(inserts.some((i) => i['entity'] === 'idempotency' && i['channelId'] === channel.channelId)).toBe(true);

    // Act: a supervisor replies; the outbox sends it through the simulated Bot API
    const supervisor = center.demo.users.find((u) => u.role === 'supervisor')!;
    const login = await json(await fetch(`${center.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: supervisor.login, password: supervisor.password }) }));
    const pushed: Array<{ type: string; message?: { messageId: string; status: string } }> = [];
    const socket = new WebSocket(`${center.baseUrl.replace('http', 'ws')}/ws?token=${login.token}`);
    socket.on('message', (data) => pushed.push(JSON.parse(data.toString())));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const res = await fetch(`${center.baseUrl}/api/contacts/${contact.contactId}/messages`, { method: 'POST', headers: { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Здравствуйте! Оператор на связи.' }) });
    const { message } = await json(res);
    // Outside the sales queue's hours the out-of-hours auto-reply comes first: wait past it for the supervisor's reply.
    let received = await center.simulator.waitForReply(channel.channelId, persona, { timeoutMs: 20_000 });
    while (received.text !== 'Здравствуйте! Оператор на связи.') received = await center.simulator.waitForReply(channel.channelId, persona, { afterRev: received.rev, timeoutMs: 20_000 });
    const delivered = await waitFor(async () => {
      const stored = await center.deps.messaging.getMessage(center.demo.tenantId, message.messageId);
      return stored?.status === 'sent' ? stored : undefined;
    });
    const live = await waitFor(async () => pushed.find((p) => p.type === 'message.updated' && p.message?.messageId === message.messageId && p.message?.status === 'sent'));
    socket.close();
    // Assert
    expect(live).toBeDefined();
    expect(pushed.some((p) => p.type === 'message.created' && p.message?.messageId === message.messageId)).toBe(true);
    expect(res.status).toBe(202);
    expect(received.text).toBe('Здравствуйте! Оператор на связи.');
    expect(delivered.providerMessageId).toBe(received.providerMessageId);
  });
});
