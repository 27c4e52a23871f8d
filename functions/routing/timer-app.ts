import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { RoutingTimerSchema } from '@cc/shared/contacts/timers';
import { logger } from '../composition/logger.ts';
import { sqsEventOf } from '../adapters/sqs/sqs-event.ts';
import type { Deps } from '../composition/deps.ts';
import type { RoutingTimerRunner } from './timer-runner.ts';

/** A timer may come back this much early from SQS (whole-second delays); the handler waits it out. */
const WAIT_OUT_MS = 1000;

/**
 * The routing timer handler: each SQS message is one timer. Early ones (a delay capped at 15 minutes, or the
 * sub-second rest) are waited out or re-queued; due ones fire. Failures go back in `batchItemFailures`.
 */
export function createTimerHandler(deps: Pick<Deps, 'clock' | 'timers'>, runner: Pick<RoutingTimerRunner, 'fireTimer'>, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))) {
  const processRecord = async (record: SQSRecord) => {
    try {
      const timer = RoutingTimerSchema.parse(JSON.parse(record.body));
      const remaining = Date.parse(timer.dueAt) - deps.clock.now().getTime();
      if (remaining > WAIT_OUT_MS) return deps.timers.schedule(timer);
      if (remaining > 0) await sleep(remaining);
      await runner.fireTimer(timer);
    } catch (error) {
      logger.error('Routing timer failed', { error, messageId: record.messageId });
      throw error;
    }
  };
  // A processor per invocation: the local runtime may run several timers at once through one handler.
  return (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    processPartialResponse(event, processRecord, new BatchProcessor(EventType.SQS), { context, processInParallel: true, throwOnFullBatchFailure: false });
}

/** An SQS event carrying `timers`, as Lambda delivers it (the local runtime fires timers through the same handler). */
export function timerEvent(timers: readonly unknown[]): SQSEvent {
  return sqsEventOf(timers, 'routing-timers');
}
