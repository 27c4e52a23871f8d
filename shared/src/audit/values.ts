/**
 * The audit log's vocabulary, zod-free so the console can import it: what an administrator changed
 * (`target`) and how (`action`). One entry per change, with the record before and after.
 */
export const AUDIT_TARGETS = ['user', 'queue', 'channel', 'phone-number', 'topic', 'quick-reply', 'agent-status', 'alert', 'plan', 'survey-settings', 'qa-form', 'qa-settings', 'analytics-settings', 'script', 'achievement-rule', 'quest'] as const;
export type AuditTarget = (typeof AUDIT_TARGETS)[number];

export const AUDIT_ACTIONS = ['created', 'updated', 'disabled', 'enabled', 'archived', 'deleted'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who made a change: the signed-in user, as their token named them at the time. */
export interface AuditActor {
  userId: string;
  name: string;
  login: string;
}

/** One recorded change. `before` is absent for a creation, `after` for a deletion; secrets are never kept. */
export interface AuditEntry {
  entryId: string;
  /** ISO time of the change. */
  at: string;
  actor: AuditActor;
  target: AuditTarget;
  targetId: string;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
  /** Top-level fields whose value differs between `before` and `after`. */
  changed: string[];
}

/** A page of the log, newest first; `cursor` fetches the next (older) page. */
export interface AuditPage {
  entries: AuditEntry[];
  cursor?: string;
}

export function isAuditTarget(value: unknown): value is AuditTarget {
  return typeof value === 'string' && (AUDIT_TARGETS as readonly string[]).includes(value);
}
