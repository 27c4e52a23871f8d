import type { Channel, PhoneNumber, Tenant, User } from '@cc/shared/tenancy/model';
import type { DirectoryRepository } from '@cc/shared/tenancy/ports';
import type { LoginClaim } from '@cc/shared/users/ports';
import { ConflictError } from '@cc/shared/errors';
import { keys } from '@cc/shared/db/keys';
import type { DynamoTable } from './table.ts';

/** Tenants, users, channels and phone numbers in the single table. */
export class DynamoDirectoryRepository implements DirectoryRepository {
  constructor(private readonly table: DynamoTable) {}

  getTenant(tenantId: string) {
    return this.table.get<Tenant>(keys.tenant(tenantId));
  }

  putTenant(tenant: Tenant, options: { overwrite?: boolean } = {}) {
    return this.table.put('tenant', { ...tenant, ...keys.tenant(tenant.tenantId) }, options.overwrite ? undefined : { expression: 'attribute_not_exists(pk)' });
  }

  getUser(tenantId: string, userId: string) {
    return this.table.get<User>(keys.user(tenantId, userId));
  }

  async findUserByLogin(login: string) {
    const { gsi1pk } = keys.userLogin(login);
    const [user] = await this.table.queryAll<User>({ index: 'gsi1', pk: gsi1pk });
    return user;
  }

  putUser(user: User, options: { ifChallenge?: string } = {}) {
    const condition = options.ifChallenge === undefined ? undefined : { expression: 'passwordChallenge.sessionHash = :hash', ExpressionAttributeValues: { ':hash': options.ifChallenge } };
    return this.table.put('user', { ...user, ...keys.user(user.tenantId, user.userId), ...keys.userLogin(user.login) }, condition);
  }

  async claimLogin(claim: LoginClaim) {
    try {
      await this.table.put('loginClaim', { ...claim, ...keys.loginClaim(claim.login) }, { expression: 'attribute_not_exists(pk)' });
      return { claim, created: true };
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const held = await this.table.get<LoginClaim>(keys.loginClaim(claim.login));
      // Deleted between the two calls is not something we do; answer as taken.
      return { claim: held ?? claim, created: false };
    }
  }

  async completeLoginClaim(login: string, userId: string) {
    const claim = await this.table.get<LoginClaim>(keys.loginClaim(login));
    if (claim) await this.table.put('loginClaim', { ...claim, userId, ...keys.loginClaim(login) });
  }

  listUsers(tenantId: string) {
    return this.table.queryAll<User>(keys.usersOfTenant(tenantId));
  }

  getChannel(tenantId: string, channelId: string) {
    return this.table.get<Channel>(keys.channel(tenantId, channelId));
  }

  async findChannel(channelId: string) {
    const [channel] = await this.table.queryAll<Channel>({ index: 'gsi1', pk: keys.channelLookup(channelId).gsi1pk });
    return channel;
  }

  putChannel(channel: Channel) {
    return this.table.put('channel', { ...channel, ...keys.channel(channel.tenantId, channel.channelId), ...keys.channelLookup(channel.channelId) });
  }

  listChannels(tenantId: string) {
    return this.table.queryAll<Channel>(keys.channelsOfTenant(tenantId));
  }

  putPhoneNumber(phone: PhoneNumber) {
    return this.table.put('phoneNumber', { ...phone, ...keys.phoneNumber(phone.tenantId, phone.e164), ...keys.phoneNumberLookup(phone.e164) });
  }

  listPhoneNumbers(tenantId: string) {
    return this.table.queryAll<PhoneNumber>(keys.phoneNumbersOfTenant(tenantId));
  }

  async findPhoneNumber(e164: string) {
    const [phone] = await this.table.queryAll<PhoneNumber>({ index: 'gsi1', pk: keys.phoneNumberLookup(e164).gsi1pk });
    return phone;
  }
}
