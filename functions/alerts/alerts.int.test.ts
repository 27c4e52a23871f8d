/**
 * KPI alerts through the local contact center: a supervisor's rule fires when a queue's figure crosses its
 * threshold (contacts waiting; the oldest wait, which crosses with no change on the stream, through the rule's
 * timer), once, and recovers once; the SMS and e-mail land in the local outbox and the notice in the bell's
 * history. Roles, 4xx reasons and the audit log of the API. Every wait is on a condition.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startContactCenter, type RunningContactCenter } from '../local/contact-center.ts';
import { consoleApi, waitFor, type ConsoleApi } from '../../test/live.ts';

let center: RunningContactCenter;
type Api = ConsoleApi;
let supervisor: Api;
let admin: Api;
let anna: Api;

const as = (login: string) => consoleApi(center, login);

type OutboxMessage = { channel: 'sms' | 'email'; recipient: string; subject: string; text: string; time: string };
type Notice = { alertId: string; kind: 'fired' | 'recovered'; value: number; deliveries?: { channel: string; status: string }[] };
const outbox = async () => (await (await fetch(`${center.baseUrl}/local/outbox`)).json()) as OutboxMessage[];
const notices = async (alertId: string) => ((await (await supervisor('/alerts/notices')).json()) as { notices: Notice[] }).notices.filter((n) => n.alertId === alertId);

/** A queue of its own; its contacts ask for a skill nobody has, so they wait for as long as the test needs. */
async function lonelyQueue(name: string): Promise<string> {
  const res = await admin('/queues', { method: 'POST', body: { name, priority: 1 } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { queueId: string }).queueId;
}

const waitIn = (queueId: string, contactId: string) => center.services.routing.commands.createContact(center.demo.tenantId, { contactId, queueId, channel: 'webchat', priority: 0, requiredSkills: [{ skill: 'nobody-has-it', level: 1 }] });

beforeAll(async () => {
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true });
  supervisor = await as('supervisor@romashka.demo');
  admin = await as('admin@romashka.demo');
  anna = await as('anna@romashka.demo');
}, 120_000);
afterAll(() => center?.stop());

