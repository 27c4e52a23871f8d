import { DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AlertRule } from '@cc/shared/alerts/model';
import type { AlertNotice, NoticeDelivery } from '@cc/shared/alerts/notice';
import type { AlertRepository } from '@cc/shared/alerts/ports';
import { keys } from '@cc/shared/db/keys';
import { setOnce } from './set-once.ts';
import { fromItem, translateConflict, type DynamoTable } from './table.ts';

/** Notices are the bell's history and the record of what was sent; kept a quarter. */
const NOTICE_RETENTION_SECONDS = 90 * 86_400;

/**
 * Alert rules in the tenant's rule partition (docs/data-model.md, pattern 43), each write conditional on the
 * version it read; a crossing's notice is written in the same transaction as the rule's new state, so a notice is
 * sent for exactly the evaluations that won.
 */
export class DynamoAlertRepository implements AlertRepository {
  constructor(private readonly table: DynamoTable) {}

  list(tenantId: string) {
    return this.table.queryAll<AlertRule>(keys.alertRulesOf(tenantId));
  }

  get(tenantId: string, alertId: string) {
    return this.table.get<AlertRule>(keys.alertRule(tenantId, alertId));
  }

  create(rule: AlertRule) {
    return this.table.put('alertRule', { ...rule, ...keys.alertRule(rule.tenantId, rule.alertId) }, { expression: 'attribute_not_exists(pk)' });
  }

  async save(rule: AlertRule, expectedVersion: number, notice?: AlertNotice): Promise<void> {
    const TableName = this.table.tableName;
    const put = { TableName, Item: { ...rule, ...keys.alertRule(rule.tenantId, rule.alertId), entity: 'alertRule' }, ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expectedVersion } };
    try {
      if (!notice) {
        await this.table.documents.send(new TransactWriteCommand({ TransactItems: [{ Put: put }] }));
        return;
      }
      const expiresAt = Math.floor(Date.parse(notice.at) / 1000) + NOTICE_RETENTION_SECONDS;
      const noticePut = { TableName, Item: { ...notice, ...keys.alertNotice(notice.tenantId, notice.at, notice.noticeId), entity: 'alertNotice', expiresAt }, ConditionExpression: 'attribute_not_exists(pk)' };
      await this.table.documents.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, { Put: noticePut }] }));
    } catch (error) {
      throw translateConflict(error, { entity: 'alertRule' });
    }
  }

  async delete(tenantId: string, alertId: string): Promise<void> {
    await this.table.documents.send(new DeleteCommand({ TableName: this.table.tableName, Key: keys.alertRule(tenantId, alertId) }));
  }

  async listNotices(tenantId: string, limit: number): Promise<AlertNotice[]> {
    const { Items } = await this.table.documents.send(new QueryCommand({
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.alertNoticesOf(tenantId).pk },
      ScanIndexForward: false,
      Limit: limit,
    }));
    return (Items ?? []).map((item) => fromItem<AlertNotice>(item)!);
  }

  async deliveriesOf(notice: AlertNotice): Promise<NoticeDelivery[] | undefined> {
    const { Item } = await this.table.documents.send(new GetCommand({ TableName: this.table.tableName, Key: keys.alertNotice(notice.tenantId, notice.at, notice.noticeId), ConsistentRead: true, ProjectionExpression: 'deliveries' }));
    return Item?.['deliveries'] as NoticeDelivery[] | undefined;
  }

  async recordDeliveries(notice: AlertNotice, deliveries: NoticeDelivery[]): Promise<boolean> {
    return setOnce(this.table, keys.alertNotice(notice.tenantId, notice.at, notice.noticeId), 'deliveries', deliveries);
  }
}
