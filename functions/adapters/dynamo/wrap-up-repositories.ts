import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { keys, type EntityType } from '@cc/shared/db/keys';
import type { StoredQuickReply } from '@cc/shared/quick-replies/schema';
import type { QuickReplyRepository } from '@cc/shared/quick-replies/ports';
import type { StoredTopic } from '@cc/shared/wrap-up/schema';
import type { TopicRepository } from '@cc/shared/wrap-up/ports';
import type { StoredSurveySettings } from '@cc/shared/surveys/schema';
import type { SurveySettingsRepository } from '@cc/shared/surveys/ports';
import type { DynamoTable } from './table.ts';

/** Small per-tenant lists and settings kept in one partition of the tenant (one query lists them all): topics, quick replies. */
class TenantListRepository<T extends { tenantId: string }> {
  constructor(
    private readonly table: DynamoTable,
    private readonly entity: EntityType,
    private readonly partition: (tenantId: string) => { pk: string },
    private readonly key: (tenantId: string, id: string) => { pk: string; sk: string },
    private readonly idOf: (item: T) => string,
  ) {}

  list(tenantId: string) {
    return this.table.queryAll<T>(this.partition(tenantId));
  }

  get(tenantId: string, id: string) {
    return this.table.get<T>(this.key(tenantId, id));
  }

  put(item: T) {
    return this.table.put(this.entity, { ...item, ...this.key(item.tenantId, this.idOf(item)) });
  }

  async delete(tenantId: string, id: string) {
    await this.table.documents.send(new DeleteCommand({ TableName: this.table.tableName, Key: this.key(tenantId, id) }));
  }
}

/** Wrap-up topics in the tenant's topic partition. */
export class DynamoTopicRepository extends TenantListRepository<StoredTopic> implements TopicRepository {
  constructor(table: DynamoTable) {
    super(table, 'topic', keys.topicsOfTenant, keys.topic, (topic) => topic.topicId);
  }
}

/** Quick replies in the tenant's quick-reply partition. */
export class DynamoQuickReplyRepository extends TenantListRepository<StoredQuickReply> implements QuickReplyRepository {
  constructor(table: DynamoTable) {
    super(table, 'quickReply', keys.quickRepliesOfTenant, keys.quickReply, (reply) => reply.quickReplyId);
  }
}

/** The tenant's survey settings, one item beside the tenant. */
export class DynamoSurveySettingsRepository implements SurveySettingsRepository {
  constructor(private readonly table: DynamoTable) {}

  get(tenantId: string) {
    return this.table.get<StoredSurveySettings>(keys.surveySettings(tenantId));
  }

  put(settings: StoredSurveySettings) {
    return this.table.put('surveySettings', { ...settings, ...keys.surveySettings(settings.tenantId) });
  }
}
