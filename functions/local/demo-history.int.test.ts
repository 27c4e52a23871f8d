// `npm start`'s past on DynamoDB Local: the contact center with the demo's past on (three days here, to keep the
// writes small) folds a history that `GET /api/reports` reads back per queue and per agent, seeds the plans and the
// VIP alert rule, and a second start on the same table adds nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { addDays, localDate, startOfLocalDate } from '@cc/shared/calendar/values';
import { signIn } from '../../test/live.ts';
import { startContactCenter, type RunningContactCenter } from './contact-center.ts';
import { demoHistoryDays, historyDates } from './demo-history.ts';
import { foldHistoryDay } from './seed-history.ts';
import { DEMO_ALERT_ID } from './seed-goals.ts';

const TZ = 'Europe/Moscow';
const DAYS = 3;
const tableName = `cc-history-${randomUUID().slice(0, 8)}`;
const start = () => startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), tableName, quiet: true, demoPast: { days: DAYS } });
let running: RunningContactCenter | undefined;
let folded: string[] = [];
afterAll(() => running?.stop());

type Page = { rows: { group: Record<string, string>; intervalStart: string; values: Record<string, number | null> }[] };

/** A supervisor's `GET /api/…` on the center. */
async function supervisorGet<T>(center: RunningContactCenter, path: string): Promise<T> {
  const { token } = await signIn(center.baseUrl, center.demo.users.find((u) => u.role === 'supervisor')!);
  const res = await fetch(`${center.baseUrl}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect([path, res.status]).toEqual([path, 200]);
  return (await res.json()) as T;
}

/** The last seven local days, today included. */
function lastWeek(now = new Date()) {
  const today = localDate(now, TZ);
  return { today, query: `from=${startOfLocalDate(addDays(today, -6), TZ).toISOString()}&to=${startOfLocalDate(addDays(today, 1), TZ).toISOString()}` };
}
const reportOfWeek = (center: RunningContactCenter, groupBy: 'queue' | 'agent') =>
  supervisorGet<Page>(center, `/reports?groupBy=${groupBy}&interval=day&metrics=contacts_handled,${groupBy === 'queue' ? 'contacts_arrived' : 'time_available'}&${lastWeek().query}`);
/** Handled contacts per group over the days before today. */
const handledBefore = (page: Page, key: string) => {
  const today = `${lastWeek().today}T00:00:00+03:00`;
  const out: Record<string, number> = {};
  for (const row of page.rows) if (row.intervalStart < today) out[row.group[key]!] = (out[row.group[key]!] ?? 0) + (row.values['contacts_handled'] ?? 0);
  return out;
};

describe('the demo past on npm start', () => {
  it('folds past days that the week’s report shows per queue and per agent, with the plans and the VIP alert rule', { timeout: 240_000 }, async () => {
    // Arrange
    running = await start();
    // Act
    const seeded = await running.demoHistory;
    const [queues, agents] = [await reportOfWeek(running, 'queue'), await reportOfWeek(running, 'agent')];
    const { plans } = await supervisorGet<{ plans: { planId: string }[] }>(running, '/plans');
    const { alerts } = await supervisorGet<{ alerts: { alertId: string; metric: string; queueId: string; threshold: number; recipients: unknown[] }[] }>(running, '/alerts');
    // Assert: handled contacts on past days in every queue and for every agent, none today (today is live)
    expect(seeded).toMatchObject({ seeded: true, applied: DAYS });
    folded = seeded!.dates;
    expect(folded).toEqual(historyDates(new Date(), TZ, DAYS));
    const byQueue = handledBefore(queues, 'queueId');
    expect(Object.keys(byQueue).sort()).toEqual(['sales', 'support', 'vip']);
    for (const [queueId, handled] of Object.entries(byQueue)) expect([queueId, handled > 0]).toEqual([queueId, true]);
    const byAgent = handledBefore(agents, 'agentId');
    expect(Object.keys(byAgent).sort()).toEqual(['u-agent-1', 'u-agent-2', 'u-agent-3', 'u-agent-4']);
    for (const [agentId, handled] of Object.entries(byAgent)) expect([agentId, handled > 0]).toEqual([agentId, true]);
    expect(queues.rows.filter((r) => r.intervalStart.startsWith(lastWeek().today)).every((r) => r.values['contacts_arrived'] === 0)).toBe(true);
    expect(plans.map((p) => p.planId).sort()).toEqual(['day.agent.contacts_handled', 'day.queue.service_level.support', 'day.queue.service_level.vip', 'month.tenant.contacts_handled']);
    expect(alerts).toEqual([expect.objectContaining({ alertId: DEMO_ALERT_ID, metric: 'oldest_contact_age', queueId: 'vip', threshold: 60, recipients: [{ email: 'supervisor@romashka.demo' }, { phone: '+79990000000' }] })]);
  });

  it('adds nothing on a second start: the same figures, each day already folded', { timeout: 240_000 }, async () => {
    // Arrange
    const before = { queues: await reportOfWeek(running!, 'queue'), agents: await reportOfWeek(running!, 'agent') };
    await running!.stop();
    // Act
    running = await start();
    const seeded = await running.demoHistory;
    const after = { queues: await reportOfWeek(running, 'queue'), agents: await reportOfWeek(running, 'agent') };
    const { tenantId } = running.demo;
    const [day] = demoHistoryDays(folded.slice(-1), { tenantId, timeZone: TZ, agents: await running.deps.agents.list(tenantId), queues: await running.deps.queues.list(tenantId) });
    const refold = await foldHistoryDay(running.deps, tenantId, TZ, day!);
    const { plans } = await supervisorGet<{ plans: unknown[] }>(running, '/plans');
    const { alerts } = await supervisorGet<{ alerts: unknown[] }>(running, '/alerts');
    // Assert
    expect(seeded).toMatchObject({ seeded: false });
    expect(after).toEqual(before);
    expect(refold).toBe('duplicate');
    expect([plans.length, alerts.length]).toEqual([4, 1]);
  });
});
