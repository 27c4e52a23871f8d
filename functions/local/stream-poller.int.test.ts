import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestTable } from '../../test/dynamodb.ts';
import { LocalStreamPoller, type DeadLetter, type StreamHandler } from './stream-poller.ts';
import { createLambdaContext } from './lambda-context.ts';
import { waitFor } from '../../test/live.ts';

let table: Awaited<ReturnType<typeof createTestTable>>;
const pollers: LocalStreamPoller[] = [];

beforeEach(async () => {
  table = await createTestTable('poller');
});
afterEach(async () => {
  await Promise.all(pollers.splice(0).map((p) => p.stop()));
  await table.drop();
});

const put = (id: number, extra: Record<string, unknown> = {}) =>
  table.documents.send(new PutCommand({ TableName: table.tableName, Item: { pk: `T#t#ITEM`, sk: `ITEM#${String(id).padStart(3, '0')}`, entity: 'test', n: id, ...extra } }));

function startPoller(handler: StreamHandler, options: { checkpointFile?: string; maxRetries?: number } = {}) {
  const deadLetters: DeadLetter[] = [];
  const poller = new LocalStreamPoller({
    streams: table.streams,
    streamArn: table.streamArn,
    handler,
    createContext: () => createLambdaContext('test'),
    idleDelayMs: 20,
    maxRetries: options.maxRetries ?? 3,
    checkpointFile: options.checkpointFile,
    onDeadLetter: (letter) => void deadLetters.push(letter),
  });
  pollers.push(poller);
  poller.start();
  return { poller, deadLetters };
}

const idOf = (record: DynamoDBRecord) => Number(record.dynamodb?.NewImage?.n?.N);

describe('LocalStreamPoller', () => {
  it('delivers inserts and modifications in order as Lambda-shaped DynamoDB stream events', async () => {
    // Arrange
    const events: DynamoDBStreamEvent[] = [];
    startPoller(async (event) => void events.push(event));
    // Act
    for (let i = 1; i <= 5; i++) await put(i);
    await table.documents.send(new UpdateCommand({ TableName: table.tableName, Key: { pk: 'T#t#ITEM', sk: 'ITEM#001' }, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': 100 } }));
    await waitFor(() => events.flatMap((e) => e.Records).length === 6);
    // Assert
    const records = events.flatMap((e) => e.Records);
    expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'INSERT', 'INSERT', 'INSERT', 'INSERT', 'MODIFY']);
    expect(records.map(idOf)).toEqual([1, 2, 3, 4, 5, 100]);
    const modify = records[5]!;
    expect(modify).toMatchObject({ eventSource: 'aws:dynamodb', eventVersion: '1.1', eventSourceARN: table.streamArn });
    expect(modify.dynamodb).toMatchObject({ Keys: { pk: { S: 'T#t#ITEM' }, sk: { S: 'ITEM#001' } }, OldImage: { n: { N: '1' } }, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(modify.dynamodb?.ApproximateCreationDateTime).toEqual(expect.any(Number));
  });

  it('restores empty maps that DynamoDB Local writes as {}', async () => {
    // Arrange
    const records: DynamoDBRecord[] = [];
    startPoller(async (event) => void records.push(...event.Records));
    // Act
    await put(1, { settings: {}, nested: { inner: {}, list: [{}] } });
    await waitFor(() => records.length === 1);
    // Assert
    expect(records[0]!.dynamodb?.NewImage).toMatchObject({ settings: { M: {} }, nested: { M: { inner: { M: {} }, list: { L: [{ M: {} }] } } } });
  });

  it('retries from the first record reported in batchItemFailures, after the ones before it succeeded', async () => {
    // Arrange: record 3 fails twice, then succeeds
    const seen: number[] = [];
    let failuresLeft = 2;
    startPoller(async (event): Promise<DynamoDBBatchResponse> => {
      const batchItemFailures = [];
      for (const record of event.Records) {
        if (idOf(record) === 3 && failuresLeft > 0) {
          failuresLeft--;
          batchItemFailures.push({ itemIdentifier: record.dynamodb!.SequenceNumber! });
          break;
        }
        seen.push(idOf(record));
      }
      return { batchItemFailures };
    });
    // Act
    for (let i = 1; i <= 5; i++) await put(i);
    await waitFor(() => seen.includes(5));
    // Assert: nothing lost, nothing before the failure processed twice
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('retries the whole batch when the handler throws', async () => {
    // Arrange
    const seen: number[] = [];
    let throws = 1;
    startPoller(async (event) => {
      if (throws-- > 0) throw new Error('crash mid-batch');
      seen.push(...event.Records.map(idOf));
    });
    // Act
    for (let i = 1; i <= 3; i++) await put(i);
    await waitFor(() => seen.length >= 3);
    // Assert
    expect(seen.slice(-3)).toEqual([1, 2, 3]);
  });

  it('sends a poison record to the dead-letter sink after the retries and processes the rest', async () => {
    // Arrange
    const seen: number[] = [];
    const { deadLetters } = startPoller(
      async (event) => {
        const failed = event.Records.find((r) => idOf(r) === 2);
        for (const record of event.Records) if (record !== failed && !(failed && idOf(record) > 2)) seen.push(idOf(record));
        return { batchItemFailures: failed ? [{ itemIdentifier: failed.dynamodb!.SequenceNumber! }] : [] };
      },
      { maxRetries: 2 },
    );
    // Act
    for (let i = 1; i <= 4; i++) await put(i);
    await waitFor(() => seen.includes(4));
    // Assert
    expect(deadLetters).toHaveLength(1);
    expect(idOf(deadLetters[0]!.record)).toBe(2);
    expect(deadLetters[0]!.attempts).toBe(3);
    expect(seen.filter((n) => n !== 2)).toEqual([1, 3, 4]);
  });

  it('resumes after a restart from its checkpoint without losing or repeating records', async () => {
    // Arrange
    const checkpointFile = join(mkdtempSync(join(tmpdir(), 'poller-')), 'checkpoints.json');
    const first: number[] = [];
    const { poller } = startPoller(async (event) => void first.push(...event.Records.map(idOf)), { checkpointFile });
    for (let i = 1; i <= 3; i++) await put(i);
    await waitFor(() => first.length === 3);
    await poller.stop();
    // Act: writes while stopped, then a new poller on the same checkpoint file
    for (let i = 4; i <= 6; i++) await put(i);
    const second: number[] = [];
    startPoller(async (event) => void second.push(...event.Records.map(idOf)), { checkpointFile });
    await waitFor(() => second.length >= 3);
    await new Promise((r) => setTimeout(r, 200));
    // Assert
    expect(first).toEqual([1, 2, 3]);
    expect(second).toEqual([4, 5, 6]);
  });
});
