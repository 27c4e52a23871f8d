import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@cc/shared/db/keys';
import { InvalidRequestError } from '@cc/shared/errors';
import type { AuditLog, AuditQuery } from '@cc/shared/audit/ports';
import type { AuditEntry, AuditPage } from '@cc/shared/audit/values';
import { fromItem, type DynamoTable } from './table.ts';

/** Audit entries are kept this long, then DynamoDB's TTL removes them. */
export const AUDIT_RETENTION_DAYS = 400;

const encodeCursor = (sortKey: string) => Buffer.from(sortKey, 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  const sortKey = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!sortKey.startsWith(keys.auditOf('x').skPrefix) || sortKey.length > 256) throw new InvalidRequestError('cursor is not one this API gave out');
  return sortKey;
}

/** The audit log under `T#<tenant>#AUDIT`, sorted by time: newest-first pages need no index. */
export class DynamoAuditLog implements AuditLog {
  constructor(private readonly table: DynamoTable) {}

  async append(tenantId: string, entry: AuditEntry): Promise<void> {
    const expiresAt = Math.floor(Date.parse(entry.at) / 1000) + AUDIT_RETENTION_DAYS * 24 * 3600;
    // An entry id is written once: a retried request that reuses it cannot record the change twice.
    await this.table.put('auditEntry', { ...keys.auditEntry(tenantId, entry.at, entry.entryId), ...entry, expiresAt }, { expression: 'attribute_not_exists(pk)' });
  }

  async list(tenantId: string, query: AuditQuery): Promise<AuditPage> {
    const { pk, skPrefix } = keys.auditOf(tenantId);
    const before = query.cursor ? decodeCursor(query.cursor) : undefined;
    const entries: AuditEntry[] = [];
    let lastSortKey: string | undefined;
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    let more = false;
    do {
      const page = await this.table.documents.send(
        new QueryCommand({
          TableName: this.table.tableName,
          KeyConditionExpression: before ? 'pk = :pk AND sk BETWEEN :lo AND :hi' : 'pk = :pk AND begins_with(sk, :lo)',
          ExpressionAttributeValues: { ':pk': pk, ':lo': skPrefix, ...(before && { ':hi': before }), ...(query.target && { ':target': query.target }) },
          ...(query.target && { FilterExpression: '#target = :target', ExpressionAttributeNames: { '#target': 'target' } }),
          ScanIndexForward: false,
          Limit: query.limit + 1,
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const sortKey = item['sk'] as string;
        if (sortKey === before) continue;
        if (entries.length === query.limit) {
          more = true;
          break;
        }
        entries.push(fromItem<AuditEntry>(item)!);
        lastSortKey = sortKey;
      }
      ExclusiveStartKey = more ? undefined : page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return { entries, ...(more && lastSortKey && { cursor: encodeCursor(lastSortKey) }) };
  }
}
