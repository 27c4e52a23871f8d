import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseConversation } from '@cc/shared/analytics/analyse';
import { BUILT_IN_RULES } from '@cc/shared/analytics/lexicon';
import { RuleIndex } from '@cc/shared/analytics/rules';
import type { AnalysisResult, StoredConversationAnalysis } from '@cc/shared/analytics/values';
import type { Principal, Role } from '@cc/shared/auth/model';
import { createApp } from '../app.ts';
import { PREVIEW_LIMIT } from './analytics.ts';
import { createRoutingTestDeps } from '../../routing/testing.ts';
import { json } from '../../../test/json.ts';

// The rule preview over HTTP (roles, validation, the rate limit) and the analysis store's search on DynamoDB Local.
const A = 'tenant-a';
let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
const token: Record<string, string> = {};
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });
const preview = (body: unknown, as: string | undefined) =>
  app.request('/api/analytics/preview', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { ...(as && { authorization: `Bearer ${as}` }), 'content-type': 'application/json' } });

beforeAll(async () => {
  ctx = await createRoutingTestDeps(new Date('2026-12-03T12:00:00Z'));
  app = createApp(ctx.deps, ctx.services);
  token.admin = await ctx.issuer.issue(principal(A, 'admin', 'admin'));
  token.supervisor = await ctx.issuer.issue(principal(A, 'oleg', 'supervisor'));
  token.agent = await ctx.issuer.issue(principal(A, 'anna', 'agent'));
});
afterAll(() => ctx?.table.drop());

