/**
 * Pure preparation of an audit entry: secrets are replaced by a marker, the changed fields are listed, and an
 * oversized record is cut so one entry never approaches DynamoDB's item limit. No I/O.
 */
import type { AuditAction, AuditActor, AuditEntry, AuditTarget } from './values.ts';

export * from './values.ts';

/** Field names whose values are credentials; they are kept only as "was set". */
const SECRET_FIELD = /secret|token|password|apikey|api_key|accesskey|signing/i;
export const REDACTED = '[redacted]';
/** Serialized size of `before` or `after` above which only the field names are kept. */
export const AUDIT_RECORD_MAX_CHARS = 16 * 1024;

/**
 * `value` with every secret-looking field's value replaced by {@link REDACTED}, at any depth; under a secret-looking
 * object (`secrets: {…}`) every value is one, so the names of what was set stay readable.
 */
export function redactSecrets(value: unknown, underSecret = false): unknown {
  if (Array.isArray(value)) return value.map((inner) => redactSecrets(inner, underSecret));
  if (value === null || value === undefined) return value;
  if (typeof value !== 'object') return underSecret ? REDACTED : value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, redactSecrets(inner, underSecret || SECRET_FIELD.test(key))]));
}

/** Top-level fields present in either record whose values differ (compared as JSON). */
export function changedFields(before: unknown, after: unknown): string[] {
  const asRecord = (value: unknown) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
  const left = asRecord(before);
  const right = asRecord(after);
  const names = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...names].filter((name) => JSON.stringify(left[name]) !== JSON.stringify(right[name])).sort();
}

function bounded(value: unknown): unknown {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  if (text === undefined || text.length <= AUDIT_RECORD_MAX_CHARS) return value;
  const fields = value !== null && typeof value === 'object' ? Object.keys(value as object) : [];
  return { truncated: true, fields };
}

export interface AuditChange {
  target: AuditTarget;
  targetId: string;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
}

/** The entry to store for `change` made by `actor` at `at`. */
export function auditEntry(entryId: string, at: Date, actor: AuditActor, change: AuditChange): AuditEntry {
  const before = redactSecrets(change.before);
  const after = redactSecrets(change.after);
  return {
    entryId,
    at: at.toISOString(),
    actor,
    target: change.target,
    targetId: change.targetId,
    action: change.action,
    ...(before !== undefined && { before: bounded(before) }),
    ...(after !== undefined && { after: bounded(after) }),
    changed: changedFields(change.before, change.after),
  };
}