describe('KPI alerts', () => {
  it('tells the recipients once when customers start waiting in a queue and once when nobody waits any more', async () => {
    // Arrange
    const queueId = await lonelyQueue('Оповещения: ожидание');
    const created = await supervisor('/alerts', { method: 'POST', body: { metric: 'contacts_waiting', queueId, comparison: 'gt', threshold: 0, windowSeconds: 0, quietSeconds: 0, recipients: [{ email: 'duty@romashka.demo' }, { phone: '+79161234567' }] } });
    expect(created.status).toBe(201);
    const rule = (await created.json()) as { alertId: string; watch: { firing: boolean } };
    expect(rule.watch.firing).toBe(false);

    // Act: two customers arrive, then both leave
    await waitIn(queueId, 'alert-wait-1');
    const fired = await waitFor(async () => (await notices(rule.alertId)).find((n) => n.kind === 'fired' && n.deliveries));
    await waitIn(queueId, 'alert-wait-2');
    await center.services.routing.commands.abandonContact(center.demo.tenantId, 'alert-wait-1', 'the visitor closed the chat');
    await center.services.routing.commands.abandonContact(center.demo.tenantId, 'alert-wait-2', 'the visitor closed the chat');
    const recovered = await waitFor(async () => (await notices(rule.alertId)).find((n) => n.kind === 'recovered' && n.deliveries));

    // Assert: one notice each way, both recipients sent to, newest first in the outbox
    expect(fired).toMatchObject({ value: 1, deliveries: [{ channel: 'email', status: 'sent' }, { channel: 'sms', status: 'sent' }] });
    expect(recovered.value).toBe(0);
    expect((await notices(rule.alertId)).map((n) => n.kind)).toEqual(['recovered', 'fired']);
    const mine = (await outbox()).filter((m) => m.text.includes('Оповещения: ожидание'));
    expect(mine.map((m) => [m.channel, m.recipient, m.subject.split(':')[0]])).toEqual([
      ['sms', '+79161234567', 'Норма'], ['email', 'duty@romashka.demo', 'Норма'], ['sms', '+79161234567', 'Тревога'], ['email', 'duty@romashka.demo', 'Тревога'],
    ]);
    expect(mine[3]!.text).toMatch(/^Тревога: .+ — очередь «Оповещения: ожидание»\. Сейчас 1, порог > 0\.$/);
    expect(Date.parse(mine[0]!.time)).toBeGreaterThanOrEqual(Date.parse(mine[3]!.time));
    const listed = (await (await supervisor('/alerts')).json()) as { alerts: { alertId: string; watch: { firing: boolean; value: number } }[] };
    expect(listed.alerts.find((a) => a.alertId === rule.alertId)?.watch).toMatchObject({ firing: false, value: 0 });
  });

  it('fires when the oldest wait crosses its threshold with nothing else happening, on the rule’s own timer', async () => {
    // Arrange
    const queueId = await lonelyQueue('Оповещения: долгое ожидание');
    await waitIn(queueId, 'alert-old-1');
    // Act
    const created = await supervisor('/alerts', { method: 'POST', body: { name: 'Долгое ожидание', metric: 'oldest_contact_age', queueId, comparison: 'gt', threshold: 2, windowSeconds: 0, recipients: [{ phone: '+79990001122', language: 'en' }] } });
    const rule = (await created.json()) as { alertId: string; watch: { recheckAt?: string } };
    // Assert: it asked to be looked at when the wait would pass 2 s, and then it fired
    expect(created.status).toBe(201);
    expect(rule.watch.recheckAt).toBeDefined();
    const fired = await waitFor(async () => (await notices(rule.alertId)).find((n) => n.kind === 'fired' && n.deliveries), 15_000);
    expect(fired.value).toBeGreaterThan(2);
    const sms = await waitFor(async () => (await outbox()).find((m) => m.recipient === '+79990001122'));
    expect(sms.text).toMatch(/^Alert: .+ — queue "Оповещения: долгое ожидание"\. Now \d+ s, threshold > 2 s\. Rule: Долгое ожидание\.$/);
  });

  it('lets supervisors change and delete rules, recorded in the audit log; agents may not', async () => {
    // Arrange
    const created = (await (await supervisor('/alerts', { method: 'POST', body: { metric: 'service_level', comparison: 'lt', threshold: 80, windowSeconds: 3600 } })).json()) as { alertId: string };
    // Act
    const patched = await supervisor(`/alerts/${created.alertId}`, { method: 'PATCH', body: { threshold: 70, recipients: [{ email: 'head@romashka.demo' }] } });
    const deleted = await supervisor(`/alerts/${created.alertId}`, { method: 'DELETE' });
    const again = await supervisor(`/alerts/${created.alertId}`, { method: 'DELETE' });
    // Assert
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ threshold: 70, recipients: [{ email: 'head@romashka.demo' }], quietSeconds: 300, enabled: true });
    expect([deleted.status, again.status]).toEqual([204, 404]);
    const audit = (await (await admin('/audit?target=alert')).json()) as { entries: { targetId: string; action: string }[] };
    expect(audit.entries.filter((e) => e.targetId === created.alertId).map((e) => e.action).sort()).toEqual(['created', 'deleted', 'updated']);
    expect((await anna('/alerts')).status).toBe(403);
    expect((await anna('/alerts', { method: 'POST', body: { metric: 'contacts_waiting', comparison: 'gt', threshold: 0 } })).status).toBe(403);
    expect((await anna('/alerts/notices')).status).toBe(403);
  });

  it('answers a rule that cannot work with a 4xx and its reason', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ metric: 'no_such_metric', comparison: 'gt', threshold: 0 }, 400, /unknown metric/],
      [{ metric: 'contacts_waiting', agentId: 'u-agent-1', comparison: 'gt', threshold: 0 }, 400, /not kept per agent/],
      [{ metric: 'contacts_waiting', queueId: 'vip', agentId: 'u-agent-1', comparison: 'gt', threshold: 0 }, 400, /one queue, one agent or the whole tenant/],
      [{ metric: 'contacts_waiting', queueId: 'no-such-queue', comparison: 'gt', threshold: 0 }, 404, /no-such-queue/],
      [{ metric: 'contacts_waiting', comparison: 'gt', threshold: 0, recipients: [{ phone: '89161234567' }] }, 400, /international format/],
      [{ metric: 'contacts_waiting', comparison: 'gt', threshold: 'many' }, 400, /threshold/],
    ];
    for (const [body, status, reason] of cases) {
      const res = await supervisor('/alerts', { method: 'POST', body });
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), status]);
      expect(await res.text()).toMatch(reason);
    }
    expect((await supervisor('/alerts/nope', { method: 'PATCH', body: { threshold: 1 } })).status).toBe(404);
    expect((await supervisor('/alerts/nope', { method: 'PATCH', body: {} })).status).toBe(400);
  });
});
