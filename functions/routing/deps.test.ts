import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../composition/config.ts';
import type { Deps } from '../composition/root.ts';
import { routingDeps } from './deps.ts';
import { SqsTimers } from '../adapters/timers/sqs-timers.ts';
import { DynamoRoutingRepository } from '../adapters/dynamo/routing-repository.ts';

const awsDeps = () => ({ config: readConfig({ CC_RUNTIME: 'aws', TABLE_NAME: 'ContactCenter', AUTH_ISSUER: 'https://issuer', AUTH_AUDIENCE: 'client' }), table: {} }) as unknown as Deps;
afterEach(() => {
  delete process.env.TIMER_QUEUE_URL;
});

describe('routing deps', () => {
  it('puts timers on the SQS queue named by TIMER_QUEUE_URL in AWS', () => {
    // Arrange
    process.env.TIMER_QUEUE_URL = 'https://sqs.eu-central-1.amazonaws.com/123456789012/cc-prod-routing-timers';
    // Act
    const deps = routingDeps(awsDeps());
    // Assert
    expect(deps.timers).toBeInstanceOf(SqsTimers);
    expect(deps.routing).toBeInstanceOf(DynamoRoutingRepository);
  });

  it('keeps working without TIMER_QUEUE_URL, dropping timers rather than stopping the stream', async () => {
    // Act
    const deps = routingDeps(awsDeps());
    // Assert
    await expect(deps.timers.schedule({ id: 'x', kind: 'queue-sweep', tenantId: 't', queueId: 'q', dueAt: new Date().toISOString() })).resolves.toBeUndefined();
  });
});
