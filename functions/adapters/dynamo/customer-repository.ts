import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Contact } from '@cc/shared/contacts/model';
import type { Customer, CustomerSighting, UpdateCustomerNotes } from '@cc/shared/customers/model';
import type { CustomerRepository } from '@cc/shared/customers/ports';
import type { CustomerMerge } from '@cc/shared/customers/access';
import { keys } from '@cc/shared/db/keys';
import { ConflictError, NotFoundError } from '@cc/shared/errors';
import { fromItem, type DynamoTable } from './table.ts';

const PROFILE_FIELDS = ['name', 'username', 'phone', 'email', 'language', 'avatarUrl', 'country'] as const;

/** Customers under their own key, found by phone through gsi1; their contacts through gsi3. */
export class DynamoCustomerRepository implements CustomerRepository {
  constructor(private readonly table: DynamoTable) {}

  /** One UpdateItem: creates on first sight, then only sets the profile fields this sighting carries. */
  async recordSighting(sighting: CustomerSighting) {
    // Every attribute goes through a placeholder: `name`, `language`, `country` are reserved words.
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets: string[] = [];
    const set = (attribute: string, value: unknown, onlyIfAbsent = false) => {
      names[`#${attribute}`] = attribute;
      values[`:${attribute}`] = value;
      sets.push(onlyIfAbsent ? `#${attribute} = if_not_exists(#${attribute}, :${attribute})` : `#${attribute} = :${attribute}`);
    };
    set('entity', 'customer');
    set('tenantId', sighting.tenantId);
    set('customerId', sighting.customerId);
    set('channel', sighting.channel);
    set('channelId', sighting.channelId);
    set('externalId', sighting.externalId);
    set('createdAt', sighting.at, true);
    set('updatedAt', sighting.at);
    set('linkedCustomerIds', [], true);
    set('version', 0, true);
    for (const field of PROFILE_FIELDS) {
      const value = sighting.profile[field];
      if (value !== undefined && value !== '') set(field, value);
    }
    if (sighting.profile.phone) {
      const index = keys.customerPhone(sighting.tenantId, sighting.profile.phone, sighting.customerId);
      set('gsi1pk', index.gsi1pk);
      set('gsi1sk', index.gsi1sk);
    }
    await this.table.documents.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: keys.customer(sighting.tenantId, sighting.customerId),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  }

  async get(tenantId: string, customerId: string) {
    const { Item } = await this.table.documents.send(new GetCommand({ TableName: this.table.tableName, Key: keys.customer(tenantId, customerId), ConsistentRead: true }));
    return fromItem<Customer>(Item);
  }

  /** One UpdateItem on an existing customer; the version moves on, so a merge read before it retries. */
  async updateNotes(tenantId: string, customerId: string, patch: UpdateCustomerNotes, at: string) {
    const sets = ['updatedAt = :at', '#version = #version + :one'];
    const values: Record<string, unknown> = { ':at': at, ':one': 1 };
    if (patch.notes !== undefined) {
      sets.push('notes = :notes');
      values[':notes'] = patch.notes;
    }
    if (patch.tags !== undefined) {
      sets.push('tags = :tags');
      values[':tags'] = patch.tags;
    }
    try {
      const { Attributes } = await this.table.documents.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.customer(tenantId, customerId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return fromItem<Customer>(Attributes)!;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new NotFoundError('Customer', customerId);
      throw error;
    }
  }

  listByPhone(tenantId: string, phone: string) {
    return this.table.queryAll<Customer>({ index: 'gsi1', pk: keys.customersWithPhone(tenantId, phone).gsi1pk });
  }

  async saveLinks(changed: readonly Customer[], merge?: CustomerMerge) {
    if (changed.length === 0) return;
    // The record goes under both customers, in the links' transaction: no merge without its record.
    const records = merge
      ? [merge.customerId, merge.otherCustomerId].map((customerId) => ({
          Put: { TableName: this.table.tableName, Item: { ...merge, entity: 'customerMerge', ...keys.customerMerge(merge.tenantId, customerId, merge.at, merge.mergeId) } },
        }))
      : [];
    try {
      await this.table.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            ...changed.map((customer) => ({
            Update: {
              TableName: this.table.tableName,
              Key: keys.customer(customer.tenantId, customer.customerId),
              UpdateExpression: 'SET linkedCustomerIds = :links, updatedAt = :at, #version = :next',
              ConditionExpression: '#version = :expected',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':links': customer.linkedCustomerIds, ':at': customer.updatedAt, ':next': customer.version, ':expected': customer.version - 1 },
            },
            })),
            ...records,
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw new ConflictError('A customer changed meanwhile', {}, { cause: error });
      throw error;
    }
  }

  listMerges(tenantId: string, customerId: string) {
    return this.table.queryAll<CustomerMerge>({ pk: keys.customer(tenantId, customerId).pk, skPrefix: 'MERGE#' });
  }

  listContacts(tenantId: string, customerId: string) {
    return this.table.queryAll<Contact>({ index: 'gsi3', pk: keys.customerItems(tenantId, customerId).gsi3pk, skPrefix: 'CONTACT#' });
  }
}
