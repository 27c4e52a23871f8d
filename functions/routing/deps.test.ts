import { describe, expect, it } from 'vitest';
import { SQSClient } from '@aws-sdk/client-sqs';
import { readConfig } from '../composition/config.ts';
import type { Deps } from '../composition/root.ts';
import { routingDeps } from './deps.ts';
import { SqsTimers } from '../adapters/timers/sqs-timers.ts';
import { DynamoRoutingRepository } from '../adapters/dynamo/routing-repository.ts';

const awsDeps = (extra: Partial<Deps> = {}) =>
  ({ config: readConfig({ CC_RUNTIME: 'aws', TABLE_NAME: 'ContactCenter', AUTH_ISSUER: 'https://issuer', AUTH_AUDIENCE: 'client' }), table: {}, ...extra }) as unknown as Deps;

describe('routing deps', () => {
  it('uses the timers of the composition root in AWS', () => {
    // Arrange
    const timers = new SqsTimers(new SQSClient({ region: 'eu-central-1' }), 'https://sqs.eu-central-1.amazonaws.com/123456789012/cc-prod-routing-timers');
    // Act
    const deps = routingDeps(awsDeps({ timers }));
    // Assert
    expect(deps.timers).toBe(timers);
    expect(deps.routing).toBeInstanceOf(DynamoRoutingRepository);
  });

  it('keeps working without TIMER_QUEUE_URL, dropping timers rather than stopping the stream', async () => {
    // Act
    const deps = routingDeps(awsDeps());
    // Assert
    await expect(deps.timers.schedule({ id: 'x', kind: 'queue-sweep', tenantId: 't', queueId: 'q', dueAt: new Date().toISOString() })).resolves.toBeUndefined();
  });
});
