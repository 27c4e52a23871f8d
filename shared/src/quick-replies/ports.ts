import type { StoredQuickReply } from './schema.ts';

/** A tenant's quick replies. */
export interface QuickReplyRepository {
  list(tenantId: string): Promise<StoredQuickReply[]>;
  get(tenantId: string, quickReplyId: string): Promise<StoredQuickReply | undefined>;
  put(reply: StoredQuickReply): Promise<void>;
  delete(tenantId: string, quickReplyId: string): Promise<void>;
}
