import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@cc/shared/db/keys';
import type { VisitorHeartbeats } from '@cc/shared/widget/ports';
import type { DynamoTable } from './table.ts';

/** A beat outlives its call by a day (the call's checks are long over by then), then expires. */
const RETENTION_SECONDS = 24 * 3600;

/** One small item per call from the site, beside its contact, overwritten by every beat. */
export class DynamoVisitorHeartbeats implements VisitorHeartbeats {
  constructor(private readonly table: DynamoTable) {}

  record(tenantId: string, contactId: string, at: string): Promise<void> {
    return this.table.put('visitorHeartbeat', { ...keys.visitorHeartbeat(tenantId, contactId), tenantId, contactId, lastSeenAt: at, expiresAt: Math.floor(Date.parse(at) / 1000) + RETENTION_SECONDS });
  }

  async lastSeen(tenantId: string, contactId: string): Promise<string | undefined> {
    // Consistent: the check that ends a call must see the beat that came just before it.
    const { Item } = await this.table.documents.send(new GetCommand({ TableName: this.table.tableName, Key: keys.visitorHeartbeat(tenantId, contactId), ConsistentRead: true }));
    return typeof Item?.['lastSeenAt'] === 'string' ? Item['lastSeenAt'] : undefined;
  }
}
