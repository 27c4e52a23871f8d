import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { AuditEntry } from '@cc/shared/audit/values';
import { demoFlowInput } from '@cc/shared/voice/testing';
import { createApp } from '../app.ts';
import { createTestDeps } from '../../../test/deps.ts';
import { json } from '../../../test/json.ts';

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let app: ReturnType<typeof createApp>;
const token: Record<string, string> = {};
const { menu: _menu, ...directFlow } = demoFlowInput();
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: `Name ${userId}`, login: `${userId}@${tenantId}` });

async function call(method: string, path: string, as: string, body?: unknown) {
  return app.request(path, { method, ...(body !== undefined && { body: JSON.stringify(body) }), headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' } });
}

beforeAll(async () => {
  ctx = await createTestDeps();
  app = createApp(ctx.deps, ctx.services);
  for (const tenantId of ['tenant-a', 'tenant-b']) {
    for (const queueId of ['support', 'sales']) await ctx.deps.queues.put({ tenantId, queueId, name: queueId, priority: 1, serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, timeZone: 'Europe/Moscow', offerTimeoutSeconds: 20, afterContactWorkSeconds: 0, requiredSkills: { byChannel: {}, byMenuChoice: {} }, ageingPerMinute: 1 });
  }
  await ctx.deps.directory.putPhoneNumber({ tenantId: 'tenant-a', e164: '+74951234567', name: 'Основной', defaultQueueId: 'support' });
  token.adminA = await ctx.issuer.issue(principal('tenant-a', 'admin-a', 'admin'));
  token.adminB = await ctx.issuer.issue(principal('tenant-b', 'admin-b', 'admin'));
  token.supervisorA = await ctx.issuer.issue(principal('tenant-a', 'sup-a', 'supervisor'));
});
afterAll(() => ctx?.table.drop());

describe('the audit log', () => {
  it('records a channel created and renamed, and a call flow changed: who, what, before and after', async () => {
    const created = await call('POST', '/api/channels', token.adminA!, { kind: 'webchat', name: 'Сайт', defaultQueueId: 'support' });
    expect(created.status, await created.clone().text()).toBe(201);
    const { channelId } = await json(created);
    expect((await call('PATCH', `/api/channels/${channelId}`, token.adminA!, { name: 'Сайт магазина' })).status).toBe(200);
    const flow = await call('PUT', '/api/phone-numbers/74951234567/flow', token.adminA!, { ...directFlow, queueId: 'support' });
    expect(flow.status, await flow.clone().text()).toBe(200);

    const res = await call('GET', '/api/audit', token.adminA!);
    expect(res.status).toBe(200);
    const { entries } = (await json(res)) as { entries: AuditEntry[] };
    expect(entries.map((e) => `${e.target}:${e.action}`)).toEqual(['phone-number:updated', 'channel:updated', 'channel:created']);
    const renamed = entries[1]!;
    expect(renamed).toMatchObject({ targetId: channelId, actor: { userId: 'admin-a', name: 'Name admin-a', login: 'admin-a@tenant-a' }, before: { name: 'Сайт' }, after: { name: 'Сайт магазина' } });
    expect(renamed.changed).toContain('name');
    expect(entries[0]).toMatchObject({ targetId: '+74951234567', after: { greeting: directFlow.greeting, queueId: 'support' } });
    expect(entries[0]!.before).toBeUndefined();
  });

  it('never records a secret, but records that one was replaced', async () => {
    const created = await json(await call('POST', '/api/channels', token.adminA!, { kind: 'viber', name: 'Viber', defaultQueueId: 'support', secrets: { token: 'viber-token-0123456789abcdef' } }));
    const rotated = await call('PATCH', `/api/channels/${created.channelId}`, token.adminA!, { secrets: { token: 'viber-token-fedcba9876543210' } });
    expect(rotated.status, await rotated.clone().text()).toBe(200);
    const { entries } = (await json(await call('GET', '/api/audit?target=channel&limit=2', token.adminA!))) as { entries: AuditEntry[] };
    expect(JSON.stringify(entries)).not.toContain('viber-token');
    expect(entries[0]!.after).toMatchObject({ credentialsReplaced: ['token'] });
  });

  it('pages newest first with a cursor and filters by target', async () => {
    const first = await json(await call('GET', '/api/audit?limit=2', token.adminA!));
    expect(first.entries).toHaveLength(2);
    expect(first.cursor).toEqual(expect.any(String));
    const second = await json(await call('GET', `/api/audit?limit=2&cursor=${first.cursor}`, token.adminA!));
    const seen = [...first.entries, ...second.entries].map((e: AuditEntry) => e.entryId);
    expect(new Set(seen).size).toBe(seen.length);
    const all = (await json(await call('GET', '/api/audit?limit=100', token.adminA!))).entries as AuditEntry[];
    expect(seen).toEqual(all.slice(0, seen.length).map((e) => e.entryId));
    const flows = (await json(await call('GET', '/api/audit?target=phone-number', token.adminA!))).entries as AuditEntry[];
    expect(flows.map((e) => e.target)).toEqual(['phone-number']);
  });

  it('is for admins of the tenant only, and refuses a bad query with a reason', async () => {
    expect((await call('GET', '/api/audit', token.supervisorA!)).status).toBe(403);
    expect((await json(await call('GET', '/api/audit', token.adminB!))).entries).toEqual([]);
    const badCursor = await call('GET', '/api/audit?cursor=bm90LW91cnM', token.adminA!);
    expect(badCursor.status).toBe(400);
    expect((await json(badCursor)).detail).toMatch(/cursor/);
    expect((await call('GET', '/api/audit?target=spaceship', token.adminA!)).status).toBe(400);
    expect((await call('GET', '/api/audit?limit=1000', token.adminA!)).status).toBe(400);
  });
});
