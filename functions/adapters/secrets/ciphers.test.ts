import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KmsSecretCipher } from './kms-cipher.ts';
import { LocalSecretCipher } from './local-cipher.ts';

const kms = mockClient(KMSClient);
afterEach(() => kms.reset());

describe('LocalSecretCipher', () => {
  it('round-trips a secret without leaving it readable', async () => {
    // Arrange
    const cipher = LocalSecretCipher.fromKeyFile();
    // Act
    const sealed = await cipher.encrypt('bot-token-123');
    // Assert
    expect(sealed).not.toContain('bot-token-123');
    expect(await cipher.decrypt(sealed)).toBe('bot-token-123');
  });

  it('keeps its key in the key file, so secrets survive a restart', async () => {
    // Arrange
    const keyFile = join(mkdtempSync(join(tmpdir(), 'cipher-')), 'secrets.key');
    const sealed = await LocalSecretCipher.fromKeyFile(keyFile).encrypt('s3cret');
    // Act
    const reopened = await LocalSecretCipher.fromKeyFile(keyFile).decrypt(sealed);
    // Assert
    expect(reopened).toBe('s3cret');
  });

  it('refuses ciphertext sealed with another key', async () => {
    // Arrange
    const sealed = await LocalSecretCipher.fromKeyFile().encrypt('s3cret');
    // Act / Assert
    await expect(LocalSecretCipher.fromKeyFile().decrypt(sealed)).rejects.toThrow();
  });
});

describe('KmsSecretCipher', () => {
  it('encrypts with the configured key and decrypts the stored blob', async () => {
    // Arrange
    kms.on(EncryptCommand).resolves({ CiphertextBlob: Buffer.from('blob') });
    kms.on(DecryptCommand).resolves({ Plaintext: Buffer.from('token') });
    const cipher = new KmsSecretCipher(new KMSClient({ region: 'eu-central-1' }), 'alias/cc-secrets');
    // Act
    const sealed = await cipher.encrypt('token');
    const opened = await cipher.decrypt(sealed);
    // Assert
    expect(kms.commandCalls(EncryptCommand)[0]!.args[0].input.KeyId).toBe('alias/cc-secrets');
    expect(Buffer.from(kms.commandCalls(DecryptCommand)[0]!.args[0].input.CiphertextBlob!).toString()).toBe('blob');
    expect(opened).toBe('token');
  });
});
