import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { readConfig } from './config.ts';
import { createAwsDeps } from './root.ts';
import { SqsTimers } from '../adapters/timers/sqs-timers.ts';

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
    expect(deps.timers).toBeUndefined();
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
