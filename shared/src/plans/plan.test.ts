import { describe, expect, it } from 'vitest';
import { madeBy, patchedPlan, planFrom } from './plan.ts';
import { AttainmentQuerySchema, CreatePlanSchema, PatchPlanSchema } from './schema.ts';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('a plan request', () => {
  it('makes a plan at version 1 whose id says what, for whom and over which period', () => {
    // Act
    const input = CreatePlanSchema.parse({ metric: 'contacts_handled', scope: { dimension: 'agent', value: 'u-agent-1' }, period: 'day', target: 60, name: ' Норма дня ' });
    const plan = planFrom(input, 't1', new Date('2026-12-03T09:00:00Z'));
    // Assert
    expect(plan).toEqual({ tenantId: 't1', planId: 'day.agent.contacts_handled.u-agent-1', metric: 'contacts_handled', scope: { dimension: 'agent', value: 'u-agent-1' }, period: 'day', target: 60, name: 'Норма дня', version: 1, createdAt: '2026-12-03T09:00:00.000Z', updatedAt: '2026-12-03T09:00:00.000Z' });
    expect(planFrom(CreatePlanSchema.parse({ metric: 'service_level', scope: { dimension: 'tenant' }, period: 'month', target: 80 }), 't1', new Date()).planId).toBe('month.tenant.service_level');
    expect(madeBy(plan, input)).toBe(true);
    expect(madeBy(plan, { ...input, target: 61 })).toBe(false);
  });

  it('refuses a metric that is unknown, live, or not kept for the scope, naming the field', () => {
    const bad = (metric: string, dimension: string) => issues(CreatePlanSchema.safeParse({ metric, scope: { dimension, value: 'x' }, period: 'day', target: 1 }));
    expect(bad('no_such', 'agent')).toEqual([['metric', 'Unknown metric "no_such": GET /api/metrics lists them']]);
    expect(bad('contacts_waiting', 'queue')).toEqual([['metric', '"contacts_waiting" is a live metric: plans are set on metrics kept per interval']]);
    expect(bad('service_level', 'agent')).toEqual([['metric', '"service_level" is not kept per agent; it is kept per tenant, queue, channel']]);
  });

  it('checks the scope and the target against the metric’s unit', () => {
    const parse = (body: object) => issues(CreatePlanSchema.safeParse({ metric: 'contacts_handled', scope: { dimension: 'queue', value: 'support' }, period: 'day', target: 10, ...body }));
    expect(parse({ scope: { dimension: 'queue' } })).toEqual([['scope.value', 'A queue plan names its queue']]);
    expect(parse({ scope: { dimension: 'tenant', value: 'x' } })).toEqual([['scope.value', 'A tenant plan names no queue or agent']]);
    expect(parse({ target: 2.5 })).toEqual([['target', 'A target in contacts (count) is a whole number']]);
    expect(parse({ target: -1 })).toEqual([['target', 'A target is 0 or more']]);
    expect(parse({ metric: 'service_level', target: 120 })).toEqual([['target', 'A target in percent is at most 100']]);
    expect(parse({ period: 'week' }).map(([path]) => path)).toEqual(['period']);
    expect(parse({ owner: 'me' }).map(([path]) => path)).toEqual(['']);
    expect(parse({ scope: { dimension: 'queue', value: 'a'.repeat(65) } }).map(([path]) => path)).toEqual(['scope.value']);
  });
});

describe('a plan patch', () => {
  const plan = planFrom(CreatePlanSchema.parse({ metric: 'average_handle_time', scope: { dimension: 'agent' }, period: 'day', target: 300, name: 'AHT' }), 't1', new Date('2026-12-01T00:00:00Z'));

  it('changes the target or the name, one version on', () => {
    const at = new Date('2026-12-02T00:00:00Z');
    expect(patchedPlan(plan, PatchPlanSchema.parse({ target: 280 }), at)).toMatchObject({ target: 280, name: 'AHT', version: 2, updatedAt: '2026-12-02T00:00:00.000Z', createdAt: plan.createdAt });
    expect(patchedPlan(plan, PatchPlanSchema.parse({ name: null }), at)).not.toHaveProperty('name');
  });

  it('refuses an empty patch, a change of what the plan is, and a target the unit cannot hold', () => {
    expect(issues(PatchPlanSchema.safeParse({}))).toEqual([['', 'Send target or name']]);
    expect(PatchPlanSchema.safeParse({ metric: 'contacts_handled', target: 1 }).success).toBe(false);
    const count = planFrom(CreatePlanSchema.parse({ metric: 'contacts_handled', scope: { dimension: 'tenant' }, period: 'day', target: 3 }), 't1', new Date());
    expect(() => patchedPlan(count, { target: 1.5 }, new Date())).toThrow('A target in contacts (count) is a whole number');
  });
});

describe('the attainment query', () => {
  it('defaults to today’s day plans and refuses a date that is not a calendar day', () => {
    expect(AttainmentQuerySchema.parse({})).toEqual({ period: 'day' });
    expect(AttainmentQuerySchema.safeParse({ date: '2026-02-30' }).success).toBe(false);
    expect(AttainmentQuerySchema.safeParse({ period: 'year' }).success).toBe(false);
  });
});
