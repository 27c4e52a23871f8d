import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { keys } from '@cc/shared/db/keys';
import { ConflictError, InvalidRequestError } from '@cc/shared/errors';
import type { TeamChatRepository } from '@cc/shared/team-chat/ports';
import { positionOf, searchableText, type MessagePage, type ReadMarker, type TeamMessage } from '@cc/shared/team-chat/values';
import { fromItem, translateConflict, type DynamoTable } from './table.ts';

/** A client message id is remembered this long: a retry comes within seconds, a stale outbox within days. */
const CLAIM_TTL_DAYS = 8;
/** What a message position looks like: an ISO instant, `#`, a message id. */
const POSITION = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z#[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

const encodeCursor = (position: string) => Buffer.from(position, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const position = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!POSITION.test(position) || position.length > 256) throw new InvalidRequestError('cursor is not one this API gave out', { field: 'before' });
  return position;
}

/** A stored message without its storage attributes (keys, entity, the search text). */
function toMessage(item: Record<string, unknown>): TeamMessage {
  const { search: _search, ...message } = fromItem<TeamMessage & { search?: string }>(item)!;
  return message;
}

/**
 * The team chat (pattern 47): a room's messages in one partition sorted by position, so history pages, the messages
 * after a read marker and the newest one are single queries; a sender's client message id beside them, written in the
 * same transaction as the message, so a repeated send stores nothing twice; each user's read markers in a partition of
 * their own.
 */
export class DynamoTeamChatRepository implements TeamChatRepository {
  constructor(private readonly table: DynamoTable) {}

