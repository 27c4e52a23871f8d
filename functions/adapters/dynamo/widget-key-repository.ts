import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@cc/shared/db/keys';
import type { WidgetKeyRepository } from '@cc/shared/widget/ports';
import type { DynamoTable } from './table.ts';

/** One item per tenant; created once with a conditional put, so two cold starts agree on one key. */
export class DynamoWidgetKeyRepository implements WidgetKeyRepository {
  constructor(private readonly table: DynamoTable) {}

  async get(tenantId: string) {
    const { Item } = await this.table.documents.send(new GetCommand({ TableName: this.table.tableName, Key: keys.widgetSigningKey(tenantId), ConsistentRead: true }));
    return typeof Item?.['encryptedKey'] === 'string' ? Item['encryptedKey'] : undefined;
  }

  /** @throws ConflictError when the tenant has a key already. */
  create(tenantId: string, encryptedKey: string, at: string) {
    return this.table.put('widgetKey', { ...keys.widgetSigningKey(tenantId), tenantId, encryptedKey, createdAt: at }, { expression: 'attribute_not_exists(pk)' });
  }
}
