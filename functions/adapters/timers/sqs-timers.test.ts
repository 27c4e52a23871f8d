import { describe, expect, it } from 'vitest';
import type { RoutingTimer } from '@cc/shared/contacts/timers';
import { SignedSqsSender, SqsTimers, sqsDelaySeconds } from './sqs-timers.ts';

const now = Date.parse('2026-11-25T10:00:00.000Z');
const timer = (dueAt: string): RoutingTimer => ({ id: 'x', kind: 'offer-timeout', tenantId: 't', contactId: 'c', version: 2, dueAt });

describe('SqsTimers', () => {
  it('hides the message for the whole seconds left, capped at 15 minutes', () => {
    // Act / Assert
    expect(sqsDelaySeconds(timer('2026-11-25T10:00:20.700Z'), now)).toBe(20);
    expect(sqsDelaySeconds(timer('2026-11-25T09:59:00.000Z'), now)).toBe(0);
    expect(sqsDelaySeconds(timer('2026-11-25T12:00:00.000Z'), now)).toBe(900);
  });

  it('sends the timer as the message body to the configured queue', async () => {
    // Arrange
    const sent: { queueUrl: string; body: string; delaySeconds: number }[] = [];
    const timers = new SqsTimers({ sendMessage: async (m) => void sent.push(m) }, 'https://sqs.eu-central-1.amazonaws.com/1/timers', () => now);
    // Act
    await timers.schedule(timer('2026-11-25T10:00:20.000Z'));
    // Assert
    expect(sent).toEqual([{ queueUrl: 'https://sqs.eu-central-1.amazonaws.com/1/timers', body: JSON.stringify(timer('2026-11-25T10:00:20.000Z')), delaySeconds: 20 }]);
  });

  it('signs SendMessage for SQS’s JSON protocol', async () => {
    // Arrange
    const requests: { url: string; init: RequestInit }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => (requests.push({ url, init }), new Response('{}', { status: 200 }))) as unknown as typeof fetch;
    const sender = new SignedSqsSender('eu-central-1', { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, fakeFetch);
    // Act
    await sender.sendMessage({ queueUrl: 'https://sqs.eu-central-1.amazonaws.com/1/timers', body: '{}', delaySeconds: 5 });
    // Assert
    const headers = requests[0]!.init.headers as Record<string, string>;
    expect(requests[0]!.url).toBe('https://sqs.eu-central-1.amazonaws.com/');
    expect(headers['x-amz-target']).toBe('AmazonSQS.SendMessage');
    expect(headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-central-1\/sqs\/aws4_request, SignedHeaders=.*x-amz-target.*, Signature=[0-9a-f]{64}$/);
    expect(JSON.parse(requests[0]!.init.body as string)).toEqual({ QueueUrl: 'https://sqs.eu-central-1.amazonaws.com/1/timers', MessageBody: '{}', DelaySeconds: 5 });
  });

  it('raises an error SQS answers with', async () => {
    // Arrange
    const fakeFetch = (async () => new Response('{"__type":"AccessDenied"}', { status: 400 })) as unknown as typeof fetch;
    const sender = new SignedSqsSender('eu-central-1', { accessKeyId: 'a', secretAccessKey: 's' }, fakeFetch);
    // Act / Assert
    await expect(sender.sendMessage({ queueUrl: 'q', body: '{}', delaySeconds: 0 })).rejects.toThrow('SQS SendMessage failed with 400');
  });
});
