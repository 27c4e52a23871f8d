import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import type { SecretCipher } from '@cc/shared/tenancy/ports';

/** Channel secrets encrypted with a customer-managed KMS key; the ciphertext is stored base64. */
export class KmsSecretCipher implements SecretCipher {
  constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
  ) {}

  async encrypt(plaintext: string) {
    const { CiphertextBlob } = await this.kms.send(new EncryptCommand({ KeyId: this.keyId, Plaintext: Buffer.from(plaintext, 'utf8') }));
    return `kms:v1:${Buffer.from(CiphertextBlob!).toString('base64')}`;
  }

  async decrypt(ciphertext: string) {
    const blob = Buffer.from(ciphertext.replace(/^kms:v1:/, ''), 'base64');
    const { Plaintext } = await this.kms.send(new DecryptCommand({ CiphertextBlob: blob, KeyId: this.keyId }));
    return Buffer.from(Plaintext!).toString('utf8');
  }
}
