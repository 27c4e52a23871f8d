import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { keys } from '@cc/shared/db/keys';
import { ConflictError } from '@cc/shared/errors';
import {
  type Conversation,
  INBOX_RETENTION_SECONDS,
  type InboxRecord,
  OUTBOX_RETENTION_SECONDS,
  type OutboxRecord,
  type StoredMessage,
  inboxDedupKey,
} from '@cc/shared/conversations/model';
import type { InboundCommit, MessagePageRequest, MessagingRepository } from '@cc/shared/conversations/ports';
import { contactItem } from './contact-repository.ts';
import { fromItem, type DynamoTable } from './table.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

/** The stored message item: its own key, the customer index always, the contact index once it has a contact. */
export function messageItem(message: StoredMessage): Record<string, unknown> {
  return {
    ...message,
    ...keys.message(message.tenantId, message.messageId),
    ...keys.customerMessage(message.tenantId, message.customerId, message.sentAt, message.messageId),
    ...(message.contactId && keys.contactMessage(message.tenantId, message.contactId, message.sentAt, message.messageId)),
    entity: 'message',
  };
}

/** The stored webhook item (idempotency record), expiring after 8 days. */
export function inboxItem(record: InboxRecord, at: Date): Record<string, unknown> {
  const dedupKey = inboxDedupKey(record);
  return {
    ...record,
    dedupKey,
    ...keys.inbox(record.tenantId, record.channelId, record.kind, dedupKey),
    entity: 'idempotency',
    expiresAt: epochSeconds(at) + INBOX_RETENTION_SECONDS,
  };
}

function conversationItem(conversation: Conversation): Record<string, unknown> {
  return { ...conversation, ...keys.conversation(conversation.tenantId, conversation.conversationId), entity: 'conversation' };
}

function outboxItem(outbox: OutboxRecord): Record<string, unknown> {
  return {
    ...outbox,
    ...keys.outbox(outbox.tenantId, outbox.messageId, outbox.attempt),
    entity: 'outbox',
    expiresAt: Math.floor(Date.parse(outbox.createdAt) / 1000) + OUTBOX_RETENTION_SECONDS,
  };
}

const absent = { ConditionExpression: 'attribute_not_exists(pk)' };
const atVersion = (version: number) => ({
  ConditionExpression: '#version = :expected',
  ExpressionAttributeNames: { '#version': 'version' },
  ExpressionAttributeValues: { ':expected': version },
});

/** Which transaction items lost their condition (DynamoDB names each cancellation reason in order). */
function failedItems(error: TransactionCanceledException): number[] {
  return (error.CancellationReasons ?? []).flatMap((reason, i) => (reason.Code === 'ConditionalCheckFailed' ? [i] : []));
}

/** Conversations, messages, the webhook inbox and the outbox in the single table. */
export class DynamoMessagingRepository implements MessagingRepository {
  constructor(private readonly table: DynamoTable) {}

  async recordInbox(records: InboxRecord[], at: Date) {
    const outcomes = await Promise.all(
      records.map(async (record) => {
        try {
          await this.table.documents.send(new PutCommand({ TableName: this.table.tableName, Item: inboxItem(record, at), ...absent }));
          return true;
        } catch (error) {
          if (error instanceof ConditionalCheckFailedException) return false;
          throw error;
        }
      }),
    );
    const stored = outcomes.filter(Boolean).length;
    return { stored, duplicates: outcomes.length - stored };
  }

  getConversation(tenantId: string, conversationId: string) {
    return this.consistentGet<Conversation>(keys.conversation(tenantId, conversationId));
  }

  getMessage(tenantId: string, messageId: string) {
    return this.consistentGet<StoredMessage>(keys.message(tenantId, messageId));
  }

