import type { Channel, PhoneNumber, Tenant, User } from './model.ts';
import type { LoginClaim } from '../users/ports.ts';

/** Tenants, users, channels and phone numbers. Every read is scoped by tenant except the lookups that webhooks and login need. */
export interface DirectoryRepository {
  getTenant(tenantId: string): Promise<Tenant | undefined>;
  /** @throws ConflictError if the tenant exists and `overwrite` is false. */
  putTenant(tenant: Tenant, options?: { overwrite?: boolean }): Promise<void>;
  getUser(tenantId: string, userId: string): Promise<User | undefined>;
  findUserByLogin(login: string): Promise<User | undefined>;
  /**
   * Creates or replaces a user. With `ifChallenge`, only while the stored user still has that pending
   * password challenge (a challenge answers once). @throws ConflictError when it has not.
   */
  putUser(user: User, options?: { ifChallenge?: string }): Promise<void>;
  /** Takes `claim.login` for a tenant, or answers the claim already holding it (to resume, or to refuse a duplicate). */
  claimLogin(claim: LoginClaim): Promise<{ claim: LoginClaim; created: boolean }>;
  /** Records that the claim's user exists. */
  completeLoginClaim(login: string, userId: string): Promise<void>;
  listUsers(tenantId: string): Promise<User[]>;
  getChannel(tenantId: string, channelId: string): Promise<Channel | undefined>;
  /** Webhook lookup: the path carries only the channel id. */
  findChannel(channelId: string): Promise<Channel | undefined>;
  putChannel(channel: Channel): Promise<void>;
  listChannels(tenantId: string): Promise<Channel[]>;
  putPhoneNumber(phone: PhoneNumber): Promise<void>;
  listPhoneNumbers(tenantId: string): Promise<PhoneNumber[]>;
  findPhoneNumber(e164: string): Promise<PhoneNumber | undefined>;
}

/** What a ciphertext is bound to (KMS `EncryptionContext`, AES-GCM associated data): moved elsewhere, it fails to decrypt. */
export type EncryptionContext = Readonly<Record<string, string>>;

/** The context of a channel's secrets: a ciphertext copied to another channel or tenant does not decrypt. */
export function channelSecretContext(tenantId: string, channelId: string): EncryptionContext {
  return { tenantId, channelId };
}

/** The context of a tenant's widget visitor-token signing key, distinct from any channel's. */
export function widgetKeyContext(tenantId: string): EncryptionContext {
  return { tenantId, purpose: 'widget-visitor-key' };
}

/** Encrypts channel secrets at rest (KMS in AWS, a local key file locally), bound to an encryption context. */
export interface SecretCipher {
  encrypt(plaintext: string, context: EncryptionContext): Promise<string>;
  /** @throws Error when the ciphertext was not produced by this cipher's key or under this context. */
  decrypt(ciphertext: string, context: EncryptionContext): Promise<string>;
}
