import type { StoredTopic } from './schema.ts';

/** A tenant's wrap-up topics. */
export interface TopicRepository {
  /** Every topic of the tenant, archived ones too. */
  list(tenantId: string): Promise<StoredTopic[]>;
  get(tenantId: string, topicId: string): Promise<StoredTopic | undefined>;
  put(topic: StoredTopic): Promise<void>;
}
