import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { readConfig } from './config.ts';
import { compose, createAwsDeps } from './root.ts';
import { SqsTimers } from '../adapters/timers/sqs-timers.ts';
import { UnconfiguredTimers } from '../adapters/timers/unconfigured-timers.ts';
import { UnconfiguredVoiceDialer } from '../adapters/voice/unconfigured-voice-dialer.ts';
import { DynamoRoutingRepository } from '../adapters/dynamo/routing-repository.ts';
import { CallbackDialer } from '../voice/callback-dialer.ts';

/** A private field of a built service, read for an identity check (a deep compare would walk every SDK client). */
const inside = (service: unknown, ...path: string[]): unknown => path.reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], service);

const complete = { WS_MANAGEMENT_ENDPOINT: 'https://abc.execute-api.eu-central-1.amazonaws.com/prod', SECRETS_KEY_ID: 'alias/x', AUTH_JWKS_URL: 'https://cognito-idp.eu-central-1.amazonaws.com/pool/.well-known/jwks.json' };
const env = { TABLE_NAME: 'ContactCenter', AUTH_ISSUER: 'https://cognito-idp.eu-central-1.amazonaws.com/pool', AUTH_AUDIENCE: 'client', AWS_REGION: 'eu-central-1' };

describe('composition root', () => {
  it('names every missing variable', () => {
    // Act / Assert
    try {
      readConfig({});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['TABLE_NAME', 'AUTH_ISSUER', 'AUTH_AUDIENCE']));
    }
  });

  it('refuses to build AWS adapters without the WebSocket endpoint', () => {
    // Act / Assert
    expect(() => createAwsDeps(readConfig(env))).toThrow('WS_MANAGEMENT_ENDPOINT is required');
  });

  it('builds the AWS adapters from a complete environment', () => {
    // Act
    const deps = createAwsDeps(readConfig({ ...env, WS_MANAGEMENT_ENDPOINT: 'https://abc.execute-api.eu-central-1.amazonaws.com/prod', SECRETS_KEY_ID: 'alias/x', AUTH_JWKS_URL: 'https://cognito-idp.eu-central-1.amazonaws.com/pool/.well-known/jwks.json' }));
    // Assert
    expect(deps.config.CC_RUNTIME).toBe('aws');
    expect(deps.table.tableName).toBe('ContactCenter');
    expect(deps.routing).toBeInstanceOf(DynamoRoutingRepository);
  });

  it('keeps working without TIMER_QUEUE_URL, dropping timers rather than stopping the stream', async () => {
    // Act
    const deps = createAwsDeps(readConfig({ ...env, ...complete }));
    // Assert
    expect(deps.timers).toBeInstanceOf(UnconfiguredTimers);
    await expect(deps.timers.schedule({ id: 'x', kind: 'queue-sweep', tenantId: 't', queueId: 'q', dueAt: new Date().toISOString() })).resolves.toBeUndefined();
  });

  it('dials callbacks with no local recorder in AWS: the dialer logs and keeps nothing', async () => {
    // Arrange
    const { services } = compose(createAwsDeps(readConfig({ ...env, ...complete })));
    const contact = { tenantId: 't', contactId: 'c', queueId: 'q', channel: 'callback', callback: { phone: '+74950000000' }, status: 'connected', version: 3 } as never;
    // Act
    await services.dialer.dialCallback(contact);
    // Assert
    expect(services.dialer).toBeInstanceOf(UnconfiguredVoiceDialer);
    expect(Object.keys(services.dialer)).toEqual([]);
  });

  it('dials callbacks through the SIP media application where one is deployed', () => {
    // Act
    const deps = createAwsDeps(readConfig({ ...env, ...complete, SIP_MEDIA_APPLICATION_ID: 'sma-1' }));
    const { services } = compose(deps);
    // Assert: built once by the services, over routing's one contact-changes loop and the process's call control.
    expect(services.dialer).toBeInstanceOf(CallbackDialer);
    expect(inside(services.dialer, 'deps')).toBe(deps);
    expect(inside(services.dialer, 'changes')).toBe(services.routing.changes);
    expect(inside(services.routing.commands, 'changes')).toBe(services.routing.changes);
  });

  it('builds each service once, over the very adapters it is given', () => {
    // Arrange
    const deps = createAwsDeps(readConfig({ ...env, ...complete }));
    // Act
    const { services } = compose(deps);
    // Assert: the widget service and the visitor gate share the one token verifier and channel cache.
    expect(inside(services.visitorGate, 'deps', 'tokens')).toBe(services.visitorTokens);
    expect(inside(services.visitorGate, 'deps', 'channels')).toBe(services.channels);
    expect(inside(services.widget, 'deps')).toBe(deps);
    expect(inside(services.widget, 'parts', 'tokens')).toBe(services.visitorTokens);
    expect(inside(services.widget, 'parts', 'commands')).toBe(services.routing.commands);
    expect(inside(services.widget, 'parts', 'queries')).toBe(services.routing.queries);
  });

  it('puts routing timers on the SQS queue named by TIMER_QUEUE_URL', () => {
    // Act
    const deps = createAwsDeps(
      readConfig({
        ...env,
        WS_MANAGEMENT_ENDPOINT: 'https://abc.execute-api.eu-central-1.amazonaws.com/prod',
        SECRETS_KEY_ID: 'alias/x',
        AUTH_JWKS_URL: 'https://cognito-idp.eu-central-1.amazonaws.com/pool/.well-known/jwks.json',
        TIMER_QUEUE_URL: 'https://sqs.eu-central-1.amazonaws.com/123456789012/cc-prod-routing-timers',
      }),
    );
    // Assert
    expect(deps.timers).toBeInstanceOf(SqsTimers);
  });
});
