import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { RoutingTimer } from '@cc/shared/contacts/timers';
import { SqsTimers, sqsDelaySeconds } from './sqs-timers.ts';

const sqs = mockClient(SQSClient);
afterEach(() => sqs.reset());
// Unit test files share a worker's modules (isolate: false): leave the real client behind.
afterAll(() => sqs.restore());

const QUEUE_URL = 'https://sqs.eu-central-1.amazonaws.com/123456789012/cc-test-routing-timers';
const now = Date.parse('2026-11-25T10:00:00.000Z');
const timer = (dueAt: string): RoutingTimer => ({ id: 'x', kind: 'offer-timeout', tenantId: 't', contactId: 'c', queueId: 'q', version: 2, dueAt });
const timersAtNow = () => new SqsTimers(new SQSClient({ region: 'eu-central-1' }), QUEUE_URL, () => now);

describe('SqsTimers', () => {
  it('hides the message for the whole seconds left, capped at 15 minutes', () => {
    // Act / Assert
    expect(sqsDelaySeconds(timer('2026-11-25T10:00:20.700Z'), now)).toBe(20);
    expect(sqsDelaySeconds(timer('2026-11-25T09:59:00.000Z'), now)).toBe(0);
    expect(sqsDelaySeconds(timer('2026-11-25T12:00:00.000Z'), now)).toBe(900);
  });

  it('sends the timer as the message body to the configured queue, delayed until it is due', async () => {
    // Arrange
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
    const due = timer('2026-11-25T10:00:20.400Z');
    // Act
    await timersAtNow().schedule(due);
    // Assert
    expect(sqs.commandCalls(SendMessageCommand).map((call) => call.args[0].input)).toEqual([{ QueueUrl: QUEUE_URL, MessageBody: JSON.stringify(due), DelaySeconds: 20 }]);
  });

  it('sends a timer hours away with the 15-minute maximum (the handler re-queues the rest)', async () => {
    // Arrange
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm-2' });
    // Act
    await timersAtNow().schedule(timer('2026-11-25T13:00:00.000Z'));
    // Assert
    expect(sqs.commandCalls(SendMessageCommand)[0]!.args[0].input.DelaySeconds).toBe(900);
  });

  it('passes a failed SendMessage on, so the record that armed the timer is retried', async () => {
    // Arrange
    sqs.on(SendMessageCommand).rejects(new Error('AccessDenied'));
    // Act / Assert
    await expect(timersAtNow().schedule(timer('2026-11-25T10:00:05.000Z'))).rejects.toThrow('AccessDenied');
  });
});
