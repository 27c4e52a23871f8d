/**
 * Reads the table's real stream in DynamoDB Local and feeds the same `DynamoDBStreamEvent` batches
 * Lambda would to the same handler. Like Lambda's DynamoDB event source with ReportBatchItemFailures:
 * one batch at a time per shard, in order; on failure it checkpoints before the first failed record
 * and retries from there with backoff; after `maxRetries` the failed record goes to the dead-letter
 * sink (Lambda's on-failure destination) and the shard moves on. Checkpoints survive restarts.
 */
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type StreamHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | void>;

export interface DeadLetter {
  streamArn: string;
  shardId: string;
  record: DynamoDBRecord;
  attempts: number;
  error: string;
  failedAt: string;
}

export interface StreamPollerOptions {
  streams: DynamoDBStreamsClient;
  streamArn: string;
  handler: StreamHandler;
  createContext: () => Context;
  /** Where checkpoints persist; omit to keep them in memory. */
  checkpointFile?: string;
  batchSize?: number;
  idleDelayMs?: number;
  maxRetries?: number;
  region?: string;
  onDeadLetter: (letter: DeadLetter) => void | Promise<void>;
  onError?: (message: string, error: unknown) => void;
  /** Which records reach the handler, as the event source mapping's filter decides in AWS; the rest are skipped (and checkpointed). */
  filter?: (record: DynamoDBRecord) => boolean;
}

interface Checkpoints {
  /** Last fully processed sequence number per shard. */
  shards: Record<string, string>;
  finished: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Image = Record<string, unknown> | undefined;

/**
 * DynamoDB Local's stream writes an empty map as `{}` instead of `{"M":{}}` (real DynamoDB
 * doesn't); an empty object can only be that, so restore it before handing the image on.
 */
function repairValue(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const av = value as { M?: Record<string, unknown>; L?: unknown[] };
  if (Object.keys(av).length === 0) return { M: {} };
  if (av.M) return { M: repairMap(av.M) };
  if (av.L) return { L: av.L.map(repairValue) };
  return value;
}
const repairMap = (map: Record<string, unknown>) => Object.fromEntries(Object.entries(map).map(([k, v]) => [k, repairValue(v)]));
const repairImage = (image: Image) => (image ? (repairMap(image) as never) : undefined);

/** Converts an SDK stream record into the JSON shape Lambda delivers. */
export function toLambdaRecord(record: StreamRecord, streamArn: string, region: string): DynamoDBRecord {
  const data = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion ?? region,
    eventSourceARN: streamArn,
    dynamodb: {
      ApproximateCreationDateTime: data.ApproximateCreationDateTime ? Math.floor(new Date(data.ApproximateCreationDateTime).getTime() / 1000) : undefined,
      Keys: data.Keys as never,
      NewImage: repairImage(data.NewImage),
      OldImage: repairImage(data.OldImage),
      SequenceNumber: data.SequenceNumber,
      SizeBytes: data.SizeBytes,
      StreamViewType: data.StreamViewType,
    },
  };
}

export class LocalStreamPoller {
  private readonly options: Required<Omit<StreamPollerOptions, 'checkpointFile' | 'onError' | 'filter'>> & Pick<StreamPollerOptions, 'checkpointFile' | 'onError' | 'filter'>;
  private checkpoints: Checkpoints;
  private running = false;
  private loop: Promise<void> | undefined;
  private lastPollAt = 0;
  private wake: (() => void) | undefined;
  /** Records delivered to the handler successfully, for health and tests. */
  processed = 0;

  constructor(options: StreamPollerOptions) {
    this.options = { batchSize: 100, idleDelayMs: 150, maxRetries: 5, region: 'local', ...options };
    this.checkpoints = this.loadCheckpoints();
  }

