import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@cc/shared/db/keys';
import { isConnectionLive, type ConnectionRepository, type LiveConnection } from '@cc/shared/realtime/ports';
import type { DynamoTable } from './table.ts';

/** API Gateway drops WebSocket connections after 2 hours; TTL cleans records it never told us about. */
const CONNECTION_TTL_SECONDS = 2 * 3600 + 600;

/** WebSocket connection records, per tenant, findable by connection id. */
export class DynamoConnectionRepository implements ConnectionRepository {
  constructor(
    private readonly table: DynamoTable,
    private readonly now: () => Date = () => new Date(),
  ) {}

  put(connection: LiveConnection) {
    const dropped = Math.floor(Date.parse(connection.connectedAt) / 1000) + CONNECTION_TTL_SECONDS;
    // TTL at the token's expiry too; TTL deletes lazily, so reads still filter (listByTenant).
    const tokenExpiry = connection.tokenExpiresAt ? Math.ceil(Date.parse(connection.tokenExpiresAt) / 1000) : dropped;
    return this.table.put('connection', {
      ...connection,
      ...keys.connection(connection.tenantId, connection.connectionId),
      ...keys.connectionLookup(connection.connectionId),
      expiresAt: Math.min(dropped, tokenExpiry),
    });
  }

  async find(connectionId: string) {
    const [connection] = await this.table.queryAll<LiveConnection>({ index: 'gsi1', pk: keys.connectionLookup(connectionId).gsi1pk });
    return connection;
  }

  async remove(tenantId: string, connectionId: string) {
    await this.table.documents.send(new DeleteCommand({ TableName: this.table.tableName, Key: keys.connection(tenantId, connectionId) }));
  }

  async listByTenant(tenantId: string) {
    const all = await this.table.queryAll<LiveConnection>(keys.connectionsOfTenant(tenantId));
    const now = this.now();
    // Every push lists here first, so no push reaches a connection whose token has expired.
    const expired = all.filter((c) => !isConnectionLive(c, now));
    await Promise.all(expired.map((c) => this.remove(tenantId, c.connectionId)));
    return all.filter((c) => isConnectionLive(c, now));
  }
}
