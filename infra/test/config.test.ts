import { describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { readAppConfig } from '../lib/config.ts';
import { DEFAULT_WEB_DIST_DIR } from '../lib/paths.ts';

describe('readAppConfig', () => {
  it('defaults to an environment-agnostic dev stage with web/dist and AWS-managed encryption', () => {
    // Act
    const config = readAppConfig(new App(), {});
    // Assert
    expect(config).toEqual({ stage: 'dev', env: undefined, alarmEmail: undefined, webDistDir: DEFAULT_WEB_DIST_DIR, tableEncryption: 'aws-managed' });
  });

  it('takes account and region from context before the CLI environment', () => {
    // Arrange
    const app = new App({ context: { stage: 'prod', region: 'eu-central-1' } });
    // Act
    const config = readAppConfig(app, { CDK_DEFAULT_ACCOUNT: '123456789012', CDK_DEFAULT_REGION: 'us-east-1' });
    // Assert
    expect(config.env).toEqual({ account: '123456789012', region: 'eu-central-1' });
    expect(config.stage).toBe('prod');
  });

  it.each([['Prod'], ['a_b'], ['1dev']])('rejects the stage name %s', (stage) => {
    expect(() => readAppConfig(new App({ context: { stage } }), {})).toThrow(/stage/);
  });

  it('rejects an unknown table encryption', () => {
    expect(() => readAppConfig(new App({ context: { tableEncryption: 'none' } }), {})).toThrow(/tableEncryption/);
  });
});
