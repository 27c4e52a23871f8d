import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KmsSecretCipher } from './kms-cipher.ts';
import { channelSecretContext, widgetKeyContext } from '@cc/shared/tenancy/ports';
import { LocalSecretCipher } from './local-cipher.ts';

const A = channelSecretContext('acme', 'tg-a');
const B = channelSecretContext('acme', 'tg-b');

const kms = mockClient(KMSClient);
afterEach(() => kms.reset());
// Unit test files share a worker's modules (isolate: false): leave the real client behind.
afterAll(() => kms.restore());

describe('LocalSecretCipher', () => {
  it('round-trips a secret without leaving it readable', async () => {
    // Arrange
    const cipher = LocalSecretCipher.fromKeyFile();
    // Act
    const sealed = await cipher.encrypt('bot-token-123', A);
    // Assert
    expect(sealed).not.toContain('bot-token-123');
    expect(await cipher.decrypt(sealed, A)).toBe('bot-token-123');
  });

  it('keeps its key in the key file, so secrets survive a restart', async () => {
    // Arrange
    const keyFile = join(mkdtempSync(join(tmpdir(), 'cipher-')), 'secrets.key');
    const sealed = await LocalSecretCipher.fromKeyFile(keyFile).encrypt('s3cret', A);
    // Act
    const reopened = await LocalSecretCipher.fromKeyFile(keyFile).decrypt(sealed, A);
    // Assert
    expect(reopened).toBe('s3cret');
  });

  it('refuses ciphertext sealed with another key', async () => {
    // Arrange
    const sealed = await LocalSecretCipher.fromKeyFile().encrypt('s3cret', A);
    // Act / Assert
    await expect(LocalSecretCipher.fromKeyFile().decrypt(sealed, A)).rejects.toThrow();
  });

  it('refuses a ciphertext moved to another channel, tenant or purpose', async () => {
    // Arrange
    const cipher = LocalSecretCipher.fromKeyFile();
    const sealed = await cipher.encrypt('s3cret', A);
    // Act / Assert
    await expect(cipher.decrypt(sealed, B)).rejects.toThrow();
    await expect(cipher.decrypt(sealed, channelSecretContext('other', 'tg-a'))).rejects.toThrow();
    await expect(cipher.decrypt(sealed, widgetKeyContext('acme'))).rejects.toThrow();
    expect(await cipher.decrypt(sealed, A)).toBe('s3cret');
  });

  it('still opens a v1 ciphertext written before the context existed (existing .data/)', async () => {
    // Arrange: a v1 ciphertext is AES-GCM without associated data under the same key.
    const keyFile = join(mkdtempSync(join(tmpdir(), 'cipher-')), 'secrets.key');
    const cipher = LocalSecretCipher.fromKeyFile(keyFile);
    const { createCipheriv, randomBytes } = await import('node:crypto');
    const iv = randomBytes(12);
    const gcm = createCipheriv('aes-256-gcm', Buffer.from((await import('node:fs')).readFileSync(keyFile, 'utf8'), 'base64url'), iv);
    const data = Buffer.concat([gcm.update('legacy', 'utf8'), gcm.final()]);
    const v1 = `local:v1:${[iv, gcm.getAuthTag(), data].map((b) => b.toString('base64url')).join('.')}`;
    // Act / Assert
    expect(await cipher.decrypt(v1, A)).toBe('legacy');
  });
});

describe('KmsSecretCipher', () => {
  it('encrypts with the configured key and decrypts the stored blob', async () => {
    // Arrange
    kms.on(EncryptCommand).resolves({ CiphertextBlob: Buffer.from('blob') });
    kms.on(DecryptCommand).resolves({ Plaintext: Buffer.from('token') });
    const cipher = new KmsSecretCipher(new KMSClient({ region: 'eu-central-1' }), 'alias/cc-secrets');
    // Act
    const sealed = await cipher.encrypt('token', A);
    const opened = await cipher.decrypt(sealed, A);
    // Assert
    expect(kms.commandCalls(EncryptCommand)[0]!.args[0].input.KeyId).toBe('alias/cc-secrets');
    expect(Buffer.from(kms.commandCalls(DecryptCommand)[0]!.args[0].input.CiphertextBlob!).toString()).toBe('blob');
    expect(opened).toBe('token');
  });

  it('binds the ciphertext to the channel: the context goes to KMS on encrypt and on decrypt', async () => {
    // Arrange
    kms.on(EncryptCommand).resolves({ CiphertextBlob: Buffer.from('blob') });
    kms.on(DecryptCommand).resolves({ Plaintext: Buffer.from('token') });
    const cipher = new KmsSecretCipher(new KMSClient({ region: 'eu-central-1' }), 'alias/cc-secrets');
    // Act
    await cipher.decrypt(await cipher.encrypt('token', A), B);
    // Assert: KMS itself refuses a Decrypt whose context differs from the Encrypt's.
    expect(kms.commandCalls(EncryptCommand)[0]!.args[0].input.EncryptionContext).toEqual({ tenantId: 'acme', channelId: 'tg-a' });
    expect(kms.commandCalls(DecryptCommand)[0]!.args[0].input.EncryptionContext).toEqual({ tenantId: 'acme', channelId: 'tg-b' });
  });

  it('decrypts a legacy kms:v1 ciphertext without a context', async () => {
    // Arrange
    kms.on(DecryptCommand).resolves({ Plaintext: Buffer.from('token') });
    const cipher = new KmsSecretCipher(new KMSClient({ region: 'eu-central-1' }), 'alias/cc-secrets');
    // Act
    await cipher.decrypt(`kms:v1:${Buffer.from('blob').toString('base64')}`, A);
    // Assert
    expect(kms.commandCalls(DecryptCommand)[0]!.args[0].input.EncryptionContext).toBeUndefined();
  });
});
