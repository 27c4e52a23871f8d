import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { AuditEntry } from '@cc/shared/audit/values';
import { DEFAULT_SURVEY_SETTINGS } from '@cc/shared/surveys/values';
import { createApp } from '../app.ts';
import { createRoutingTestDeps } from '../../routing/testing.ts';
import { json } from '../../../test/json.ts';

// Survey settings on DynamoDB Local: the defaults until written, admins write, supervisors read, bad input is a 400
// that names the field, every change is audited, and a tenant sees only its own.
const A = 'tenant-a';
let app: ReturnType<typeof createApp>;
const token: Record<string, string> = {};
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });
const call = (method: string, as: string | undefined, body?: unknown, path = '/surveys/settings') =>
  app.request(`/api${path}`, { method, ...(body !== undefined && { body: JSON.stringify(body) }), headers: { ...(as && { authorization: `Bearer ${as}` }), 'content-type': 'application/json' } });

beforeAll(async () => {
  const ctx = await createRoutingTestDeps(new Date('2026-12-03T12:00:00+03:00'));
  app = createApp(ctx.deps, ctx.services);
  token.admin = await ctx.issuer.issue(principal(A, 'admin', 'admin'));
  token.supervisor = await ctx.issuer.issue(principal(A, 'oleg', 'supervisor'));
  token.agent = await ctx.issuer.issue(principal(A, 'anna', 'agent'));
  token.adminB = await ctx.issuer.issue(principal('tenant-b', 'admin-b', 'admin'));
});

describe('survey settings', () => {
  it('gives the defaults until an admin writes them, then what was written, filling in the default texts', async () => {
    // Act
    const before = await json(await call('GET', token.supervisor));
    const put = await call('PUT', token.admin, { chats: true, nps: false, timeoutHours: 12, texts: { thanks: { ru: 'Спасибо!', en: 'Thanks!' } } });
    const after = await json(await call('GET', token.supervisor));
    // Assert
    expect(before.settings).toEqual(DEFAULT_SURVEY_SETTINGS);
    expect(put.status).toBe(200);
    expect(after.settings).toEqual({ chats: true, nps: false, timeoutHours: 12, texts: { ...DEFAULT_SURVEY_SETTINGS.texts, thanks: { ru: 'Спасибо!', en: 'Thanks!' } } });
    expect((await json(await call('GET', token.adminB))).settings).toEqual(DEFAULT_SURVEY_SETTINGS);
    const audit = (await json(await call('GET', token.admin, undefined, '/audit?target=survey-settings'))).entries as AuditEntry[];
    expect(audit.map((e) => [e.action, e.targetId, e.changed])).toEqual([['updated', A, expect.arrayContaining(['chats', 'nps', 'timeoutHours', 'texts'])]]);
  });

  it('lets only admins write and supervisors read (403), refuses no token (401) and bad settings with the field (400)', async () => {
    expect((await call('GET', token.agent)).status).toBe(403);
    expect((await call('PUT', token.supervisor, { chats: true, nps: true })).status).toBe(403);
    expect((await call('GET', undefined)).status).toBe(401);
    for (const [body, field] of [[{ chats: 'yes', nps: true }, 'chats'], [{ chats: true, nps: true, timeoutHours: 0 }, 'timeoutHours'], [{ chats: true, nps: true, texts: { csi: { ru: '', en: 'x' } } }, 'texts'], [{ chats: true, nps: true, colour: 'red' }, '']] as const) {
      const res = await call('PUT', token.admin, body);
      expect([field, res.status]).toEqual([field, 400]);
      expect(JSON.stringify(await json(res))).toContain(field);
    }
  });
});
