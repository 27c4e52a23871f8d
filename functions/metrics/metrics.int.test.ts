/**
 * KPIs through the local contact center: contacts handled and abandoned flow through the real stream into the
 * aggregates, and `GET /api/reports` reads them back per queue and per agent, as JSON and CSV, with the roles and
 * the 400 reasons of the API. Every wait is on a condition.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startContactCenter, type RunningContactCenter } from '../local/contact-center.ts';
import { consoleApi, openConsoleSocket, signIn, waitFor, type ConsoleApi } from '../../test/live.ts';

let center: RunningContactCenter;
type Api = ConsoleApi;
let supervisor: Api;
let anna: Api;

const as = (login: string) => consoleApi(center, login);

/** Two days around now, so a test run across midnight in Moscow still finds its contacts. */
const around = () => `from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date(Date.now() + 86_400_000).toISOString()}`;
const total = (page: Page, id: string) => page.rows.reduce((sum, r) => sum + (r.values[id] ?? 0), 0);

type Page = { rows: { group: Record<string, string>; intervalStart: string; values: Record<string, number | null> }[]; metrics: string[]; timeZone: string };

beforeAll(async () => {
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true });
  supervisor = await as('supervisor@romashka.demo');
  anna = await as('anna@romashka.demo');
}, 120_000);
afterAll(() => center?.stop());