  async commitInbound(commit: InboundCommit): Promise<'stored' | 'duplicate'> {
    const items: TransactItem[] = [
      this.put(messageItem(commit.message), absent),
      this.put(
        conversationItem(commit.conversation),
        commit.expectedConversationVersion === undefined ? absent : atVersion(commit.expectedConversationVersion),
      ),
    ];
    if (commit.contact) items.push(this.put({ ...contactItem(commit.contact), entity: 'contact' }, absent));
    for (const message of commit.attach?.messages ?? []) {
      items.push(this.put(messageItem({ ...message, contactId: commit.attach!.contactId, version: message.version + 1 }), atVersion(message.version)));
    }
    if (commit.outbound) {
      items.push(this.put(messageItem(commit.outbound.message), absent), this.put(outboxItem(commit.outbound.outbox)));
    }
    try {
      await this.table.documents.send(new TransactWriteCommand({ TransactItems: items }));
      return 'stored';
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        if (failedItems(error).includes(0)) return 'duplicate';
        throw new ConflictError('The conversation changed meanwhile', { conversationId: commit.conversation.conversationId }, { cause: error });
      }
      throw error;
    }
  }

  async saveConversation(conversation: Conversation, expectedVersion: number | undefined) {
    await this.putConditional(conversationItem(conversation), expectedVersion === undefined ? absent : atVersion(expectedVersion), 'conversation');
  }

  async saveMessage(message: StoredMessage, expectedVersion: number, refs: string[] = []) {
    if (refs.length === 0) {
      await this.putConditional(messageItem(message), atVersion(expectedVersion), 'message');
      return;
    }
    const items = [
      this.put(messageItem(message), atVersion(expectedVersion)),
      ...refs.map((ref) =>
        this.put({ ...keys.messageRef(message.tenantId, message.channelId, ref), tenantId: message.tenantId, messageId: message.messageId, entity: 'messageRef' }),
      ),
    ];
    try {
      await this.table.documents.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw new ConflictError('The message changed meanwhile', { messageId: message.messageId }, { cause: error });
      throw error;
    }
  }

  async writeOutbound(message: StoredMessage, outbox: OutboxRecord, expectedVersion?: number): Promise<'created' | 'duplicate'> {
    const items = [this.put(messageItem(message), expectedVersion === undefined ? absent : atVersion(expectedVersion)), this.put(outboxItem(outbox))];
    try {
      await this.table.documents.send(new TransactWriteCommand({ TransactItems: items }));
      return 'created';
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        if (expectedVersion === undefined && failedItems(error).includes(0)) return 'duplicate';
        throw new ConflictError('The message changed meanwhile', { messageId: message.messageId }, { cause: error });
      }
      throw error;
    }
  }

  async addMessage(message: StoredMessage): Promise<'created' | 'duplicate'> {
    try {
      await this.putConditional(messageItem(message), absent, 'message');
      return 'created';
    } catch (error) {
      if (error instanceof ConflictError) return 'duplicate';
      throw error;
    }
  }

  async findMessageIdByRef(tenantId: string, channelId: string, ref: string) {
    const item = await this.consistentGet<{ messageId: string }>(keys.messageRef(tenantId, channelId, ref));
    return item?.messageId;
  }

  listContactMessages(tenantId: string, contactId: string) {
    return this.table.queryAll<StoredMessage>({ index: 'gsi2', pk: keys.contactMessages(tenantId, contactId).gsi2pk });
  }

  async listCustomerMessages(tenantId: string, customerId: string, page: MessagePageRequest) {
    const pk = keys.customerItems(tenantId, customerId).gsi3pk;
    const condition = page.before
      ? { KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk BETWEEN :lo AND :hi', ExpressionAttributeValues: { ':pk': pk, ':lo': 'MSG#', ':hi': page.before } }
      : { KeyConditionExpression: 'gsi3pk = :pk AND begins_with(gsi3sk, :lo)', ExpressionAttributeValues: { ':pk': pk, ':lo': 'MSG#' } };
    const messages: StoredMessage[] = [];
    const sortKeys: string[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const result = await this.table.documents.send(
        new QueryCommand({ TableName: this.table.tableName, IndexName: 'gsi3', ...condition, ScanIndexForward: false, Limit: page.limit + 1, ExclusiveStartKey }),
      );
      for (const item of result.Items ?? []) {
        const sortKey = item['gsi3sk'] as string;
        if (sortKey === page.before || messages.length >= page.limit) continue;
        messages.push(fromItem<StoredMessage>(item)!);
        sortKeys.push(sortKey);
      }
      ExclusiveStartKey = messages.length < page.limit ? result.LastEvaluatedKey : undefined;
    } while (ExclusiveStartKey);
    return { messages, sortKeys };
  }

  private put(item: Record<string, unknown>, condition?: { ConditionExpression: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> }): TransactItem {
    return { Put: { TableName: this.table.tableName, Item: item, ...condition } };
  }

  private async putConditional(item: Record<string, unknown>, condition: { ConditionExpression: string }, entity: string) {
    try {
      await this.table.documents.send(new PutCommand({ TableName: this.table.tableName, Item: item, ...condition }));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new ConflictError(`The ${entity} changed or already exists`, { entity }, { cause: error });
      throw error;
    }
  }

  private async consistentGet<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
    const { Item } = await this.table.documents.send(new GetCommand({ TableName: this.table.tableName, Key: key, ConsistentRead: true }));
    return fromItem<T>(Item);
  }
}
