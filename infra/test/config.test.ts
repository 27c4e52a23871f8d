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
    expect('voice' in config && config.voice).toBe(undefined);
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

  describe('voice', () => {
    const voiceOf = (context: Record<string, unknown>) => readAppConfig(new App({ context }), {}).voice;

    it('is off unless voice=true', () => {
      expect(voiceOf({})).toBeUndefined();
      expect(voiceOf({ voice: 'false', voicePhoneNumber: '+12065550143' })).toBeUndefined();
    });

    it('takes the phone number and a recording retention of 90 days by default', () => {
      expect(voiceOf({ voice: 'true', voicePhoneNumber: '+12065550143' })).toEqual({ phoneNumber: '+12065550143', recordingRetentionDays: 90 });
      // `cdk.json` context may hold a real boolean and number.
      expect(voiceOf({ voice: true, voicePhoneNumber: '+12065550143', voiceRecordingRetentionDays: 30 })).toEqual({ phoneNumber: '+12065550143', recordingRetentionDays: 30 });
    });

    it('fails without a phone number, naming the context key and why it is not ordered', () => {
      expect(() => voiceOf({ voice: 'true' })).toThrow(/"voice=true" needs "voicePhoneNumber".*never orders numbers/);
    });

    it.each([['12065550143'], ['+0123456789'], ['+1 206 555 0143']])('rejects the phone number %s', (voicePhoneNumber) => {
      expect(() => voiceOf({ voice: 'true', voicePhoneNumber })).toThrow(/voicePhoneNumber/);
    });

    it.each([['yes'], ['1']])('rejects voice=%s', (voice) => {
      expect(() => voiceOf({ voice, voicePhoneNumber: '+12065550143' })).toThrow(/"voice" must be/);
    });

    it.each([['0'], ['1.5'], ['ninety']])('rejects a recording retention of %s days', (days) => {
      expect(() => voiceOf({ voice: 'true', voicePhoneNumber: '+12065550143', voiceRecordingRetentionDays: days })).toThrow(/voiceRecordingRetentionDays/);
    });
  });

  it('takes the Chime SDK meetings region from context and checks it', () => {
    expect(readAppConfig(new App({ context: { chimeMeetingsRegion: 'us-east-1' } }), {}).chimeMeetingsRegion).toBe('us-east-1');
    expect(readAppConfig(new App(), {}).chimeMeetingsRegion).toBeUndefined();
    expect(() => readAppConfig(new App({ context: { chimeMeetingsRegion: 'mars' } }), {})).toThrow(/chimeMeetingsRegion/);
  });
});
