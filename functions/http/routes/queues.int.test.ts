import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { AuditEntry } from '@cc/shared/audit/values';
import { readWireSample } from '@cc/shared/messaging/testing/wire';
import type { StoredMessage } from '@cc/shared/conversations/model';
import { createApp } from '../app.ts';
import { createTestDeps } from '../../../test/deps.ts';
import { json } from '../../../test/json.ts';
import { routingReactions } from '../../routing/reactions.ts';
import type { ItemChange } from '../../streams/app.ts';
import { messagingReactions } from '../../messaging/reactions.ts';
import { StreamPump, createTestChannel, providerHeaders, scanEntity } from '../../messaging/testing/harness.ts';

// Saturday 13:00 in Moscow: a weekday-only queue is closed.
const SATURDAY = new Date('2026-03-14T10:00:00.000Z');
const weekday = [{ open: '09:00', close: '13:00' }, { open: '14:00', close: '18:00' }];

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let app: ReturnType<typeof createApp>;
const token: Record<string, string> = {};
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });

async function call(method: string, path: string, as: string, body?: unknown) {
  return app.request(path, { method, ...(body !== undefined && { body: JSON.stringify(body) }), headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' } });
}

beforeAll(async () => {
  ctx = await createTestDeps(() => SATURDAY);
  app = createApp(ctx.deps, ctx.services);
  token.adminA = await ctx.issuer.issue(principal('tenant-a', 'admin-a', 'admin'));
  token.supervisorA = await ctx.issuer.issue(principal('tenant-a', 'sup-a', 'supervisor'));
  token.agentA = await ctx.issuer.issue(principal('tenant-a', 'agent-a', 'agent'));
  token.adminB = await ctx.issuer.issue(principal('tenant-b', 'admin-b', 'admin'));
});
afterAll(() => ctx?.table.drop());

describe('queue administration', () => {
  it('creates a queue from a name and a priority with a readable id and defaults, open around the clock', async () => {
    const res = await call('POST', '/api/queues', token.adminA!, { name: 'Продажи', priority: 5 });
    expect(res.status, await res.clone().text()).toBe(201);
    const queue = await json(res);
    expect(queue).toMatchObject({ queueId: 'prodazhi', name: 'Продажи', priority: 5, serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, offerTimeoutSeconds: 20, afterContactWorkSeconds: 0, timeZone: 'UTC', version: 1 });
    expect(queue.businessHours).toBeUndefined();
    expect((await json(await call('GET', '/api/queues', token.agentA!))).queues.map((q: { queueId: string }) => q.queueId)).toContain('prodazhi');
  });

  it('lets only admins create and change queues', async () => {
    expect((await call('POST', '/api/queues', token.supervisorA!, { name: 'X', priority: 1 })).status).toBe(403);
    expect((await call('POST', '/api/queues', token.agentA!, { name: 'X', priority: 1 })).status).toBe(403);
    expect((await call('PATCH', '/api/queues/prodazhi', token.supervisorA!, { priority: 2 })).status).toBe(403);
    expect((await app.request('/api/queues', { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it('answers 400 with field paths for invalid fields, unknown zones and bad overflow targets', async () => {
    const bad = await call('POST', '/api/queues', token.adminA!, { name: '', priority: 1.5, timeZone: 'Mars/Olympus', businessHours: { weekly: { mon: [{ open: '18:00', close: '09:00' }] } } });
    expect(bad.status).toBe(400);
    const paths = (await json(bad)).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'priority', 'timeZone', 'businessHours.weekly.mon.0']));
    const self = await call('PATCH', '/api/queues/prodazhi', token.adminA!, { maxWaitSeconds: 60, overflowQueueId: 'prodazhi' });
    expect(self.status).toBe(400);
    expect((await json(self)).errors).toEqual([{ path: 'overflowQueueId', message: 'A queue cannot overflow into itself' }]);
    const missing = await call('POST', '/api/queues', token.adminA!, { name: 'VIP', priority: 9, overflowQueueId: 'nowhere' });
    expect(missing.status).toBe(400);
    expect((await json(missing)).errors[0].path).toBe('overflowQueueId');
    const merged = await call('PATCH', '/api/queues/prodazhi', token.adminA!, { wallboardThresholds: { longestWaitSeconds: { warn: 90, alert: 30 } } });
    expect(merged.status).toBe(400);
    expect((await json(merged)).errors[0].path).toBe('wallboardThresholds.longestWaitSeconds');
  });

  it('merges a patch, overflows into another queue, clears fields with null, and refuses a stale version with 409', async () => {
    const support = await json(await call('POST', '/api/queues', token.adminA!, { name: 'Support', priority: 1 }));
    const patched = await call('PATCH', '/api/queues/prodazhi', token.adminA!, { version: 1, maxWaitSeconds: 120, overflowQueueId: support.queueId, topicsRequired: true, wallboardThresholds: { longestWaitSeconds: { warn: 30, alert: 90 } } });
    expect(patched.status, await patched.clone().text()).toBe(200);
    expect(await json(patched)).toMatchObject({ name: 'Продажи', priority: 5, maxWaitSeconds: 120, overflowQueueId: support.queueId, topicsRequired: true, version: 2 });
    // A second editor who loaded version 1 does not overwrite the change above.
    const stale = await call('PATCH', '/api/queues/prodazhi', token.adminA!, { version: 1, priority: 9 });
    expect(stale.status).toBe(409);
    expect(await json(stale)).toMatchObject({ reason: 'queue_changed' });
    const cleared = await json(await call('PATCH', '/api/queues/prodazhi', token.adminA!, { overflowQueueId: null, maxWaitSeconds: null }));
    expect(cleared).toMatchObject({ priority: 5, topicsRequired: true, version: 3 });
    expect(cleared.overflowQueueId).toBeUndefined();
    expect((await ctx.deps.queues.get('tenant-a', 'prodazhi'))?.version).toBe(3);
  });

  it('records every create and change in the audit log with the queue before and after, and nothing for a refused one', async () => {
    const { entries } = (await json(await call('GET', '/api/audit?target=queue&limit=100', token.adminA!))) as { entries: AuditEntry[] };
    const ofProdazhi = entries.filter((e) => e.targetId === 'prodazhi');
    // Newest first: the clearing patch, the overflow patch, the creation; the stale and the invalid patches left none.
    expect(ofProdazhi.map((e) => e.action)).toEqual(['updated', 'updated', 'created']);
    expect(ofProdazhi[2]).toMatchObject({ actor: { userId: 'admin-a' }, after: { name: 'Продажи', priority: 5, version: 1 } });
    expect(ofProdazhi[2]!.before).toBeUndefined();
    expect(ofProdazhi[0]).toMatchObject({ before: { overflowQueueId: expect.any(String), version: 2 }, after: { version: 3 } });
    expect(ofProdazhi[0]!.changed).toEqual(expect.arrayContaining(['maxWaitSeconds', 'overflowQueueId', 'version']));
    expect((await json(await call('GET', '/api/audit?target=queue', token.adminB!))).entries).toEqual([]);
  });

  it('keeps both of two concurrent edits of different fields, or answers one with 409', async () => {
    const [a, b] = await Promise.all([
      call('PATCH', '/api/queues/prodazhi', token.adminA!, { priority: 7 }),
      call('PATCH', '/api/queues/prodazhi', token.adminA!, { offerTimeoutSeconds: 45 }),
    ]);
    const stored = (await ctx.deps.queues.get('tenant-a', 'prodazhi'))!;
    if (a.status === 200 && b.status === 200) expect(stored).toMatchObject({ priority: 7, offerTimeoutSeconds: 45, version: 5 });
    else expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it('never shows or changes another tenant’s queue', async () => {
    expect((await call('PATCH', '/api/queues/prodazhi', token.adminB!, { priority: 1 })).status).toBe(404);
    expect((await call('PATCH', '/api/queues/nowhere', token.adminA!, { priority: 1 })).status).toBe(404);
    expect((await call('GET', '/api/queues/prodazhi', token.adminB!)).status).toBe(404);
    expect((await json(await call('GET', '/api/queues', token.adminB!))).queues).toEqual([]);
    // The same name in tenant b gets the plain id: ids are unique per tenant.
    expect((await json(await call('POST', '/api/queues', token.adminB!, { name: 'Продажи', priority: 1 }))).queueId).toBe('prodazhi');
  });
});

describe('a routed chat honours a new queue’s hours', () => {
  let nextUser = 700;
  const seen = new Set<string>();
  async function chatInto(channelId: string): Promise<string> {
    const pump = new StreamPump(ctx.deps, messagingReactions(ctx.deps, ctx.services));
    const userId = nextUser++;
    const sample = readWireSample<{ message: Record<string, unknown> }>('telegram/update-message-text-private.json');
    const raw = JSON.stringify({ update_id: userId, message: { ...sample.message, message_id: userId, from: { ...(sample.message['from'] as object), id: userId }, chat: { id: userId, type: 'private' } } });
    await app.request(`/webhooks/telegram/${channelId}`, { method: 'POST', body: raw, headers: providerHeaders('telegram', raw) });
    await pump.run();
    const item = (await scanEntity(ctx.deps, 'contact')).find((c) => c['channelId'] === channelId && !seen.has(String(c['contactId'])))!;
    seen.add(String(item['contactId']));
    const reaction = routingReactions(ctx.deps, ctx.services).find((r) => r.name === 'tell new chat customers we are closed')!;
    const change: ItemChange = { eventName: 'INSERT', entity: 'contact', newImage: item, sequenceNumber: '1' };
    await reaction.react(change);
    return String(item['contactId']);
  }
  const systemTexts = async (contactId: string) =>
    (await scanEntity<StoredMessage>(ctx.deps, 'message')).filter((m) => m.contactId === contactId && m.direction === 'outbound' && m.authorId === 'system').map((m) => m.text);

  it('tells a Saturday customer the weekday queue is closed, and stops once the admin opens it around the clock', async () => {
    const weekly = { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday };
    const created = await json(await call('POST', '/api/queues', token.adminA!, { name: 'Office', priority: 1, timeZone: 'Europe/Moscow', businessHours: { weekly, holidays: ['2026-03-16'] } }));
    await createTestChannel(ctx.deps, { tenantId: 'tenant-a', channelId: 'tg-office', kind: 'telegram', defaultQueueId: created.queueId });

    // Monday is a holiday, so the next opening is Tuesday 09:00.
    expect(await systemTexts(await chatInto('tg-office'))).toEqual(['Сейчас мы не работаем. Ответим, как только откроемся: вт 09:00 (МСК).']);

    expect((await call('PATCH', `/api/queues/${created.queueId}`, token.adminA!, { businessHours: null })).status).toBe(200);
    expect(await systemTexts(await chatInto('tg-office'))).toEqual([]);
  });
});
