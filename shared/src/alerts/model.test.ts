import { describe, expect, it } from 'vitest';
import { CreateAlertSchema, PatchAlertSchema, patchedRule, scopeOf, type AlertRule } from './model.ts';

const issues = (input: unknown) => {
  const result = CreateAlertSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('alert rules as the API takes them', () => {
  it('takes the smallest rule and fills in the defaults', () => {
    const rule = CreateAlertSchema.parse({ metric: 'contacts_waiting', queueId: 'vip', comparison: 'gt', threshold: 0, windowSeconds: 0, recipients: [{ email: 'duty@romashka.example' }, { phone: '+79161234567' }] });
    expect(rule).toEqual({ metric: 'contacts_waiting', queueId: 'vip', comparison: 'gt', threshold: 0, windowSeconds: 0, quietSeconds: 300, enabled: true, recipients: [{ email: 'duty@romashka.example' }, { phone: '+79161234567' }] });
    expect(scopeOf(rule)).toEqual({ dimension: 'queue', value: 'vip' });
    expect(scopeOf({})).toEqual({ dimension: 'tenant', value: '*' });
  });

  it('says what is wrong with a rule that cannot work', () => {
    expect(issues({ metric: 'no_such', comparison: 'gt', threshold: 1 })).toEqual(['metric: unknown metric "no_such": GET /api/metrics lists them']);
    expect(issues({ metric: 'contacts_waiting', agentId: 'anna', comparison: 'gt', threshold: 1 })[0]).toMatch(/not kept per agent/);
    expect(issues({ metric: 'occupancy', queueId: 'vip', agentId: 'anna', comparison: 'gt', threshold: 1 })[0]).toMatch(/^agentId: a rule watches one queue, one agent or the whole tenant/);
    expect(issues({ metric: 'contacts_waiting', comparison: 'above', threshold: 1 })[0]).toMatch(/^comparison/);
    expect(issues({ metric: 'contacts_waiting', comparison: 'gt', threshold: 1, recipients: [{ phone: '8 916 123-45-67' }] })[0]).toMatch(/recipients\.0/);
    expect(issues({ metric: 'contacts_waiting', comparison: 'gt', threshold: 1, windowSeconds: -5 })[0]).toMatch(/^windowSeconds/);
    expect(issues({ metric: 'contacts_waiting', comparison: 'gt', threshold: 1, surprise: true })[0]).toMatch(/surprise/);
  });

  it('starts a rule afresh when what it watches changes, and keeps its state otherwise', () => {
    const rule: AlertRule = { tenantId: 't', alertId: 'a', metric: 'contacts_waiting', queueId: 'vip', comparison: 'gt', threshold: 0, windowSeconds: 0, quietSeconds: 300, recipients: [], enabled: true, createdAt: 'x', updatedAt: 'x', version: 3, watch: { firing: true, notified: 'fired' } };
    expect(patchedRule(rule, PatchAlertSchema.parse({ recipients: [{ email: 'a@b.example' }] }), 'y').watch.firing).toBe(true);
    expect(patchedRule(rule, PatchAlertSchema.parse({ threshold: 5 }), 'y').watch).toEqual({ firing: false });
    const widened = patchedRule(rule, PatchAlertSchema.parse({ queueId: null, name: 'Вся очередь' }), 'y');
    expect(widened.queueId).toBeUndefined();
    expect(widened).toMatchObject({ name: 'Вся очередь', updatedAt: 'y', watch: { firing: false } });
    expect(PatchAlertSchema.safeParse({}).success).toBe(false);
  });
});
