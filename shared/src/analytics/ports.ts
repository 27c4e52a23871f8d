import type { AnalyticsSettings } from './settings.ts';
import type { AnalysisSearch, AnalysisSearchEntry, ConversationAlert, StoredConversationAnalysis } from './values.ts';

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

/** Each tenant's analytics settings, one versioned record. */
export interface AnalyticsSettingsRepository {
  get(tenantId: string): Promise<AnalyticsSettings | undefined>;
  /** Writes `settings` (its version one above `expectedVersion`; 0: none stored yet). @throws ConflictError when another save came first */
  save(settings: AnalyticsSettings, expectedVersion: number): Promise<void>;
}

/** Alerts about problem conversations, at most one per contact and trigger, and the tenant's latest ones. */
export interface ConversationAlertRepository {
  /** Stores the alert unless one for its contact and trigger exists: @returns whether this call stored it */
  raise(alert: ConversationAlert): Promise<boolean>;
  /** Newest first. */
  list(tenantId: string, limit: number): Promise<ConversationAlert[]>;
  /** Records the SMS and e-mail sent, once: @returns false when they had been recorded already */
  recordDeliveries(alert: ConversationAlert, deliveries: NonNullable<ConversationAlert['deliveries']>): Promise<boolean>;
}
