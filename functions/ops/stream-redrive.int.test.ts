import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { createTestTable } from '../../test/dynamodb.ts';
import { waitFor } from '../../test/live.ts';
import { createLambdaContext } from '../local/lambda-context.ts';
import { LOCAL_REGION } from '../local/dynamodb-local.ts';
import { readStreamBatch, redriveDeadLetterFile, redriveStreamFailures, type FailureQueue } from './stream-redrive.ts';

let table: Awaited<ReturnType<typeof createTestTable>>;
let shardId: string;
const written: string[] = [];

beforeAll(async () => {
  table = await createTestTable('redrive');
  for (const version of [1, 2, 3]) await table.dynamodb.send(new PutItemCommand({ TableName: table.tableName, Item: marshall({ pk: 'T#t1#AGENT', sk: 'AGENT#a1', entity: 'agent', version }) }));
  const { StreamDescription } = await table.streams.send(new DescribeStreamCommand({ StreamArn: table.streamArn }));
  shardId = StreamDescription!.Shards![0]!.ShardId!;
  // The sequence numbers as the on-failure destination would name them.
  const all = await waitFor(async () => {
    const { ShardIterator } = await table.streams.send(new GetShardIteratorCommand({ StreamArn: table.streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }));
    const records = (await table.streams.send(new GetRecordsCommand({ ShardIterator }))).Records ?? [];
    return records.length === 3 && records;
  }, 60_000, 200);
  written.push(...all.map((r) => r.dynamodb!.SequenceNumber!));
}, 90_000);
afterAll(() => table.drop());

const versions = (event: DynamoDBStreamEvent) => event.Records.map((r) => Number(r.dynamodb!.NewImage!.version!.N));

function memoryQueue(bodies: unknown[]): FailureQueue & { left: string[] } {
  const messages = bodies.map((body, i) => ({ receiptHandle: `m${i}`, body: JSON.stringify(body) }));
  return {
    get left() {
      return messages.map((m) => m.receiptHandle);
    },
    receive: async () => [...messages],
    delete: async (handle) => void messages.splice(messages.findIndex((m) => m.receiptHandle === handle), 1),
  };
}

describe('stream failure redrive', () => {
  it('re-reads a dead-lettered batch from the stream, re-runs it in order and deletes the pointer', async () => {
    // Arrange: the pointer covers records 2 and 3
    const queue = memoryQueue([{ requestContext: { condition: 'RetryAttemptsExhausted' }, DDBStreamBatchInfo: { shardId, startSequenceNumber: written[1], endSequenceNumber: written[2], streamArn: table.streamArn, batchSize: 2 } }]);
    const seen: number[][] = [];
    // Act
    const report = await redriveStreamFailures({ queue, streams: table.streams, region: LOCAL_REGION, createContext: () => createLambdaContext('redrive'), handler: async (event) => (seen.push(versions(event)), { batchItemFailures: [] }) });
    // Assert
    expect(seen).toEqual([[2, 3]]);
    expect(report).toEqual({ redriven: 2, failed: 0, expired: 0 });
    expect(queue.left).toEqual([]);
  });

  it('keeps the pointer on the queue when the batch fails again', async () => {
    // Arrange
    const queue = memoryQueue([{ DDBStreamBatchInfo: { shardId, startSequenceNumber: written[0], endSequenceNumber: written[0], streamArn: table.streamArn } }]);
    // Act
    const report = await redriveStreamFailures({ queue, streams: table.streams, region: LOCAL_REGION, createContext: () => createLambdaContext('redrive'), handler: async (event) => ({ batchItemFailures: [{ itemIdentifier: event.Records[0]!.dynamodb!.SequenceNumber! }] }) });
    // Assert
    expect(report).toEqual({ redriven: 0, failed: 1, expired: 0 });
    expect(queue.left).toEqual(['m0']);
  });
});

describe('local dead-letter redrive', () => {
  it('re-feeds the dead letters in order and keeps only those that fail again', async () => {
    // Arrange: the local poller's file, with the records it dead-lettered
    const records = await readStreamBatch(table.streams, { streamArn: table.streamArn, shardId, startSequenceNumber: written[0]!, endSequenceNumber: written[2]! }, LOCAL_REGION);
    const file = join(mkdtempSync(join(tmpdir(), 'dead-letters-')), 'dead-letters.jsonl');
    writeFileSync(file, records.map((record: DynamoDBRecord) => JSON.stringify({ streamArn: table.streamArn, shardId, record, attempts: 6, error: 'x', failedAt: '2026-12-02T07:00:00Z' }) + '\n').join(''));
    const seen: number[] = [];
    // Act: version 2 still fails
    const report = await redriveDeadLetterFile(file, async (event) => {
      seen.push(...versions(event));
      return { batchItemFailures: versions(event)[0] === 2 ? [{ itemIdentifier: event.Records[0]!.dynamodb!.SequenceNumber! }] : [] };
    }, () => createLambdaContext('redrive'));
    // Assert
    expect(seen).toEqual([1, 2, 3]);
    expect(report).toEqual({ redriven: 2, failed: 1, expired: 0 });
    const left = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line).record.dynamodb.SequenceNumber);
    expect(left).toEqual([written[1]]);
  });
});
