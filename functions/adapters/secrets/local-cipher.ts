import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EncryptionContext, SecretCipher } from '@cc/shared/tenancy/ports';

/** The context as associated data: sorted keys, so the same context always gives the same bytes. */
function associatedData(context: EncryptionContext): Buffer {
  return Buffer.from(JSON.stringify(Object.keys(context).sort().map((k) => [k, context[k]])), 'utf8');
}

/**
 * AES-256-GCM with a key kept in a local file (`.data/`), the local stand-in for KMS.
 * Ciphertext format: `local:v2:<iv>.<tag>.<data>` in base64url, the encryption context as AAD.
 * `local:v1:` ciphertexts (written before the context existed) still decrypt, without AAD.
 */
export class LocalSecretCipher implements SecretCipher {
  private constructor(private readonly key: Buffer) {}

  /** Loads the key from `keyFile`, creating it on first use; without a file the key is ephemeral. */
  static fromKeyFile(keyFile?: string): LocalSecretCipher {
    if (keyFile && existsSync(keyFile)) return new LocalSecretCipher(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64url'));
    const key = randomBytes(32);
    if (keyFile) {
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, key.toString('base64url'), { mode: 0o600 });
    }
    return new LocalSecretCipher(key);
  }

  async encrypt(plaintext: string, context: EncryptionContext) {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(associatedData(context));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `local:v2:${[iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.')}`;
  }

  async decrypt(ciphertext: string, context: EncryptionContext) {
    const legacy = ciphertext.startsWith('local:v1:');
    const [iv, tag, data] = ciphertext.replace(/^local:v[12]:/, '').split('.').map((part) => Buffer.from(part, 'base64url'));
    if (!iv || !tag || !data) throw new Error('Not a local ciphertext');
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    if (!legacy) decipher.setAAD(associatedData(context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  }
}
