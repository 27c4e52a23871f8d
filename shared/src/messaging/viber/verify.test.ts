import { describe, expect, it } from 'vitest';
import { hmacSha256Hex } from '../signature.ts';
import { readWireSample } from '../testing/wire.ts';
import { VIBER_SIGNATURE_HEADER, verifyViberSignature } from './verify.ts';

interface SignedSample {
  authToken: string;
  request: { headers: Record<string, string>; rawBody: string };
  expected: { signatureValid: boolean };
}

describe('verifyViberSignature', () => {
  const sample = readWireSample<SignedSample>('viber/signed-request-valid.json');
  const signature = sample.request.headers[VIBER_SIGNATURE_HEADER];

  it('accepts the documented request signed with the bot auth token', () => {
    // Act
    const accepted = verifyViberSignature(sample.request.rawBody, signature, sample.authToken);

    // Assert
    expect(accepted).toBe(sample.expected.signatureValid);
    expect(accepted).toBe(true);
  });

  it('rejects the same body signed with another token', () => {
    // Arrange
    const forged = hmacSha256Hex('another-bot-token', sample.request.rawBody);

    // Act
    const accepted = verifyViberSignature(sample.request.rawBody, forged, sample.authToken);

    // Assert
    expect(accepted).toBe(false);
  });

  it('rejects a body re-serialised after parsing', () => {
    // Arrange
    const reserialised = JSON.stringify(JSON.parse(sample.request.rawBody));

    // Act
    const accepted = verifyViberSignature(reserialised, signature, sample.authToken);

    // Assert
    expect(accepted).toBe(false);
  });

  it('rejects a missing or malformed signature header', () => {
    // Act
    const results = [
      verifyViberSignature(sample.request.rawBody, undefined, sample.authToken),
      verifyViberSignature(sample.request.rawBody, 'not-hex', sample.authToken),
      verifyViberSignature(sample.request.rawBody, `sha256=${signature}`, sample.authToken),
    ];

    // Assert
    expect(results).toEqual([false, false, false]);
  });
});
