import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';
import { compose, createAwsDeps, installComposition } from './root.ts';
import { awsRoutingTimersDeps, composeRoutingTimers, getRoutingTimersComposition } from './routing-timers.ts';
import { awsRealtimeDeps, composeRealtime, getRealtimeComposition } from './realtime.ts';
import { awsMessageDeliveryDeps, composeMessageDelivery } from './message-delivery.ts';
import { awsStreamProcessorDeps, composeStreamProcessor } from './stream-processor.ts';
import { SqsTimers } from '../adapters/timers/sqs-timers.ts';
import { SqsDeliveryQueue } from '../adapters/delivery/sqs-delivery-queue.ts';
import { KmsSecretCipher } from '../adapters/secrets/kms-cipher.ts';
import { RoutingTimerRunner } from '../routing/timer-runner.ts';
import { VisitorGate } from '../widget/visitor-gate.ts';

const config = readConfig({
  TABLE_NAME: 'ContactCenter',
  AUTH_ISSUER: 'https://cognito-idp.eu-central-1.amazonaws.com/pool',
  AUTH_AUDIENCE: 'client',
  AWS_REGION: 'eu-central-1',
  WS_MANAGEMENT_ENDPOINT: 'https://abc.execute-api.eu-central-1.amazonaws.com/prod',
  SECRETS_KEY_ID: 'alias/x',
  AUTH_JWKS_URL: 'https://cognito-idp.eu-central-1.amazonaws.com/pool/.well-known/jwks.json',
  TIMER_QUEUE_URL: 'https://sqs.eu-central-1.amazonaws.com/123456789012/timers',
  DELIVERY_QUEUE_URL: 'https://sqs.eu-central-1.amazonaws.com/123456789012/delivery',
});

describe('each function composition', () => {
  afterEach(() => installComposition(undefined));

  it('gives routing-timers the table and the timer queue, and nothing that opens secrets, pushes or verifies tokens', () => {
    // Act
    const { deps, timers } = composeRoutingTimers(awsRoutingTimersDeps(config));
    // Assert
    expect(deps.timers).toBeInstanceOf(SqsTimers);
    expect(timers).toBeInstanceOf(RoutingTimerRunner);
    expect(deps).not.toHaveProperty('cipher');
    expect(deps).not.toHaveProperty('push');
    expect(deps).not.toHaveProperty('verifier');
    expect(deps).not.toHaveProperty('senders');
  });

  it('gives realtime push, the cipher and the verifier, and no queue or messenger senders', () => {
    // Act
    const { deps, visitors } = composeRealtime(awsRealtimeDeps(config));
    // Assert
    expect(visitors).toBeInstanceOf(VisitorGate);
    expect(deps.cipher).toBeInstanceOf(KmsSecretCipher);
    expect(deps).not.toHaveProperty('timers');
    expect(deps).not.toHaveProperty('delivery');
    expect(deps).not.toHaveProperty('senders');
  });

  it('gives message-delivery the senders and the delivery queue, and no token verifier or timers', () => {
    // Act
    const { deps } = composeMessageDelivery(awsMessageDeliveryDeps(config));
    // Assert
    expect(deps.delivery).toBeInstanceOf(SqsDeliveryQueue);
    expect(Object.keys(deps.senders)).toEqual(expect.arrayContaining(['telegram', 'whatsapp', 'vk', 'viber']));
    expect(deps).not.toHaveProperty('verifier');
    expect(deps).not.toHaveProperty('timers');
  });

  it('gives the stream processor every service, without the console token verifier', () => {
    // Act
    const { deps, services } = composeStreamProcessor(awsStreamProcessorDeps(config));
    // Assert
    expect(Object.keys(services)).toEqual(Object.keys(compose(createAwsDeps(config)).services));
    expect(deps).not.toHaveProperty('verifier');
  });

  it('takes its part of an installed composition (the local runtime) instead of building from the environment', () => {
    // Arrange
    const full = compose(createAwsDeps(config));
    installComposition(full);
    // Act
    const timersPart = getRoutingTimersComposition();
    const realtimePart = getRealtimeComposition();
    // Assert
    expect(timersPart).toEqual({ deps: full.deps, timers: full.services.routing.timers });
    expect(realtimePart.visitors).toBe(full.services.visitorGate);
  });
});
