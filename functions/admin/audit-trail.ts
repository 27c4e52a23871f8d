import { randomUUID } from 'node:crypto';
import type { Principal } from '@cc/shared/auth/model';
import type { AuditQuery } from '@cc/shared/audit/ports';
import { auditEntry, type AuditChange } from '@cc/shared/audit/record';
import type { AuditEntry, AuditPage } from '@cc/shared/audit/values';
import { ConflictError } from '@cc/shared/errors';
import type { Deps } from '../composition/deps.ts';

/**
 * Records administrative changes: every admin route calls `record` after its write succeeded, with the record
 * before and after. A failed audit write fails the request (the caller retries), so no change goes unrecorded.
 */
export class AuditTrail {
  private lastMs = 0;

  constructor(private readonly deps: Pick<Deps, 'audit' | 'clock'>) {}

  async record(principal: Principal, change: AuditChange): Promise<AuditEntry> {
    const actor = { userId: principal.userId, name: principal.name, login: principal.login };
    // Entries sort by time: two changes in one millisecond of this process keep the order they were made in.
    this.lastMs = Math.max(this.deps.clock.now().getTime(), this.lastMs + 1);
    const entry = auditEntry(randomUUID(), new Date(this.lastMs), actor, change);
    await this.deps.audit.append(principal.tenantId, entry);
    return entry;
  }

  /**
   * Records a change under an id and time of its own (a retried creation passes the same ones), so the change is
   * in the log once however often the request that made it is repeated.
   */
  async recordOnce(principal: Principal, change: AuditChange, once: { entryId: string; at: Date }): Promise<void> {
    const actor = { userId: principal.userId, name: principal.name, login: principal.login };
    // Whatever this process records next sorts after this entry.
    this.lastMs = Math.max(this.lastMs, once.at.getTime());
    try {
      await this.deps.audit.append(principal.tenantId, auditEntry(once.entryId, once.at, actor, change));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }

  list(tenantId: string, query: AuditQuery): Promise<AuditPage> {
    return this.deps.audit.list(tenantId, query);
  }
}