describe('POST /api/analytics/preview', () => {
  const body = { language: 'ru', segments: [{ speaker: 'customer', text: 'Кто у вас главный? Претензий к курьеру нет, но кому можно написать претензию?' }, { speaker: 'agent', text: 'Минуту, пожалуйста' }] };

  it('answers the findings with the words and rules, the scores and the flag', async () => {
    const res = await preview(body, token.supervisor);
    expect(res.status).toBe(200);
    const result = (await json(res)) as AnalysisResult & { medium: string };
    expect(result).toMatchObject({ flagged: true, language: 'ru', languageDetected: false, medium: 'chat' });
    expect(result.findings.filter((f) => f.category === 'escalation_request').map((f) => [f.speaker, f.span?.text, f.ruleId])).toEqual([
      ['customer', 'Кто у вас главный', 'ru.escalation_request.manager.1'],
      ['customer', 'кому можно написать претензию', 'ru.escalation_request.claim.10'],
    ]);
    expect(result.scores.escalation_request).toMatchObject({ value: 2, flagged: true });
    expect(result.reasons.map((r) => r.category)).toEqual(['escalation_request']);
  });

  it('tries the rules the request brings, beside the built-in ones', async () => {
    const res = await preview({ ...body, segments: [{ speaker: 'customer', text: 'Уйду к конкурентам' }], rules: [{ ruleId: 'competitor', category: 'negativity', phrase: 'уйду конкурент*' }] }, token.admin);
    const result = (await json(res)) as AnalysisResult;
    expect(result.findings).toEqual([{ category: 'negativity', speaker: 'customer', segmentIndex: 0, span: { start: 0, end: 18, text: 'Уйду к конкурентам' }, ruleId: 'competitor' }]);
  });

  it('reads a transcript with timing as a call', async () => {
    const res = await preview({ segments: [{ speaker: 'agent', text: 'Hello, how can I help', startMs: 0, endMs: 4000 }, { speaker: 'customer', text: 'Hi, my bill please', startMs: 3000, endMs: 6000 }] }, token.supervisor);
    const result = (await json(res)) as AnalysisResult & { medium: string };
    expect(result).toMatchObject({ medium: 'call', language: 'en', languageDetected: true });
    expect(result.scores.interruptions).toMatchObject({ value: 1, bySpeaker: { agent: 0, customer: 1 } });
  });

  it('refuses agents and unsigned callers', async () => {
    expect((await preview(body, token.agent)).status).toBe(403);
    expect((await preview(body, undefined)).status).toBe(401);
  });

  it('answers 400 with the field for a bad body', async () => {
    for (const [bad, field] of [
      [{ segments: [] }, 'segments'],
      [{ segments: [{ speaker: 'boss', text: 'x' }] }, 'segments.0.speaker'],
      [{ segments: [{ speaker: 'agent', text: 'x', startMs: 5, endMs: 1 }] }, 'segments.0.endMs'],
      [{ segments: [{ speaker: 'agent', text: 'x'.repeat(4001) }] }, 'segments.0.text'],
      [{ segments: [{ speaker: 'agent', text: 'x' }], rules: [{ ruleId: 'r', category: 'negativity', phrase: 'пр*' }] }, 'rules.0.phrase'],
    ] as const) {
      const res = await preview(bad, token.supervisor);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(JSON.stringify(await json(res))).toContain(field);
    }
    expect((await preview('{not json', token.supervisor)).status).toBe(400);
  });

  it('limits previews per user per minute', async () => {
    const fresh = await ctx.issuer.issue(principal(A, 'busy', 'supervisor'));
    const statuses: number[] = [];
    for (let i = 0; i <= PREVIEW_LIMIT.max; i++) statuses.push((await preview(body, fresh)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(PREVIEW_LIMIT.max);
    expect(statuses[statuses.length - 1]).toBe(429);
  });
});

describe('the analysis store: search by day, category, agent and queue', () => {
  const index = new RuleIndex(BUILT_IN_RULES);
  const stored = (contactId: string, closedAt: string, text: string, agentId: string, queueId = 'support'): StoredConversationAnalysis => {
    const result = analyseConversation({ medium: 'chat', segments: [{ speaker: 'customer', text, startMs: 0, endMs: 0 }] }, index);
    return { ...result, tenantId: A, contactId, queueId, channel: 'telegram', agentId, closedAt, medium: 'chat', analysedAt: closedAt, segmentCount: 1, rulesVersion: 0, findingCount: result.findings.length };
  };

  it('lists flagged conversations newest first across days, filtered and paged', async () => {
    const { analyses } = ctx.deps;
    await analyses.save(stored('c1', '2026-12-01T10:00:00.000Z', 'Позовите руководителя', 'anna'), undefined);
    await analyses.save(stored('c2', '2026-12-02T10:00:00.000Z', 'Спасибо, всё хорошо', 'anna'), undefined);
    await analyses.save(stored('c3', '2026-12-02T11:00:00.000Z', 'Кто у вас главный?', 'boris', 'sales'), undefined);
    await analyses.save(stored('c4', '2026-12-03T09:00:00.000Z', 'Напишу претензию', 'anna'), undefined);
    const search = (query: object) => analyses.search(A, { from: '2026-12-01T00:00:00.000Z', to: '2026-12-03T23:59:59.999Z', limit: 50, ...query });

    expect((await search({})).entries.map((e) => e.contactId)).toEqual(['c4', 'c3', 'c2', 'c1']);
    expect((await search({ flaggedOnly: true })).entries.map((e) => e.contactId)).toEqual(['c4', 'c3', 'c1']);
    expect((await search({ category: 'escalation_request', agentId: 'anna' })).entries.map((e) => e.contactId)).toEqual(['c4', 'c1']);
    expect((await search({ category: 'escalation_request', queueId: 'sales' })).entries).toMatchObject([{ contactId: 'c3', agentId: 'boris', categories: ['escalation_request'], flagged: true }]);
    expect((await analyses.search('tenant-b', { from: '2026-12-01T00:00:00.000Z', to: '2026-12-03T23:59:59.999Z', limit: 50 })).entries).toEqual([]);

    const first = await search({ limit: 3 });
    expect(first.entries.map((e) => e.contactId)).toEqual(['c4', 'c3', 'c2']);
    const rest = await search({ limit: 3, cursor: first.cursor });
    expect(rest.entries.map((e) => e.contactId)).toEqual(['c1']);
    await expect(search({ cursor: 'bm90LWEtY3Vyc29y' })).rejects.toThrow(/cursor/);
  });

  it('replaces an analysis and its entries, and keeps a newer one over a stale write', async () => {
    const { analyses } = ctx.deps;
    const first = stored('c5', '2026-12-03T10:00:00.000Z', 'Позовите руководителя', 'anna');
    expect(await analyses.save(first, undefined)).toBe(true);
    const calmer = { ...stored('c5', '2026-12-03T10:00:00.000Z', 'Спасибо', 'anna'), analysedAt: '2026-12-03T10:05:00.000Z' };
    expect(await analyses.save(calmer, first)).toBe(true);
    expect(await analyses.get(A, 'c5')).toMatchObject({ flagged: false, analysedAt: '2026-12-03T10:05:00.000Z' });
    const flagged = await analyses.search(A, { from: '2026-12-03T00:00:00.000Z', to: '2026-12-03T23:59:59.999Z', flaggedOnly: true, limit: 50 });
    expect(flagged.entries.map((e) => e.contactId)).not.toContain('c5');
    // A write computed over the first analysis lost to the newer one.
    expect(await analyses.save({ ...first, analysedAt: '2026-12-03T10:06:00.000Z' }, first)).toBe(false);
    expect(await analyses.get(A, 'c5')).toMatchObject({ flagged: false });
  });
});

describe('GET /api/analytics/conversations and /contacts/:contactId', () => {
  const index = new RuleIndex(BUILT_IN_RULES);
  const get = (path: string, as: string | undefined) => app.request(`/api/analytics${path}`, { headers: as ? { authorization: `Bearer ${as}` } : {} });
  const stored = (contactId: string, closedAt: string, text: string, agentId: string): StoredConversationAnalysis => {
    const result = analyseConversation({ medium: 'chat', segments: [{ speaker: 'customer', text, startMs: 0, endMs: 0 }] }, index);
    return { ...result, tenantId: A, contactId, queueId: 'support', channel: 'vk', agentId, closedAt, medium: 'chat', analysedAt: closedAt, segmentCount: 1, rulesVersion: 0, findingCount: result.findings.length };
  };
  const period = 'from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z';

  beforeAll(async () => {
    await ctx.deps.analyses.save(stored('h1', '2026-11-20T09:00:00.000Z', 'Позовите руководителя, это безобразие', 'anna'), undefined);
    await ctx.deps.analyses.save(stored('h2', '2026-11-20T10:00:00.000Z', 'Кто у вас главный?', 'boris'), undefined);
    await ctx.deps.analyses.save(stored('h3', '2026-11-20T11:00:00.000Z', 'Спасибо', 'anna'), undefined);
  });

  it('lets a supervisor search every agent’s conversations by category, with the matched phrases', async () => {
    const res = await get(`/conversations?${period}&category=escalation_request`, token.supervisor);
    expect(res.status).toBe(200);
    const page = (await json(res)) as { entries: Array<{ contactId: string; phrases: Array<{ category: string; text: string }> }> };
    expect(page.entries.map((e) => e.contactId)).toEqual(['h2', 'h1']);
    expect(page.entries[1]!.phrases.map((p) => p.category)).toContain('escalation_request');
    const flagged = (await json(await get(`/conversations?${period}&flagged=true&agentId=anna`, token.supervisor))) as { entries: Array<{ contactId: string }> };
    expect(flagged.entries.map((e) => e.contactId)).toEqual(['h1']);
  });

  it('shows an agent only their own conversations, and refuses someone else’s', async () => {
    const own = (await json(await get(`/conversations?${period}`, token.agent))) as { entries: Array<{ contactId: string; agentId: string }> };
    expect(own.entries.map((e) => e.contactId)).toEqual(['h3', 'h1']);
    expect((await get(`/conversations?${period}&agentId=boris`, token.agent)).status).toBe(403);
    expect((await get('/contacts/h1', token.agent)).status).toBe(200);
    expect((await get('/contacts/h2', token.agent)).status).toBe(404);
    expect((await get('/contacts/h2', token.supervisor)).status).toBe(200);
    expect((await get('/contacts/nowhere', token.supervisor)).status).toBe(404);
    expect((await get(`/conversations?${period}`, undefined)).status).toBe(401);
  });

  it('answers 400 with the reason for a bad period, category, limit or cursor', async () => {
    for (const [query, reason] of [
      ['from=2026-11-01T00:00:00Z&to=2026-12-20T00:00:00Z', '31 days'],
      ['from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z', 'after'],
      ['from=yesterday', 'ISO 8601'],
      [`${period}&category=rudeness`, 'category'],
      [`${period}&limit=5000`, 'limit'],
      [`${period}&cursor=bm90LWEtY3Vyc29y`, 'cursor'],
    ] as const) {
      const res = await get(`/conversations?${query}`, token.supervisor);
      expect(res.status, query).toBe(400);
      expect(JSON.stringify(await json(res)), query).toContain(reason);
    }
  });
});
