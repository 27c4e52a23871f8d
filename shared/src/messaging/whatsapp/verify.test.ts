import { describe, expect, it } from 'vitest';
import { readWireSample } from '../testing/wire.ts';
import { answerWhatsAppVerification, verifyWhatsAppSignature, WHATSAPP_SIGNATURE_HEADER } from './verify.ts';

interface SignedSample {
  appSecret: string;
  request: { headers: Record<string, string>; rawBody: string };
  expected: { signatureValid: boolean };
}

describe('verifyWhatsAppSignature', () => {
  const valid = readWireSample<SignedSample>('whatsapp/signed-request-valid.json');
  const invalid = readWireSample<SignedSample>('whatsapp/signed-request-invalid.json');

  it('accepts the documented request signed with the app secret', () => {
    // Act
    const accepted = verifyWhatsAppSignature(
      valid.request.rawBody,
      valid.request.headers[WHATSAPP_SIGNATURE_HEADER],
      valid.appSecret,
    );

    // Assert
    expect(accepted).toBe(valid.expected.signatureValid);
    expect(accepted).toBe(true);
  });

  it('accepts the same request given as raw UTF-8 bytes', () => {
    // Act
    const accepted = verifyWhatsAppSignature(
      Buffer.from(valid.request.rawBody, 'utf8'),
      valid.request.headers[WHATSAPP_SIGNATURE_HEADER],
      valid.appSecret,
    );

    // Assert
    expect(accepted).toBe(true);
  });

  it('rejects the documented request signed with another secret', () => {
    // Act
    const accepted = verifyWhatsAppSignature(
      invalid.request.rawBody,
      invalid.request.headers[WHATSAPP_SIGNATURE_HEADER],
      invalid.appSecret,
    );

    // Assert
    expect(accepted).toBe(invalid.expected.signatureValid);
    expect(accepted).toBe(false);
  });

  it('rejects a body altered after signing', () => {
    // Arrange
    const tampered = valid.request.rawBody.replace('курьер', 'кypьep');

    // Act
    const accepted = verifyWhatsAppSignature(tampered, valid.request.headers[WHATSAPP_SIGNATURE_HEADER], valid.appSecret);

    // Assert
    expect(accepted).toBe(false);
  });

  it('rejects a missing header, a header without the sha256= prefix and a truncated signature', () => {
    // Arrange
    const header = valid.request.headers[WHATSAPP_SIGNATURE_HEADER] ?? '';

    // Act
    const results = [
      verifyWhatsAppSignature(valid.request.rawBody, undefined, valid.appSecret),
      verifyWhatsAppSignature(valid.request.rawBody, header.slice('sha256='.length), valid.appSecret),
      verifyWhatsAppSignature(valid.request.rawBody, header.slice(0, -2), valid.appSecret),
    ];

    // Assert
    expect(results).toEqual([false, false, false]);
  });
});

describe('answerWhatsAppVerification', () => {
  const sample = readWireSample<{
    request: { query: Record<string, string> };
    configuredVerifyToken: string;
    expected: { body: string };
  }>('whatsapp/verify-get-request.json');

  it('echoes hub.challenge when the verify token matches', () => {
    // Act
    const answer = answerWhatsAppVerification(sample.request.query, sample.configuredVerifyToken);

    // Assert
    expect(answer).toBe(sample.expected.body);
    expect(answer).toBe('1158201444');
  });

  it('refuses a subscription with a wrong verify token', () => {
    // Act
    const answer = answerWhatsAppVerification(
      { ...sample.request.query, 'hub.verify_token': 'guess' },
      sample.configuredVerifyToken,
    );

    // Assert
    expect(answer).toBeUndefined();
  });
});
