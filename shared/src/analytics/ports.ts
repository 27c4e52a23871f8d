import type { AnalysisSearch, AnalysisSearchEntry, StoredConversationAnalysis } from './values.ts';

/** Each contact's conversation analysis, and the search over them by day, category, agent and queue (pattern 44). */
export interface ConversationAnalysisRepository {
  get(tenantId: string, contactId: string): Promise<StoredConversationAnalysis | undefined>;
  /**
   * Stores `analysis` with its search entries, replacing `previous` (the one `get` returned, whose entries go).
   * A stored analysis newer than this one wins: the write is then skipped and `false` returned.
   */
  save(analysis: StoredConversationAnalysis, previous: StoredConversationAnalysis | undefined): Promise<boolean>;
  /** Newest first; `cursor` continues a page. */
  search(tenantId: string, query: AnalysisSearch): Promise<{ entries: AnalysisSearchEntry[]; cursor?: string }>;
}
