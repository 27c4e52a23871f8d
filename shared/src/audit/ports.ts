import type { AuditEntry, AuditPage, AuditTarget } from './values.ts';

export interface AuditQuery {
  limit: number;
  /** From a previous page's `cursor`. */
  cursor?: string;
  target?: AuditTarget;
}

/** The tenant's audit log: appended by every administrative change, read by admins. */
export interface AuditLog {
  append(tenantId: string, entry: AuditEntry): Promise<void>;
  /** Newest first. */
  list(tenantId: string, query: AuditQuery): Promise<AuditPage>;
}
