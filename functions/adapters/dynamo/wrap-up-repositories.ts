import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@cc/shared/db/keys';
import type { StoredQuickReply } from '@cc/shared/quick-replies/schema';
import type { QuickReplyRepository } from '@cc/shared/quick-replies/ports';
import type { StoredTopic } from '@cc/shared/wrap-up/schema';
import type { TopicRepository } from '@cc/shared/wrap-up/ports';
import type { DynamoTable } from './table.ts';

/** Wrap-up topics in the tenant's topic partition (one query lists them all). */
export class DynamoTopicRepository implements TopicRepository {
  constructor(private readonly table: DynamoTable) {}

  list(tenantId: string) {
    return this.table.queryAll<StoredTopic>(keys.topicsOfTenant(tenantId));
  }

  get(tenantId: string, topicId: string) {
    return this.table.get<StoredTopic>(keys.topic(tenantId, topicId));
  }

  put(topic: StoredTopic) {
    return this.table.put('topic', { ...topic, ...keys.topic(topic.tenantId, topic.topicId) });
  }
}

/** Quick replies in the tenant's quick-reply partition. */
export class DynamoQuickReplyRepository implements QuickReplyRepository {
  constructor(private readonly table: DynamoTable) {}

  list(tenantId: string) {
    return this.table.queryAll<StoredQuickReply>(keys.quickRepliesOfTenant(tenantId));
  }

  get(tenantId: string, quickReplyId: string) {
    return this.table.get<StoredQuickReply>(keys.quickReply(tenantId, quickReplyId));
  }

  put(reply: StoredQuickReply) {
    return this.table.put('quickReply', { ...reply, ...keys.quickReply(reply.tenantId, reply.quickReplyId) });
  }

  async delete(tenantId: string, quickReplyId: string) {
    await this.table.documents.send(new DeleteCommand({ TableName: this.table.tableName, Key: keys.quickReply(tenantId, quickReplyId) }));
  }
}