describe('KPIs on the stream', () => {
  it('counts a chat Анна handled and one the customer abandoned in today’s report of the queue', async () => {
    // Arrange
    const { tenantId } = center.demo;
    const { commands } = center.services.routing;
    expect((await anna('/agents/me/status', { method: 'PUT', body: { status: 'available' } })).status).toBe(200);
    const handled = await commands.createContact(tenantId, { contactId: 'kpi-handled', queueId: 'support', channel: 'telegram', priority: 0, requiredSkills: [] });
    await waitFor(async () => (await center.deps.contacts.get(tenantId, handled.contactId))?.status === 'offered');

    // Act: accepted, ended, completed; a second chat is left by its customer while waiting
    expect((await anna(`/contacts/${handled.contactId}/accept`, { method: 'POST' })).status).toBe(200);
    expect((await anna(`/contacts/${handled.contactId}/end`, { method: 'POST' })).status).toBe(200);
    expect((await anna(`/contacts/${handled.contactId}/complete`, { method: 'POST', body: { topics: [] } })).status).toBe(200);
    await commands.createContact(tenantId, { contactId: 'kpi-abandoned', queueId: 'vip', channel: 'webchat', priority: 0, requiredSkills: [{ skill: 'nobody-has-it', level: 1 }] });
    await commands.abandonContact(tenantId, 'kpi-abandoned', 'the visitor closed the chat');
    const metrics = 'contacts_arrived,contacts_handled,contacts_abandoned,contacts_closed,average_handle_time,abandonment_rate';
    const read = async (ids: string) => (await (await supervisor(`/reports?groupBy=queue&interval=day&ids=${ids}&metrics=${metrics}&${around()}`)).json()) as Page;
    const support = await waitFor(async () => { const page = await read('support'); return total(page, 'contacts_closed') === 1 ? page : undefined; });
    const vip = await waitFor(async () => { const page = await read('vip'); return total(page, 'contacts_abandoned') === 1 ? page : undefined; });

    // Assert: one row per local day of the range, the contacts in one of them
    expect(support.timeZone).toBe('Europe/Moscow');
    expect(support.rows.length).toBeGreaterThanOrEqual(2);
    for (const row of support.rows) expect(row.intervalStart).toMatch(/T00:00:00\+03:00$/);
    const day = support.rows.find((r) => r.values['contacts_closed'] === 1)!;
    expect(day.values).toMatchObject({ contacts_arrived: 1, contacts_handled: 1, contacts_abandoned: 0, contacts_closed: 1, abandonment_rate: 0 });
    expect(day.values['average_handle_time']).toBeGreaterThanOrEqual(0);
    expect(vip.rows.find((r) => r.values['contacts_abandoned'] === 1)!.values).toMatchObject({ contacts_arrived: 1, contacts_handled: 0, contacts_closed: 0, average_handle_time: null, abandonment_rate: 100 });
    expect(support.rows.filter((r) => r !== day).every((r) => r.values['average_handle_time'] === null)).toBe(true);
  });

  it('exports the same report as CSV with Russian or English column names', async () => {
    // Act
    const ru = await supervisor(`/reports?groupBy=queue&interval=day&ids=support&metrics=contacts_handled,contacts_closed&format=csv&${around()}`);
    const en = await supervisor('/reports?groupBy=queue&interval=day&ids=support&metrics=contacts_handled,contacts_closed', { headers: { accept: 'text/csv', 'accept-language': 'en-US' } });
    // Assert
    expect(ru.headers.get('content-type')).toContain('text/csv');
    const [header, ...lines] = (await ru.text()).trim().split('\r\n');
    expect(header).toBe('Очередь,Начало интервала,Обслужено,Завершено');
    expect(lines).toContainEqual(expect.stringMatching(/^support,\d{4}-\d{2}-\d{2}T00:00:00\+03:00,1,1$/));
    expect(lines.filter((l) => !l.endsWith(',1,1')).every((l) => l.endsWith(',0,0'))).toBe(true);
    expect((await en.text()).split('\r\n')[0]).toBe('Queue,Interval start,Contacts handled,Contacts completed');
  });

  it('shows an agent only their own figures', async () => {
    // Act
    const own = (await (await anna(`/reports?groupBy=agent&interval=day&metrics=contacts_handled,time_available&${around()}`)).json()) as Page;
    const queues = await anna('/reports?groupBy=queue');
    const colleague = await anna('/reports?groupBy=agent&ids=u-agent-2');
    // Assert
    expect(new Set(own.rows.map((r) => r.group['agentId']))).toEqual(new Set(['u-agent-1']));
    expect(total(own, 'contacts_handled')).toBe(1);
    expect(queues.status).toBe(403);
    expect(colleague.status).toBe(403);
  });

  it('answers a bad report request with a 400 and its reason', async () => {
    const cases: [string, RegExp][] = [
      ['/reports?interval=year', /interval/],
      ['/reports?metrics=contacts_handled,no_such_metric', /Unknown metric "no_such_metric"/],
      ['/reports?metrics=contacts_waiting', /live metric/],
      ['/reports?groupBy=queue&metrics=occupancy', /not kept per queue/],
      ['/reports?from=2026-12-02T10:00:00Z&to=2026-12-01T10:00:00Z', /from must be before to/],
      ['/reports?interval=15m&from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z', /at most 31 days/],
      ['/reports?groupBy=queue&ids=nowhere', /No queue "nowhere"/],
      ['/reports?cursor=abc', /cursor/],
    ];
    for (const [path, reason] of cases) {
      const res = await supervisor(path);
      expect([path, res.status]).toEqual([path, 400]);
      expect([path, JSON.stringify(await res.json()).replaceAll('\\"', '"')]).toEqual([path, expect.stringMatching(reason)]);
    }
  });

  it('serves the metric catalog with names, units and formulas', async () => {
    const { metrics } = (await (await anna('/metrics')).json()) as { metrics: { id: string; name: { ru: string; en: string }; unit: string; formula: string; dimensions: string[] }[] };
    expect(metrics.length).toBeGreaterThanOrEqual(50);
    expect(metrics.find((m) => m.id === 'service_level')).toMatchObject({ unit: 'percent', name: { ru: 'Уровень обслуживания', en: 'Service level' }, formula: '100 × answeredInTime ÷ (handled + abandonedLate)' });
  });

  it('pages a long report', async () => {
    const first = (await (await supervisor('/reports?groupBy=tenant&interval=15m&metrics=contacts_arrived&limit=10&from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z')).json()) as Page & { nextCursor?: string };
    expect(first.rows).toHaveLength(10);
    const second = (await (await supervisor(`/reports?groupBy=tenant&interval=15m&metrics=contacts_arrived&limit=10&from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z&cursor=${first.nextCursor}`)).json()) as Page;
    expect(first.nextCursor).toBe('10');
    expect(second.rows[0]!.intervalStart).toBe('2026-12-01T05:30:00+03:00');
  });

  it('pushes today’s KPI tiles of the queue and the tenant to supervisors as a change is folded, and serves them', async () => {
    // Arrange
    const user = center.demo.users.find((u) => u.login === 'supervisor@romashka.demo')!;
    const { token } = await signIn(center.baseUrl, user);
    const live = openConsoleSocket(center.baseUrl, token);
    await live.opened;
    const { tenantId } = center.demo;
    // Act: a sales customer leaves while waiting
    await center.services.routing.commands.createContact(tenantId, { contactId: 'kpi-tile-left', queueId: 'sales', channel: 'webchat', priority: 0, requiredSkills: [{ skill: 'nobody-has-it', level: 1 }] });
    await center.services.routing.commands.abandonContact(tenantId, 'kpi-tile-left', 'the visitor closed the chat');
    type Tile = { dimension: string; value: string; date: string; values: Record<string, number | null> };
    const pushed = await waitFor(() => live.messages.map((m) => m['kpi'] as Tile | undefined).find((k) => k?.dimension === 'queue' && k.value === 'sales' && k.values['contacts_abandoned'] === 1));
    const served = (await (await supervisor('/wallboard/kpis')).json()) as { tenant: Tile; queues: Tile[] };
    live.socket.close();
    // Assert
    expect(pushed.values).toMatchObject({ contacts_handled: 0, contacts_abandoned: 1, abandonment_rate: 100, average_handle_time: null });
    expect(live.messages.some((m) => m.type === 'kpi.updated' && (m['kpi'] as Tile).dimension === 'tenant')).toBe(true);
    expect(served.queues.find((q) => q.value === 'sales')?.values['contacts_abandoned']).toBe(1);
    expect(served.tenant).toMatchObject({ dimension: 'tenant', value: '*', date: pushed.date });
    expect(served.tenant.values['contacts_abandoned']).toBeGreaterThanOrEqual(1);
    expect((await anna('/wallboard/kpis')).status).toBe(403);
  });
});
