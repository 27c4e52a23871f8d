import { randomUUID } from 'node:crypto';
import type { Principal } from '@cc/shared/auth/model';
import type { AuditQuery } from '@cc/shared/audit/ports';
import { auditEntry, type AuditChange } from '@cc/shared/audit/record';
import type { AuditEntry, AuditPage } from '@cc/shared/audit/values';
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

  list(tenantId: string, query: AuditQuery): Promise<AuditPage> {
    return this.deps.audit.list(tenantId, query);
  }
}
