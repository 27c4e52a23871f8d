import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { AuditEntry } from '@cc/shared/audit/values';
import type { MetricEvent } from '@cc/shared/metrics/events';
import { foldEvents } from '@cc/shared/metrics/fold';
import type { AttainmentPage, AttainmentRow, Plan } from '@cc/shared/plans/values';
import { createApp } from '../app.ts';
import { REPORT_LIMIT } from './metrics.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from '../../routing/testing.ts';
import { json } from '../../../test/json.ts';

// Plans on DynamoDB Local: roles, validation, audit and tenants, and attainment hand-checked over cells folded for
// 3 December 2026 (Moscow) and read at noon: half the day gone by, 2.5 of December's 31 days.
const A = 'tenant-a';
const NOON = new Date('2026-12-03T12:00:00+03:00');
let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
const token: Record<string, string> = {};
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });
const call = (method: string, path: string, as: string | undefined, body?: unknown) =>
  app.request(`/api${path}`, { method, ...(body !== undefined && { body: JSON.stringify(body) }), headers: { ...(as && { authorization: `Bearer ${as}` }), 'content-type': 'application/json' } });
const create = async (body: object, as = token.supervisor!) => {
  const res = await call('POST', '/plans', as, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await json(res)) as Plan;
};

/** One stream record's worth of events folded into the stored cells, as the metrics reaction does. */
let record = 0;
const fold = (events: Omit<MetricEvent, 'id'>[]) =>
  ctx.deps.metrics.fold(A, `test-${++record}`, [...foldEvents(events.map((e, i) => ({ ...e, id: `e-${record}-${i}` })), 'Europe/Moscow').values()]);

beforeAll(async () => {
  ctx = await createRoutingTestDeps(NOON);
  app = createApp(ctx.deps, ctx.services);
  await ctx.deps.directory.putTenant({ tenantId: A, name: 'Ромашка', timeZone: 'Europe/Moscow', locale: 'ru', createdAt: '2026-01-01T00:00:00.000Z' });
  for (const queueId of ['support', 'sales']) await ctx.deps.queues.put(makeTenantQueue(A, queueId));
  await ctx.deps.agents.put(makeAgentRecord(A, 'anna', ['support']));
  await ctx.deps.agents.put(makeAgentRecord(A, 'boris', ['support']));
  await ctx.deps.agents.put(makeAgentRecord(A, 'dmitry', ['sales']));
  await ctx.deps.agents.put(makeAgentRecord('tenant-b', 'vera', ['support']));
  token.admin = await ctx.issuer.issue(principal(A, 'admin', 'admin'));
  token.supervisor = await ctx.issuer.issue(principal(A, 'oleg', 'supervisor'));
  token.anna = await ctx.issuer.issue(principal(A, 'anna', 'agent'));
  token.boris = await ctx.issuer.issue(principal(A, 'boris', 'agent'));
  token.supervisorB = await ctx.issuer.issue(principal('tenant-b', 'sup-b', 'supervisor'));

  // 3 December: Анна completed 30 contacts in 9000 s (AHT 300 s), Борис 10 in 4000 s; 34 of the 40 answered in time.
  // 2 December: Анна 5 more (her month so far: 35).
  const at = '2026-12-03T09:30:00+03:00';
  await fold([
    { at, queueId: 'support', agentId: 'anna', channel: 'telegram', add: { handled: 30, answeredInTime: 26, closedAfterAnswer: 30, handleSeconds: 9000 } },
    { at, queueId: 'support', agentId: 'boris', channel: 'telegram', add: { handled: 10, answeredInTime: 8, closedAfterAnswer: 10, handleSeconds: 4000, offersMissed: 3 } },
  ]);
  await fold([{ at: '2026-12-02T15:00:00+03:00', queueId: 'support', agentId: 'anna', channel: 'webchat', add: { handled: 5, closedAfterAnswer: 5, handleSeconds: 1500 } }]);
});
afterAll(() => ctx?.table.drop());

