import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@cc/shared/db/keys';
import type { ConnectionRepository, LiveConnection } from '@cc/shared/realtime/ports';
import type { DynamoTable } from './table.ts';

/** API Gateway drops WebSocket connections after 2 hours; TTL cleans records it never told us about. */
const CONNECTION_TTL_SECONDS = 2 * 3600 + 600;

/** WebSocket connection records, per tenant, findable by connection id. */
export class DynamoConnectionRepository implements ConnectionRepository {
  constructor(private readonly table: DynamoTable) {}

  put(connection: LiveConnection) {
    return this.table.put('connection', {
      ...connection,
      ...keys.connection(connection.tenantId, connection.connectionId),
      ...keys.connectionLookup(connection.connectionId),
      expiresAt: Math.floor(Date.parse(connection.connectedAt) / 1000) + CONNECTION_TTL_SECONDS,
    });
  }

  async find(connectionId: string) {
    const [connection] = await this.table.queryAll<LiveConnection>({ index: 'gsi1', pk: keys.connectionLookup(connectionId).gsi1pk });
    return connection;
  }

  async remove(tenantId: string, connectionId: string) {
    await this.table.documents.send(new DeleteCommand({ TableName: this.table.tableName, Key: keys.connection(tenantId, connectionId) }));
  }

  listByTenant(tenantId: string) {
    return this.table.queryAll<LiveConnection>(keys.connectionsOfTenant(tenantId));
  }
}
