import { describe, expect, it } from 'vitest';
import { AUDIT_RECORD_MAX_CHARS, auditEntry, changedFields, REDACTED, redactSecrets } from './record.ts';

const actor = { userId: 'admin-1', name: 'Ольга', login: 'olga@example.ru' };

describe('audit entries', () => {
  it('never keep a secret, at any depth, but keep that it was set', () => {
    const redacted = redactSecrets({ name: 'Бот', secrets: { botToken: '123:abc', webhookSecret: 's3cr3t' }, settings: { password: 'p', apiKey: 'k', empty: null } });
    expect(redacted).toEqual({ name: 'Бот', secrets: { botToken: REDACTED, webhookSecret: REDACTED }, settings: { password: REDACTED, apiKey: REDACTED, empty: null } });
    expect(JSON.stringify(redacted)).not.toMatch(/123:abc|s3cr3t/);
  });

  it('list the top-level fields a change touched, including added and removed ones', () => {
    expect(changedFields({ name: 'A', priority: 1, hours: { mon: [] } }, { name: 'B', priority: 1, overflow: 'vip' })).toEqual(['hours', 'name', 'overflow']);
    expect(changedFields(undefined, { name: 'A' })).toEqual(['name']);
    expect(changedFields({ name: 'A' }, { name: 'A' })).toEqual([]);
  });

  it('record who, what, when, before and after', () => {
    const entry = auditEntry('e-1', new Date('2026-12-03T09:30:00Z'), actor, { target: 'queue', targetId: 'sales', action: 'updated', before: { name: 'Продажи', priority: 1 }, after: { name: 'Продажи', priority: 5 } });
    expect(entry).toEqual({ entryId: 'e-1', at: '2026-12-03T09:30:00.000Z', actor, target: 'queue', targetId: 'sales', action: 'updated', before: { name: 'Продажи', priority: 1 }, after: { name: 'Продажи', priority: 5 }, changed: ['priority'] });
  });

  it('leave out the missing side of a creation', () => {
    const entry = auditEntry('e-2', new Date('2026-12-03T09:30:00Z'), actor, { target: 'topic', targetId: 't-1', action: 'created', after: { name: 'Оплата' } });
    expect('before' in entry).toBe(false);
    expect(entry.changed).toEqual(['name']);
  });

  it('cut an oversized record down to its field names', () => {
    const huge = { name: 'x', notes: 'я'.repeat(AUDIT_RECORD_MAX_CHARS) };
    const entry = auditEntry('e-3', new Date(0), actor, { target: 'user', targetId: 'u-1', action: 'updated', before: { name: 'x' }, after: huge });
    expect(entry.after).toEqual({ truncated: true, fields: ['name', 'notes'] });
    expect(entry.before).toEqual({ name: 'x' });
    expect(entry.changed).toEqual(['notes']);
  });
});
