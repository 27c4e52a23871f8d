import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '@cc/shared/agents/model';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { AuditEntry } from '@cc/shared/audit/values';
import { createApp } from '../app.ts';
import { createTestDeps } from '../../../test/deps.ts';
import { json } from '../../../test/json.ts';

// A supervisor changes a colleague's status, saying why: signed on the agent, recorded in the audit log.
let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let app: ReturnType<typeof createApp>;
const token: Record<string, string> = {};
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: `Имя ${userId}`, login: `${userId}@${tenantId}` });
const agentRecord = (tenantId: string, agentId: string): Agent => ({ tenantId, agentId, name: agentId, status: 'available', statusSince: '2026-12-03T06:00:00.000Z', skills: [], queueIds: ['support'], version: 1 });

const put = (agentId: string, as: string, body: unknown) =>
  app.request(`/api/agents/${agentId}/status`, { method: 'PUT', body: JSON.stringify(body), headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' } });
const statusEntries = async () => (await ctx.services.audit.list('tenant-a', { target: 'agent-status', limit: 50 })).entries as AuditEntry[];

beforeAll(async () => {
  ctx = await createTestDeps();
  app = createApp(ctx.deps, ctx.services);
  for (const [tenantId, agentId] of [['tenant-a', 'anna'], ['tenant-a', 'boris'], ['tenant-b', 'vera']] as const) await ctx.deps.agents.put(agentRecord(tenantId, agentId));
  token.supervisorA = await ctx.issuer.issue(principal('tenant-a', 'sup-a', 'supervisor'));
  token.supervisorB = await ctx.issuer.issue(principal('tenant-b', 'sup-b', 'supervisor'));
  token.anna = await ctx.issuer.issue(principal('tenant-a', 'anna', 'agent'));
});
afterAll(() => ctx?.table.drop());

describe('a supervisor changing an agent’s status', () => {
  it('sets it, signs it with who and why, and records the change in the audit log', async () => {
    // Act
    const res = await put('anna', token.supervisorA!, { status: 'break', reason: 'meeting', comment: '  Планёрка по новому тарифу  ' });
    // Assert
    expect(res.status, await res.clone().text()).toBe(200);
    const saved = await ctx.deps.agents.get('tenant-a', 'anna');
    expect(saved).toMatchObject({ status: 'break', breakReason: 'meeting', version: 2, statusSetBy: { userId: 'sup-a', name: 'Имя sup-a', comment: 'Планёрка по новому тарифу' } });
    expect(saved!.statusSetBy!.at).toBe(saved!.statusSince);
    const [entry, ...rest] = await statusEntries();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ target: 'agent-status', targetId: 'anna', action: 'updated', actor: { userId: 'sup-a' }, before: { status: 'available' }, after: { status: 'break', breakReason: 'meeting', comment: 'Планёрка по новому тарифу' } });
    expect(entry!.changed).toEqual(['breakReason', 'comment', 'status']);
  });

  it('writes and records nothing when the agent has that status already', async () => {
    // Act
    const res = await put('anna', token.supervisorA!, { status: 'break', reason: 'meeting', comment: 'Ещё раз' });
    // Assert
    expect(res.status).toBe(200);
    expect((await ctx.deps.agents.get('tenant-a', 'anna'))?.version).toBe(2);
    expect(await statusEntries()).toHaveLength(1);
  });

  it.each([
    ['no comment', { status: 'offline' }],
    ['a blank comment', { status: 'offline', comment: '   ' }],
    ['a comment over 500 characters', { status: 'offline', comment: 'x'.repeat(501) }],
  ])('answers 400 with the reason for %s, and changes nothing', async (_name, body) => {
    // Act
    const res = await put('boris', token.supervisorA!, body);
    // Assert
    expect(res.status).toBe(400);
    expect(JSON.stringify(await json(res))).toContain('comment');
    expect((await ctx.deps.agents.get('tenant-a', 'boris'))?.status).toBe('available');
  });

  it('forbids an agent to change a colleague’s status, and lets them change their own without a comment (forgetting the supervisor’s)', async () => {
    // Act
    const other = await put('boris', token.anna!, { status: 'offline', comment: 'Шутка' });
    const own = await put('anna', token.anna!, { status: 'available' });
    // Assert
    expect(other.status).toBe(403);
    expect(own.status).toBe(200);
    const saved = await ctx.deps.agents.get('tenant-a', 'anna');
    expect(saved?.status).toBe('available');
    expect(saved?.statusSetBy).toBeUndefined();
    expect(await statusEntries()).toHaveLength(1);
  });

  it('answers 404 for another tenant’s agent and leaves it as it was', async () => {
    // Act
    const res = await put('vera', token.supervisorA!, { status: 'offline', comment: 'Конец смены' });
    // Assert
    expect(res.status).toBe(404);
    expect((await ctx.deps.agents.get('tenant-b', 'vera'))?.status).toBe('available');
    expect((await ctx.services.audit.list('tenant-b', { limit: 50 })).entries).toEqual([]);
  });
});