describe('plans: who may change them', () => {
  it('lets supervisors and admins create plans, agents only read, nobody unsigned', async () => {
    // Act
    const byAgent = await call('POST', '/plans', token.anna, { metric: 'contacts_handled', scope: { dimension: 'tenant' }, period: 'day', target: 100 });
    const unsigned = await call('GET', '/plans', undefined);
    const byAdmin = await create({ metric: 'contacts_abandoned', scope: { dimension: 'tenant' }, period: 'month', target: 50, name: 'Потери за месяц' }, token.admin);
    // Assert
    expect(byAgent.status).toBe(403);
    expect(unsigned.status).toBe(401);
    expect(byAdmin).toMatchObject({ planId: 'month.tenant.contacts_abandoned', tenantId: A, target: 50, version: 1, name: 'Потери за месяц' });
    expect((await call('PATCH', `/plans/${byAdmin.planId}`, token.anna, { target: 40 })).status).toBe(403);
    expect((await call('DELETE', `/plans/${byAdmin.planId}`, token.anna)).status).toBe(403);
    expect((await call('DELETE', `/plans/${byAdmin.planId}`, token.admin)).status).toBe(204);
    expect((await call('DELETE', `/plans/${byAdmin.planId}`, token.admin)).status).toBe(404);
  });

  it('answers a bad plan with a 400 naming each refused field', async () => {
    const cases: [object, string, RegExp][] = [
      [{ metric: 'service_level', scope: { dimension: 'agent' }, period: 'day', target: 80 }, 'metric', /not kept per agent/],
      [{ metric: 'contacts_waiting', scope: { dimension: 'queue', value: 'support' }, period: 'day', target: 1 }, 'metric', /live metric/],
      [{ metric: 'service_level', scope: { dimension: 'queue', value: 'support' }, period: 'day', target: 120 }, 'target', /at most 100/],
      [{ metric: 'contacts_handled', scope: { dimension: 'queue', value: 'nowhere' }, period: 'day', target: 10 }, 'scope.value', /No queue "nowhere"/],
      [{ metric: 'contacts_handled', scope: { dimension: 'agent', value: 'vera' }, period: 'day', target: 10 }, 'scope.value', /No agent "vera"/],
      [{ metric: 'contacts_handled', scope: { dimension: 'tenant' }, period: 'week', target: 10 }, 'period', /.+/],
    ];
    for (const [body, path, message] of cases) {
      const res = await call('POST', '/plans', token.supervisor, body);
      const problem = await json(res);
      expect([path, res.status]).toEqual([path, 400]);
      expect(problem.errors).toContainEqual({ path, message: expect.stringMatching(message) });
    }
    const malformed = await app.request('/api/plans', { method: 'POST', body: '{', headers: { authorization: `Bearer ${token.supervisor}` } });
    expect(malformed.status).toBe(400);
    expect((await call('PATCH', '/plans/day.tenant.nothing', token.supervisor, { target: 1 })).status).toBe(404);
  });

  it('answers a repeated creation with the same plan, refuses a second plan of the same metric, scope and period, and audits each change once', async () => {
    // Arrange
    const body = { metric: 'contacts_handled', scope: { dimension: 'queue', value: 'sales' }, period: 'day', target: 100 };
    // Act
    const first = await create(body);
    const again = await create(body);
    const other = await call('POST', '/plans', token.supervisor, { ...body, target: 120 });
    const changed = await call('PATCH', `/plans/${first.planId}`, token.supervisor, { target: 90, version: 1 });
    const stale = await call('PATCH', `/plans/${first.planId}`, token.supervisor, { target: 80, version: 1 });
    const deleted = await call('DELETE', `/plans/${first.planId}`, token.supervisor);
    const audit = (await json(await call('GET', '/audit?target=plan', token.admin))).entries as AuditEntry[];
    // Assert
    expect(again).toEqual(first);
    expect(other.status).toBe(409);
    expect((await json(other)).reason).toBe('plan_exists');
    expect(changed.status).toBe(200);
    expect(await json(changed)).toMatchObject({ target: 90, version: 2 });
    expect(stale.status).toBe(409);
    expect((await json(stale)).reason).toBe('plan_changed');
    expect(deleted.status).toBe(204);
    const mine = audit.filter((e) => e.targetId === first.planId);
    expect(mine.map((e) => [e.action, e.actor.userId, e.changed])).toEqual([['deleted', 'oleg', expect.any(Array)], ['updated', 'oleg', expect.arrayContaining(['target', 'version'])], ['created', 'oleg', expect.any(Array)]]);
  });

  it('keeps tenants apart', async () => {
    // Arrange
    const plan = await create({ metric: 'contacts_handled', scope: { dimension: 'tenant' }, period: 'month', target: 900 });
    // Act
    const listB = await json(await call('GET', '/plans', token.supervisorB));
    const patchB = await call('PATCH', `/plans/${plan.planId}`, token.supervisorB, { target: 1 });
    const deleteB = await call('DELETE', `/plans/${plan.planId}`, token.supervisorB);
    const attainmentB = await json(await call('GET', '/plans/attainment?period=month&date=2026-12-03', token.supervisorB));
    // Assert
    expect(listB.plans).toEqual([]);
    expect(patchB.status).toBe(404);
    expect(deleteB.status).toBe(404);
    expect(attainmentB.rows).toEqual([]);
    expect((await ctx.deps.plans.get(A, plan.planId))?.target).toBe(900);
    expect((await call('DELETE', `/plans/${plan.planId}`, token.supervisor)).status).toBe(204);
  });
});

