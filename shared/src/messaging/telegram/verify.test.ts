import { describe, expect, it } from 'vitest';
import { readWireSample } from '../testing/wire.ts';
import { TELEGRAM_SECRET_HEADER, verifyTelegramSecretToken } from './verify.ts';

interface SecretTokenSample {
  request: { headers: Record<string, string>; rawBody: string };
  configuredSecretToken: string;
  expected: { accept: boolean };
}

describe('verifyTelegramSecretToken', () => {
  const sample = readWireSample<SecretTokenSample>('telegram/webhook-request-secret-token.json');

  it('accepts the documented request whose header equals the configured secret', () => {
    // Arrange
    const header = sample.request.headers[TELEGRAM_SECRET_HEADER];

    // Act
    const accepted = verifyTelegramSecretToken(header, sample.configuredSecretToken);

    // Assert
    expect(accepted).toBe(sample.expected.accept);
    expect(accepted).toBe(true);
  });

  it('rejects a forged token of the same length', () => {
    // Arrange
    const forged = sample.configuredSecretToken.replace(/.$/, (last) => (last === 'x' ? 'y' : 'x'));

    // Act
    const accepted = verifyTelegramSecretToken(forged, sample.configuredSecretToken);

    // Assert
    expect(accepted).toBe(false);
  });

  it('rejects a token of a different length without throwing', () => {
    // Act
    const accepted = verifyTelegramSecretToken(`${sample.configuredSecretToken}-extra`, sample.configuredSecretToken);

    // Assert
    expect(accepted).toBe(false);
  });

  it('rejects a request without the header', () => {
    // Act
    const accepted = verifyTelegramSecretToken(undefined, sample.configuredSecretToken);

    // Assert
    expect(accepted).toBe(false);
  });

  it('rejects everything when the channel has no secret configured', () => {
    // Act
    const accepted = verifyTelegramSecretToken('', '');

    // Assert
    expect(accepted).toBe(false);
  });
});
