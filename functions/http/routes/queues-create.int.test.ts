import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { AuditEntry } from '@cc/shared/audit/values';
import { createApp } from '../app.ts';
import { createTestDeps } from '../../../test/deps.ts';
import { json } from '../../../test/json.ts';

// `POST /api/queues` is safe to retry (keyed by the queue's normalised name), and the queue routes' gaps found in
// review: empty patches, renames onto another queue's name, another tenant's queue as an overflow target.
let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let app: ReturnType<typeof createApp>;
const token: Record<string, string> = {};
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });
const call = (method: string, path: string, as: string, body?: unknown) =>
  app.request(path, { method, ...(body !== undefined && { body: JSON.stringify(body) }), headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' } });
const queuesOf = (tenantId: string) => ctx.deps.queues.list(tenantId);
const creations = async (queueId: string) => ((await ctx.services.audit.list('tenant-a', { target: 'queue', limit: 100 })).entries as AuditEntry[]).filter((e) => e.targetId === queueId && e.action === 'created');
const refunds = { name: 'Возвраты', priority: 4, offerTimeoutSeconds: 30 };

beforeAll(async () => {
  ctx = await createTestDeps();
  app = createApp(ctx.deps, ctx.services);
  token.adminA = await ctx.issuer.issue(principal('tenant-a', 'admin-a', 'admin'));
  token.adminB = await ctx.issuer.issue(principal('tenant-b', 'admin-b', 'admin'));
});
afterAll(() => ctx?.table.drop());

describe('creating a queue, retried', () => {
  it('creates one queue and one audit entry when the first attempt failed after writing the queue', async () => {
    // Arrange: the audit log is down for the first attempt, after the queue was written
    const append = ctx.deps.audit.append.bind(ctx.deps.audit);
    ctx.deps.audit.append = async () => {
      throw new Error('audit log unavailable');
    };
    const failed = await call('POST', '/api/queues', token.adminA!, refunds);
    ctx.deps.audit.append = append;
    // Act: the client retries the same request, twice
    const retried = await call('POST', '/api/queues', token.adminA!, refunds);
    const again = await call('POST', '/api/queues', token.adminA!, refunds);
    // Assert
    expect(failed.status).toBe(500);
    expect(retried.status, await retried.clone().text()).toBe(201);
    expect(again.status).toBe(201);
    const [first, second] = [await json(retried), await json(again)];
    expect(first).toMatchObject({ queueId: 'vozvraty', name: 'Возвраты', priority: 4, offerTimeoutSeconds: 30, version: 1 });
    expect(second).toEqual(first);
    expect((await queuesOf('tenant-a')).filter((q) => q.name === 'Возвраты')).toHaveLength(1);
    expect(await creations('vozvraty')).toHaveLength(1);
  });

  it('refuses another queue by the same name, however it is spelt, with 409 and a reason, and creates nothing', async () => {
    // Act
    const answers = await Promise.all([
      call('POST', '/api/queues', token.adminA!, { ...refunds, priority: 9 }),
      call('POST', '/api/queues', token.adminA!, { ...refunds, name: '  возвраты ' }),
    ]);
    // Assert
    for (const res of answers) {
      expect(res.status).toBe(409);
      expect(await json(res)).toMatchObject({ reason: 'queue_name_taken', detail: expect.stringContaining('vozvraty') });
    }
    expect((await queuesOf('tenant-a')).map((q) => q.queueId)).toEqual(['vozvraty']);
  });

  it('answers two identical requests racing each other with the same queue', async () => {
    // Act
    const [a, b] = await Promise.all([call('POST', '/api/queues', token.adminA!, { name: 'VIP', priority: 10 }), call('POST', '/api/queues', token.adminA!, { name: 'VIP', priority: 10 })]);
    // Assert
    expect([a.status, b.status]).toEqual([201, 201]);
    expect((await json(a)).queueId).toBe((await json(b)).queueId);
    expect((await queuesOf('tenant-a')).filter((q) => q.name === 'VIP')).toHaveLength(1);
  });

  it('gives a name whose plain id a renamed queue keeps a suffixed id, the same on a retry', async () => {
    // Arrange: «Возвраты» is renamed, so the id `vozvraty` stays taken by a queue of another name
    expect((await call('PATCH', '/api/queues/vozvraty', token.adminA!, { name: 'Возвраты и обмен' })).status).toBe(200);
    // Act
    const first = await json(await call('POST', '/api/queues', token.adminA!, refunds));
    const retry = await json(await call('POST', '/api/queues', token.adminA!, refunds));
    // Assert
    expect(first.queueId).toMatch(/^vozvraty-[0-9a-f]{4}$/);
    expect(retry.queueId).toBe(first.queueId);
  });

  it('keeps ids and names per tenant: the same request in another tenant creates that tenant’s own queue', async () => {
    // Act
    const res = await call('POST', '/api/queues', token.adminB!, refunds);
    // Assert
    expect(res.status).toBe(201);
    expect((await json(res)).queueId).toBe('vozvraty');
    expect((await queuesOf('tenant-b')).map((q) => q.tenantId)).toEqual(['tenant-b']);
  });
});

describe('changing a queue: gaps found in review', () => {
  it.each([
    ['an empty patch', {}],
    ['a patch of only the version', { version: 1 }],
    ['malformed JSON', '{"priority": '],
  ])('answers 400 with a reason for %s, and writes nothing', async (_name, body) => {
    // Arrange
    const before = await ctx.deps.queues.get('tenant-a', 'vip');
    // Act
    const res = typeof body === 'string'
      ? await app.request('/api/queues/vip', { method: 'PATCH', body, headers: { authorization: `Bearer ${token.adminA}`, 'content-type': 'application/json' } })
      : await call('PATCH', '/api/queues/vip', token.adminA!, body);
    // Assert
    expect(res.status).toBe(400);
    expect((await json(res)).detail).toMatch(/Nothing to change|Malformed JSON/);
    expect(await ctx.deps.queues.get('tenant-a', 'vip')).toEqual(before);
  });

  it('refuses to rename a queue onto another queue’s name (409) but lets it keep or re-case its own', async () => {
    // Act
    const onto = await call('PATCH', '/api/queues/vip', token.adminA!, { name: 'возвраты и обмен' });
    const own = await call('PATCH', '/api/queues/vip', token.adminA!, { name: 'Vip' });
    // Assert
    expect(onto.status).toBe(409);
    expect(await json(onto)).toMatchObject({ reason: 'queue_name_taken' });
    expect(own.status).toBe(200);
    expect((await ctx.deps.queues.get('tenant-a', 'vip'))?.name).toBe('Vip');
  });

  it('refuses another tenant’s queue as the overflow target (400), as if it did not exist', async () => {
    // Arrange: tenant b has a queue `vozvraty` too; tenant a's `vip` is checked against tenant a's queues only
    await call('POST', '/api/queues', token.adminB!, { name: 'Only B', priority: 1 });
    // Act
    const res = await call('PATCH', '/api/queues/vip', token.adminA!, { maxWaitSeconds: 60, overflowQueueId: 'only-b' });
    // Assert
    expect(res.status).toBe(400);
    expect((await json(res)).errors).toEqual([{ path: 'overflowQueueId', message: 'No queue only-b in this tenant' }]);
  });
});