describe('attainment', () => {
  const row = (page: AttainmentPage, planId: string, value?: string): AttainmentRow | undefined => page.rows.find((r) => r.plan.planId === planId && r.subject.value === value);

  beforeAll(async () => {
    await create({ metric: 'contacts_handled', scope: { dimension: 'agent' }, period: 'day', target: 60, name: 'Норма дня' });
    await create({ metric: 'average_handle_time', scope: { dimension: 'agent', value: 'anna' }, period: 'day', target: 280 });
    await create({ metric: 'contacts_handled', scope: { dimension: 'queue', value: 'support' }, period: 'day', target: 100 });
    await create({ metric: 'service_level', scope: { dimension: 'tenant' }, period: 'day', target: 80 });
    await create({ metric: 'missed_offers', scope: { dimension: 'agent', value: 'boris' }, period: 'day', target: 4 });
    await create({ metric: 'contacts_handled', scope: { dimension: 'agent', value: 'anna' }, period: 'month', target: 1000 });
  });

  it('gives supervisors every plan, an each-agent plan once per agent, with the hand-worked figures at noon', async () => {
    // Act
    const res = await call('GET', '/plans/attainment?period=day&date=2026-12-03', token.supervisor);
    const page = (await json(res)) as AttainmentPage;
    // Assert
    expect(res.status).toBe(200);
    expect(page).toMatchObject({ period: 'day', date: '2026-12-03', from: '2026-12-03T00:00:00+03:00', to: '2026-12-04T00:00:00+03:00', timeZone: 'Europe/Moscow', asOf: NOON.toISOString() });
    // 30 of 60 at half the day: expected 30, on pace; Борис 10 of 60: 16.7 %, behind; Дмитрий nothing yet, behind.
    expect(row(page, 'day.agent.contacts_handled', 'anna')).toMatchObject({ actual: 30, attainment: { percent: 50, met: false, elapsed: 0.5, expected: 30, pace: 'on_pace' } });
    expect(row(page, 'day.agent.contacts_handled', 'boris')).toMatchObject({ actual: 10, attainment: { percent: 16.7, pace: 'behind' } });
    expect(row(page, 'day.agent.contacts_handled', 'dmitry')).toMatchObject({ actual: 0, attainment: { percent: 0, pace: 'behind' } });
    // AHT 9000 s ÷ 30 = 300 s against 280 s, lower being better: 280 ÷ 300 = 93.3 %, no pace for an average.
    expect(row(page, 'day.agent.average_handle_time.anna', 'anna')).toMatchObject({ actual: 300, attainment: { percent: 93.3, met: false, expected: null, pace: null } });
    // The queue's team: 40 of 100 at noon (expected 50, 2.5 either side on pace): behind.
    expect(row(page, 'day.queue.contacts_handled.support', 'support')).toMatchObject({ actual: 40, attainment: { percent: 40, expected: 50, pace: 'behind' } });
    // Service level 34 of 40 = 85 % against 80 %: 106.3 %, met.
    expect(row(page, 'day.tenant.service_level', undefined)).toMatchObject({ actual: 85, attainment: { percent: 106.3, met: true, pace: null } });
    // 3 missed offers within an allowance of 4, which by noon is 2: met so far, but behind its pace.
    expect(row(page, 'day.agent.missed_offers.boris', 'boris')).toMatchObject({ actual: 3, attainment: { percent: 133.3, met: true, expected: 2, pace: 'behind' } });
    expect(page.rows.some((r) => r.plan.period === 'month')).toBe(false);
  });

  it('gives an agent the plans that apply to them, measured on their own, their queue’s or the tenant’s figure', async () => {
    // Act
    const day = (await json(await call('GET', '/plans/attainment?date=2026-12-03', token.anna))) as AttainmentPage;
    const month = (await json(await call('GET', '/plans/attainment?period=month&date=2026-12-03&agentId=anna', token.anna))) as AttainmentPage;
    const listed = (await json(await call('GET', '/plans', token.anna))).plans as Plan[];
    // Assert
    expect(day.rows.map((r) => [r.plan.planId, r.subject.value ?? '*', r.actual])).toEqual([
      ['day.tenant.service_level', '*', 85],
      ['day.queue.contacts_handled.support', 'support', 40],
      ['day.agent.average_handle_time.anna', 'anna', 300],
      ['day.agent.contacts_handled', 'anna', 30],
    ]);
    // December so far: 35 of 1000 with 2.5 of 31 days gone by (expected 80.6): behind.
    expect(month.rows).toHaveLength(1);
    expect(month).toMatchObject({ date: '2026-12-01', from: '2026-12-01T00:00:00+03:00', to: '2027-01-01T00:00:00+03:00' });
    expect(month.rows[0]).toMatchObject({ actual: 35, attainment: { percent: 3.5, expected: 80.6, pace: 'behind' } });
    expect(month.rows[0]!.attainment.elapsed).toBeCloseTo(2.5 / 31, 10);
    expect(listed.map((p) => p.planId).sort()).toEqual(['day.agent.average_handle_time.anna', 'day.agent.contacts_handled', 'day.queue.contacts_handled.support', 'day.tenant.service_level', 'month.agent.contacts_handled.anna']);
  });

  it('lets an agent ask only for themself, and a supervisor for an agent of the tenant', async () => {
    expect((await call('GET', '/plans/attainment?agentId=boris', token.anna)).status).toBe(403);
    expect((await call('GET', '/plans/attainment?agentId=vera', token.supervisor)).status).toBe(404);
    const boris = (await json(await call('GET', '/plans/attainment?date=2026-12-03&agentId=boris', token.supervisor))) as AttainmentPage;
    expect(boris.rows.map((r) => r.plan.planId)).toContain('day.agent.missed_offers.boris');
  });

  it('refuses a bad query with a 400 and its reason, and limits reads like reports', async () => {
    // Arrange
    for (let i = 0; i < REPORT_LIMIT.max; i++) await ctx.deps.rateLimiter.hit(A, 'attainment#boris', REPORT_LIMIT, ctx.clock.now());
    // Act
    const badDate = await call('GET', '/plans/attainment?date=2026-02-30', token.anna);
    const badPeriod = await call('GET', '/plans/attainment?period=year', token.anna);
    const limited = await call('GET', '/plans/attainment', token.boris);
    // Assert
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(await json(badDate))).toMatch(/date must be a calendar day/);
    expect(badPeriod.status).toBe(400);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
