import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AnalyticsSettingsRepository, ConversationAlertRepository } from '@cc/shared/analytics/ports';
import type { AnalyticsSettings } from '@cc/shared/analytics/settings';
import type { ConversationAlert } from '@cc/shared/analytics/values';
import { ConflictError } from '@cc/shared/errors';
import { keys } from '@cc/shared/db/keys';
import { setOnce } from './set-once.ts';
import { fromItem, type DynamoTable } from './table.ts';

/** Alerts stay readable for the bell and the history this long, then DynamoDB's TTL removes them. */
const ALERT_RETENTION_SECONDS = 90 * 86_400;

/** The tenant's analytics settings, one item written on its `version`. */
export class DynamoAnalyticsSettingsRepository implements AnalyticsSettingsRepository {
  constructor(private readonly table: DynamoTable) {}

  get(tenantId: string) {
    return this.table.get<AnalyticsSettings>(keys.analyticsSettings(tenantId));
  }

  async save(settings: AnalyticsSettings, expectedVersion: number) {
    const condition = expectedVersion === 0
      ? { expression: 'attribute_not_exists(pk)' }
      : { expression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } };
    await this.table.put('analyticsSettings', { ...settings, ...keys.analyticsSettings(settings.tenantId) }, condition).catch((error: unknown) => {
      throw error instanceof ConflictError ? new ConflictError('The analytics settings were changed by someone else; reload them', { reason: 'settings_changed' }, { cause: error }) : error;
    });
  }
}

/** Conversation alerts beside their contacts (one per trigger: the key is the idempotency), listed through gsi1. */
export class DynamoConversationAlertRepository implements ConversationAlertRepository {
  constructor(private readonly table: DynamoTable) {}

  async raise(alert: ConversationAlert) {
    const item = { ...alert, ...keys.conversationAlert(alert.tenantId, alert.contactId, alert.trigger), ...keys.conversationAlertListed(alert.tenantId, alert.at, alert.alertId), expiresAt: Math.floor(Date.parse(alert.at) / 1000) + ALERT_RETENTION_SECONDS };
    try {
      await this.table.put('conversationAlert', item, { expression: 'attribute_not_exists(pk)' });
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }

  async list(tenantId: string, limit: number) {
    const { Items } = await this.table.documents.send(new QueryCommand({
      TableName: this.table.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.conversationAlertsOf(tenantId).gsi1pk },
      ScanIndexForward: false,
      Limit: limit,
    }));
    return (Items ?? []).map((item) => fromItem<ConversationAlert>(item)!);
  }

  async recordDeliveries(alert: ConversationAlert, deliveries: NonNullable<ConversationAlert['deliveries']>) {
    return setOnce(this.table, keys.conversationAlert(alert.tenantId, alert.contactId, alert.trigger), 'deliveries', deliveries);
  }
}
