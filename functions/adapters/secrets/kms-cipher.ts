import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import type { EncryptionContext, SecretCipher } from '@cc/shared/tenancy/ports';

/**
 * Channel secrets encrypted with a customer-managed KMS key and an `EncryptionContext`; stored
 * `kms:v2:<base64>`. `kms:v1:` ciphertexts predate the context and decrypt without one.
 */
export class KmsSecretCipher implements SecretCipher {
  constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
  ) {}

  async encrypt(plaintext: string, context: EncryptionContext) {
    const { CiphertextBlob } = await this.kms.send(new EncryptCommand({ KeyId: this.keyId, Plaintext: Buffer.from(plaintext, 'utf8'), EncryptionContext: { ...context } }));
    return `kms:v2:${Buffer.from(CiphertextBlob!).toString('base64')}`;
  }

  async decrypt(ciphertext: string, context: EncryptionContext) {
    const legacy = ciphertext.startsWith('kms:v1:');
    const blob = Buffer.from(ciphertext.replace(/^kms:v[12]:/, ''), 'base64');
    const { Plaintext } = await this.kms.send(new DecryptCommand({ CiphertextBlob: blob, KeyId: this.keyId, ...(legacy ? {} : { EncryptionContext: { ...context } }) }));
    return Buffer.from(Plaintext!).toString('utf8');
  }
}