  async append(message: TeamMessage): Promise<{ message: TeamMessage; created: boolean }> {
    const position = positionOf(message);
    const claimKey = keys.teamMessageClaim(message.tenantId, message.roomId, message.senderId, message.clientMessageId);
    const expiresAt = Math.floor(Date.parse(message.sentAt) / 1000) + CLAIM_TTL_DAYS * 24 * 3600;
    try {
      await this.table.documents.send(new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.table.tableName, Item: { ...message, ...keys.teamMessage(message.tenantId, message.roomId, position), entity: 'teamMessage', search: searchableText(message.text) }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: this.table.tableName, Item: { ...claimKey, entity: 'teamMessageClaim', tenantId: message.tenantId, roomId: message.roomId, senderId: message.senderId, clientMessageId: message.clientMessageId, position, expiresAt }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }));
      return { message, created: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const claim = await this.consistentGet(claimKey);
      const earlier = typeof claim?.['position'] === 'string' ? await this.consistentGet(keys.teamMessage(message.tenantId, message.roomId, claim['position'])) : undefined;
      // Both absent: the transaction lost to something else (a throttle, a racing send not yet visible).
      if (!earlier) throw translateConflict(error, { entity: 'teamMessage' });
      return { message: toMessage(earlier), created: false };
    }
  }

  async page(tenantId: string, roomId: string, query: { before?: string | undefined; limit: number }): Promise<MessagePage> {
    const { pk, skPrefix } = keys.teamMessagesOf(tenantId, roomId);
    const before = query.before === undefined ? undefined : `${skPrefix}${decodeCursor(query.before)}`;
    // BETWEEN is inclusive: the cursor's own message comes back first and is skipped.
    const items = await this.queryDescending({
      KeyConditionExpression: before ? 'pk = :pk AND sk BETWEEN :lo AND :hi' : 'pk = :pk AND begins_with(sk, :lo)',
      ExpressionAttributeValues: { ':pk': pk, ':lo': skPrefix, ...(before && { ':hi': before }) },
    }, query.limit + 2);
    const messages = items.filter((item) => item['sk'] !== before).map(toMessage);
    const page = messages.slice(0, query.limit);
    const last = page.at(-1);
    return { messages: page, ...(messages.length > query.limit && last && { cursor: encodeCursor(positionOf(last)) }) };
  }

  async after(tenantId: string, roomId: string, position: string, limit: number): Promise<TeamMessage[]> {
    const { pk, skPrefix } = keys.teamMessagesOf(tenantId, roomId);
    // Nothing sorts after the messages in a room's partition (its client ids are `CLIENT#…`), so `>` needs no upper bound.
    const items = await this.queryDescending(position
      ? { KeyConditionExpression: 'pk = :pk AND sk > :after', ExpressionAttributeValues: { ':pk': pk, ':after': `${skPrefix}${position}` } }
      : { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :lo)', ExpressionAttributeValues: { ':pk': pk, ':lo': skPrefix } }, limit);
    return items.map(toMessage);
  }

  async latest(tenantId: string, roomId: string): Promise<TeamMessage | undefined> {
    return (await this.after(tenantId, roomId, '', 1))[0];
  }

  async search(tenantId: string, roomId: string, terms: readonly string[], scan: number): Promise<TeamMessage[]> {
    const { pk, skPrefix } = keys.teamMessagesOf(tenantId, roomId);
    const found: TeamMessage[] = [];
    let scanned = 0;
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      // `Limit` counts the items read before the filter: exactly the bound of `scan` newest messages.
      const page = await this.table.documents.send(new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :lo)',
        FilterExpression: terms.map((_, i) => `contains(#search, :t${i})`).join(' AND '),
        ExpressionAttributeNames: { '#search': 'search' },
        ExpressionAttributeValues: { ':pk': pk, ':lo': skPrefix, ...Object.fromEntries(terms.map((term, i) => [`:t${i}`, term])) },
        ScanIndexForward: false,
        Limit: scan - scanned,
        ExclusiveStartKey,
      }));
      scanned += page.ScannedCount ?? 0;
      for (const item of page.Items ?? []) found.push(toMessage(item));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey && scanned < scan);
    return found;
  }

  markers(tenantId: string, userId: string): Promise<ReadMarker[]> {
    return this.table.queryAll<ReadMarker>(keys.teamReadMarkersOf(tenantId, userId));
  }

  async markRead(marker: ReadMarker): Promise<ReadMarker> {
    const key = keys.teamReadMarker(marker.tenantId, marker.userId, marker.roomId);
    try {
      const { Attributes } = await this.table.documents.send(new UpdateCommand({
        TableName: this.table.tableName,
        Key: key,
        UpdateExpression: 'SET entity = :entity, tenantId = :tenantId, userId = :userId, roomId = :roomId, readPosition = :position, updatedAt = :at',
        ConditionExpression: 'attribute_not_exists(readPosition) OR readPosition < :position',
        ExpressionAttributeValues: { ':entity': 'teamReadMarker', ':tenantId': marker.tenantId, ':userId': marker.userId, ':roomId': marker.roomId, ':position': marker.readPosition, ':at': marker.updatedAt },
        ReturnValues: 'ALL_NEW',
      }));
      return fromItem<ReadMarker>(Attributes)!;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // Read further on already (another window): the marker stays where it is.
      return fromItem<ReadMarker>(await this.consistentGet(key))!;
    }
  }

  async ensureMarker(tenantId: string, userId: string, roomId: string, at: string): Promise<void> {
    const marker: ReadMarker = { tenantId, userId, roomId, readPosition: '', updatedAt: at };
    await this.table.put('teamReadMarker', { ...keys.teamReadMarker(tenantId, userId, roomId), ...marker }, { expression: 'attribute_not_exists(pk)' }).catch((error: unknown) => {
      if (!(error instanceof ConflictError)) throw error;
    });
  }

  /** Newest first, following pages until `limit` items (a page stops at 1 MB). */
  private async queryDescending(input: Pick<QueryCommandInput, 'KeyConditionExpression' | 'ExpressionAttributeValues'>, limit: number): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.table.documents.send(new QueryCommand({ TableName: this.table.tableName, ...input, ScanIndexForward: false, Limit: limit - items.length, ExclusiveStartKey }));
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey && items.length < limit);
    return items;
  }

  private async consistentGet(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
    return (await this.table.documents.send(new GetCommand({ TableName: this.table.tableName, Key: key, ConsistentRead: true }))).Item;
  }
}
