import type { Channel, PhoneNumber, Tenant, User } from './model.ts';

/** Tenants, users, channels and phone numbers. Every read is scoped by tenant except the lookups that webhooks and login need. */
export interface DirectoryRepository {
  getTenant(tenantId: string): Promise<Tenant | undefined>;
  /** @throws ConflictError if the tenant exists and `overwrite` is false. */
  putTenant(tenant: Tenant, options?: { overwrite?: boolean }): Promise<void>;
  getUser(tenantId: string, userId: string): Promise<User | undefined>;
  findUserByLogin(login: string): Promise<User | undefined>;
  putUser(user: User): Promise<void>;
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

/** Encrypts channel secrets at rest (KMS in AWS, a local key file locally). */
export interface SecretCipher {
  encrypt(plaintext: string): Promise<string>;
  /** @throws Error when the ciphertext was not produced by this cipher's key. */
  decrypt(ciphertext: string): Promise<string>;
}