  /** True while the loop runs and has polled recently. */
  get healthy(): boolean {
    return this.running && Date.now() - this.lastPollAt < 15_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run() {
    const iterators = new Map<string, string | undefined>();
    while (this.running) {
      try {
        const shards = await this.describeShards();
        const active = shards.filter((s) => !this.checkpoints.finished.includes(s.ShardId!));
        // A child shard waits until its parent is drained, so per-key order is kept across splits.
        const ready = active.filter((s) => !s.ParentShardId || !active.some((p) => p.ShardId === s.ParentShardId));
        let delivered = 0;
        for (const shard of ready) {
          if (!this.running) break;
          delivered += await this.pollShard(shard.ShardId!, iterators);
        }
        this.lastPollAt = Date.now();
        if (delivered === 0) await this.idle();
      } catch (error) {
        this.options.onError?.('Stream poll failed; retrying', error);
        iterators.clear();
        await this.idle(1000);
      }
    }
  }

  private idle(ms = this.options.idleDelayMs) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async describeShards(): Promise<Shard[]> {
    const shards: Shard[] = [];
    let ExclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await this.options.streams.send(new DescribeStreamCommand({ StreamArn: this.options.streamArn, ExclusiveStartShardId }));
      shards.push(...(StreamDescription?.Shards ?? []));
      ExclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (ExclusiveStartShardId);
    return shards;
  }

  private async iteratorFor(shardId: string): Promise<string | undefined> {
    const after = this.checkpoints.shards[shardId];
    const { ShardIterator } = await this.options.streams.send(
      new GetShardIteratorCommand({
        StreamArn: this.options.streamArn,
        ShardId: shardId,
        ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return ShardIterator;
  }

  /** Reads and delivers one batch of a shard; returns how many records it delivered. */
  private async pollShard(shardId: string, iterators: Map<string, string | undefined>): Promise<number> {
    let iterator = iterators.has(shardId) ? iterators.get(shardId) : await this.iteratorFor(shardId);
    if (!iterator) return this.finishShard(shardId, iterators);
    let page;
    try {
      page = await this.options.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: this.options.batchSize }));
    } catch (error) {
      if (error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException) {
        iterators.delete(shardId);
        return 0;
      }
      throw error;
    }
    const records = page.Records ?? [];
    if (records.length > 0) {
      const all = records.map((r) => toLambdaRecord(r, this.options.streamArn, this.options.region));
      const wanted = this.options.filter ? all.filter(this.options.filter) : all;
      const delivered = wanted.length === 0 || (await this.deliver(shardId, wanted));
      // Filtered out to the end: the batch is done all the same.
      if (delivered && wanted.at(-1) !== all.at(-1)) this.checkpoint(shardId, all.at(-1)!.dynamodb!.SequenceNumber!);
    }
    iterator = page.NextShardIterator;
    if (!iterator) return records.length + this.finishShard(shardId, iterators);
    iterators.set(shardId, iterator);
    return records.length;
  }

  private finishShard(shardId: string, iterators: Map<string, string | undefined>) {
    iterators.delete(shardId);
    this.checkpoints.finished.push(shardId);
    delete this.checkpoints.shards[shardId];
    this.saveCheckpoints();
    return 0;
  }

  /** Delivers records in order until all succeed or are dead-lettered. */
  /** @returns false when the poller stopped before every record was delivered */
  private async deliver(shardId: string, records: DynamoDBRecord[]): Promise<boolean> {
    let pending = records;
    let attempts = 0;
    while (pending.length > 0) {
      let failedIndex: number;
      let reason: string;
      try {
        const response = await this.options.handler({ Records: pending }, this.options.createContext());
        const failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        failedIndex = pending.findIndex((r) => failed.has(r.dynamodb!.SequenceNumber!));
        // An identifier we never sent means the handler misbehaved: retry the whole batch, as Lambda does.
        if (failedIndex === -1 && failed.size > 0) failedIndex = 0;
        reason = 'reported in batchItemFailures';
      } catch (error) {
        failedIndex = 0;
        reason = `handler threw: ${error instanceof Error ? error.message : String(error)}`;
      }
      const succeeded = failedIndex === -1 ? pending : pending.slice(0, failedIndex);
      if (succeeded.length > 0) {
        this.processed += succeeded.length;
        this.checkpoint(shardId, succeeded.at(-1)!.dynamodb!.SequenceNumber!);
        attempts = 0;
      }
      if (failedIndex === -1) return true;
      pending = pending.slice(failedIndex);
      attempts += 1;
      if (attempts > this.options.maxRetries) {
        const [poison, ...rest] = pending as [DynamoDBRecord, ...DynamoDBRecord[]];
        await this.options.onDeadLetter({ streamArn: this.options.streamArn, shardId, record: poison, attempts, error: reason, failedAt: new Date().toISOString() });
        this.checkpoint(shardId, poison.dynamodb!.SequenceNumber!);
        pending = rest;
        attempts = 0;
        continue;
      }
      if (!this.running) return false;
      this.lastPollAt = Date.now();
      await sleep(Math.min(5000, 100 * 2 ** (attempts - 1)));
    }
    return true;
  }

  private checkpoint(shardId: string, sequenceNumber: string) {
    this.checkpoints.shards[shardId] = sequenceNumber;
    this.saveCheckpoints();
  }

  private loadCheckpoints(): Checkpoints {
    const file = this.options.checkpointFile;
    if (file && existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as Checkpoints & { streamArn?: string };
      // A recreated table has a new stream; old checkpoints would point nowhere.
      if (saved.streamArn === this.options.streamArn) return { shards: saved.shards ?? {}, finished: saved.finished ?? [] };
    }
    return { shards: {}, finished: [] };
  }

  private saveCheckpoints() {
    const file = this.options.checkpointFile;
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    // Write-then-rename so a crash never leaves a half-written checkpoint file.
    writeFileSync(`${file}.tmp`, JSON.stringify({ streamArn: this.options.streamArn, ...this.checkpoints }));
    renameSync(`${file}.tmp`, file);
  }
}
