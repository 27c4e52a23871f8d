/**
 * Redrive of the table stream's dead letters (operators only; never imported by a Lambda).
 * AWS: the on-failure destination holds only pointers (`DDBStreamBatchInfo`: shard and sequence
 * range), so the records are re-read from DynamoDB Streams while the stream still has them (24 h)
 * and fed to the same stream handler, in order; a message is deleted only when all of it succeeded.
 * Local: the poller writes the failed record itself to `.data/dead-letters.jsonl`.
 */
import { GetRecordsCommand, GetShardIteratorCommand, TrimmedDataAccessException, type DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as z from 'zod';
import { lazySchema } from '@cc/shared/lazy-schema';
import { toLambdaRecord, type DeadLetter } from '../local/stream-poller.ts';

/** The stream handler, as Lambda invokes it. */
export type StreamEventHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | void>;

/** What Lambda's SQS on-failure destination writes for a DynamoDB stream batch (the fields we need). */
export const StreamFailureMessageSchema = lazySchema(() => z.object({
  DDBStreamBatchInfo: z.object({
    shardId: z.string().min(1),
    startSequenceNumber: z.string().regex(/^\d+$/),
    endSequenceNumber: z.string().regex(/^\d+$/),
    streamArn: z.string().min(1),
  }),
}));
export type StreamBatchInfo = z.infer<typeof StreamFailureMessageSchema>['DDBStreamBatchInfo'];

/** The dead-letter queue as the redrive needs it (SQS in AWS, an array in tests). */
export interface FailureQueue {
  receive(): Promise<{ receiptHandle: string; body: string }[]>;
  delete(receiptHandle: string): Promise<void>;
}

/** Outcome of one redrive run. */
export interface RedriveReport {
  redriven: number;
  failed: number;
  /** Pointers whose records the stream no longer has (older than 24 h): left on the queue for a manual decision. */
  expired: number;
}

const succeeded = (response: DynamoDBBatchResponse | void) => (response?.batchItemFailures ?? []).length === 0;

/** Re-reads one dead-lettered batch from the stream, in order. @throws TrimmedDataAccessException when the records are gone */
export async function readStreamBatch(streams: DynamoDBStreamsClient, info: StreamBatchInfo, region: string): Promise<DynamoDBRecord[]> {
  const end = BigInt(info.endSequenceNumber);
  let { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: info.streamArn, ShardId: info.shardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER', SequenceNumber: info.startSequenceNumber }));
  const records: DynamoDBRecord[] = [];
  // Bounded: an open shard answers empty pages forever once past the range.
  for (let empty = 0; ShardIterator && empty < 5; ) {
    const page = await streams.send(new GetRecordsCommand({ ShardIterator }));
    const batch = page.Records ?? [];
    empty = batch.length === 0 ? empty + 1 : 0;
    for (const record of batch) {
      if (BigInt(record.dynamodb!.SequenceNumber!) > end) return records;
      records.push(toLambdaRecord(record, info.streamArn, region));
    }
    if (records.at(-1)?.dynamodb?.SequenceNumber === info.endSequenceNumber) return records;
    ShardIterator = page.NextShardIterator;
  }
  return records;
}

/** Drains the stream's failure queue once: re-reads each batch, re-runs it, deletes what succeeded. */
export async function redriveStreamFailures(options: { queue: FailureQueue; streams: DynamoDBStreamsClient; region: string; handler: StreamEventHandler; createContext: () => Context }): Promise<RedriveReport> {
  const report: RedriveReport = { redriven: 0, failed: 0, expired: 0 };
  const seen = new Set<string>();
  for (let messages = await options.queue.receive(); messages.length > 0; messages = await options.queue.receive()) {
    const fresh = messages.filter((m) => !seen.has(m.receiptHandle));
    if (fresh.length === 0) break;
    for (const message of fresh) {
      seen.add(message.receiptHandle);
      const info = StreamFailureMessageSchema.parse(JSON.parse(message.body)).DDBStreamBatchInfo;
      let records: DynamoDBRecord[];
      try {
        records = await readStreamBatch(options.streams, info, options.region);
      } catch (error) {
        if (error instanceof TrimmedDataAccessException) {
          report.expired += 1;
          continue;
        }
        throw error;
      }
      if (succeeded(await options.handler({ Records: records }, options.createContext()))) {
        await options.queue.delete(message.receiptHandle);
        report.redriven += records.length;
      } else report.failed += 1;
    }
  }
  return report;
}

/** Re-feeds the local runtime's dead letters in file order; keeps (rewrites) only those that fail again. */
export async function redriveDeadLetterFile(file: string, handler: StreamEventHandler, createContext: () => Context): Promise<RedriveReport> {
  const report: RedriveReport = { redriven: 0, failed: 0, expired: 0 };
  if (!existsSync(file)) return report;
  const lines = () => readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const read = lines();
  const letters = read.map((line) => JSON.parse(line) as DeadLetter);
  const remaining: DeadLetter[] = [];
  for (const letter of letters) {
    // A throwing handler counts as a failure, as the poller treats it.
    const ok = await handler({ Records: [letter.record] }, createContext()).then(succeeded, () => false);
    if (ok) report.redriven += 1;
    else {
      report.failed += 1;
      remaining.push(letter);
    }
  }
  // Write-then-rename, like the poller's checkpoints, so an interrupted redrive loses no letter.
  // Letters the running poller appended meanwhile are kept after ours.
  const appended = lines().slice(read.length);
  writeFileSync(`${file}.tmp`, [...remaining.map((l) => JSON.stringify(l)), ...appended].map((line) => line + '\n').join(''));
  renameSync(`${file}.tmp`, file);
  return report;
}
