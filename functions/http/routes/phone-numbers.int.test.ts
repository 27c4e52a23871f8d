import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import { demoFlowInput } from '@cc/shared/voice/testing';
import { createApp } from '../app.ts';
import { createTestDeps } from '../../../test/deps.ts';
import { json } from '../../../test/json.ts';

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let app: ReturnType<typeof createApp>;
const token: Record<string, string> = {};
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });

async function call(method: string, path: string, as: string, body?: unknown) {
  return app.request(path, { method, ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }), headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' } });
}

/** A menu flow over this file's queues: 1 → `first`, 2 → a submenu of `second`, and `fallback` as the default. */
function flowFor(queues: { first: string; second: string; fallback: string }) {
  const submenu = { prompt: { ru: 'Нажмите 1.' }, defaultQueueId: queues.second, options: { '1': { label: 'Интернет', queueId: queues.second } } };
  return { ...demoFlowInput(), menu: { prompt: { ru: 'Нажмите 1 или 2.' }, defaultQueueId: queues.fallback, options: { '1': { label: 'Продажи', queueId: queues.first }, '2': { label: 'Поддержка', submenu } } } };
}

beforeAll(async () => {
  ctx = await createTestDeps();
  app = createApp(ctx.deps, ctx.services);
  for (const tenantId of ['tenant-a', 'tenant-b']) {
    for (const queueId of ['support', 'sales']) {
      await ctx.deps.queues.put({ tenantId, queueId, name: queueId, priority: 1, serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, timeZone: 'Europe/Moscow', offerTimeoutSeconds: 20, afterContactWorkSeconds: 0, requiredSkills: { byChannel: {}, byMenuChoice: {} }, ageingPerMinute: 1 });
    }
  }
  await ctx.deps.directory.putPhoneNumber({ tenantId: 'tenant-a', e164: '+74951234567', name: 'Основной', defaultQueueId: 'support' });
  await ctx.deps.directory.putPhoneNumber({ tenantId: 'tenant-b', e164: '+74957654321', name: 'Other', defaultQueueId: 'support' });
  token.adminA = await ctx.issuer.issue(principal('tenant-a', 'admin-a', 'admin'));
  token.supervisorA = await ctx.issuer.issue(principal('tenant-a', 'sup-a', 'supervisor'));
  token.agentA = await ctx.issuer.issue(principal('tenant-a', 'agent-a', 'agent'));
});
afterAll(() => ctx?.table.drop());

describe('phone numbers and their call flows', () => {
  it('lists the tenant’s numbers for supervisors, never to agents', async () => {
    const res = await call('GET', '/api/phone-numbers', token.supervisorA!);
    expect(res.status).toBe(200);
    expect((await json(res)).phoneNumbers).toEqual([{ id: '74951234567', e164: '+74951234567', name: 'Основной', defaultQueueId: 'support', flowConfigured: false }]);
    expect((await call('GET', '/api/phone-numbers', token.agentA!)).status).toBe(403);
  });

  it('shows the default flow of an unconfigured number, then stores the admin’s flow and answers it', async () => {
    const before = await json(await call('GET', '/api/phone-numbers/74951234567/flow', token.supervisorA!));
    expect(before.configured).toBe(false);
    expect(before.flow.queueId).toBe('support');

    const put = await call('PUT', '/api/phone-numbers/74951234567/flow', token.adminA!, flowFor({ first: 'support', second: 'sales', fallback: 'support' }));
    expect(put.status, await put.clone().text()).toBe(200);
    const after = await json(await call('GET', '/api/phone-numbers/74951234567/flow', token.supervisorA!));
    expect(after.configured).toBe(true);
    expect(after.flow.menu.defaultQueueId).toBe('support');
    expect(after.flow.greeting.ru).toBe(demoFlowInput().greeting.ru);
    expect((await ctx.deps.calls.getFlow('tenant-a', '+74951234567'))?.menu?.defaultQueueId).toBe('support');
  });

  it('refuses a flow naming a queue the tenant lacks, a malformed flow and a bad number id with 400 and a reason', async () => {
    const unknownQueue = await call('PUT', '/api/phone-numbers/74951234567/flow', token.adminA!, flowFor({ first: 'support', second: 'nowhere', fallback: 'support' }));
    expect(unknownQueue.status).toBe(400);
    expect((await json(unknownQueue)).detail).toContain('nowhere');
    const malformed = await call('PUT', '/api/phone-numbers/74951234567/flow', token.adminA!, { greeting: { ru: '' } });
    expect(malformed.status).toBe(400);
    expect((await call('GET', '/api/phone-numbers/abc/flow', token.supervisorA!)).status).toBe(400);
    expect((await call('PUT', '/api/phone-numbers/74951234567/flow', token.adminA!, '{not json')).status).toBe(400);
  });

  it('names each refused field by its path in the flow, the option’s key included (the console places errors by it)', async () => {
    // Arrange
    const flow = flowFor({ first: 'support', second: 'sales', fallback: 'support' });
    flow.menu.prompt.ru = '';
    flow.menu.options['2'].submenu.options['1'].label = '';

    // Act
    const res = await call('PUT', '/api/phone-numbers/74951234567/flow', token.adminA!, flow);

    // Assert
    expect(res.status).toBe(400);
    expect((await json(res)).errors.map((e: { path: string }) => e.path).sort()).toEqual(['menu.options.2.submenu.options.1.label', 'menu.prompt.ru']);
  });

  it('lets only admins change a flow, and never another tenant’s number', async () => {
    const flow = flowFor({ first: 'support', second: 'sales', fallback: 'support' });
    expect((await call('PUT', '/api/phone-numbers/74951234567/flow', token.supervisorA!, flow)).status).toBe(403);
    expect((await call('PUT', '/api/phone-numbers/74957654321/flow', token.adminA!, flow)).status).toBe(404);
    expect((await call('GET', '/api/phone-numbers/74957654321/flow', token.supervisorA!)).status).toBe(404);
  });
});
