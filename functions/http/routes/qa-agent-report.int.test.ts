import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { AnalysisFinding } from '@cc/shared/analytics/values';
import type { Measures } from '@cc/shared/metrics/values';
import { makeAnalysis } from '@cc/shared/qa/testing';
import type { AgentQualityReport, QaEvaluation } from '@cc/shared/qa/values';
import { createApp } from '../app.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from '../../routing/testing.ts';
import { json } from '../../../test/json.ts';

// An agent's quality report on DynamoDB Local (1–3 Dec 2026, Moscow): Анна's two evaluations, her four analysed chats
// against Борис's four, the survey aggregates of both and the tenant; who may read whose, and another tenant.
const A = 'tenant-a';
const NOW = new Date('2026-12-03T18:00:00+03:00');
let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
const token = {} as Record<'admin' | 'oleg' | 'anna' | 'boris' | 'supB', string>;
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });
const get = (path: string, as: string | undefined) => app.request(`/api/qa${path}`, { headers: { ...(as && { authorization: `Bearer ${as}` }) } });
const PERIOD = '?from=2026-12-01&to=2026-12-03';

const evaluation = (contactId: string, agentId: string, evaluatedAt: string, total: number | null): QaEvaluation => ({
  tenantId: A, evaluationId: `qf-1:${contactId}`, contactId, formId: 'qf-1', formName: 'Чат поддержки', formVersion: 1, parameters: [],
  agentId, queueId: 'support', channel: 'telegram', evaluatorId: 'oleg', evaluatorName: 'Олег', evaluatedAt, answers: [], total, comments: [], version: 1,
});
const said = (category: 'profanity' | 'filler_words', text: string, segmentIndex: number): AnalysisFinding => ({ category, speaker: 'agent', segmentIndex, span: { start: 0, end: text.length, text }, ruleId: `ru.${category}.test` });
const surveyCell = (dimension: 'agent' | 'tenant', value: string, measures: Measures) => ({ cell: { dimension, value, period: { kind: 'D' as const, date: '2026-12-02' } }, measures });

beforeAll(async () => {
  ctx = await createRoutingTestDeps(NOW);
  app = createApp(ctx.deps, ctx.services);
  await ctx.deps.directory.putTenant({ tenantId: A, name: 'Ромашка', timeZone: 'Europe/Moscow', locale: 'ru', createdAt: '2026-01-01T00:00:00.000Z' });
  await ctx.deps.queues.put(makeTenantQueue(A, 'support'));
  await ctx.deps.agents.put(makeAgentRecord(A, 'anna', ['support']));
  await ctx.deps.agents.put(makeAgentRecord(A, 'boris', ['support']));
  for (const [name, tenant, role] of [['admin', A, 'admin'], ['oleg', A, 'supervisor'], ['anna', A, 'agent'], ['boris', A, 'agent'], ['supB', 'tenant-b', 'supervisor']] as const) token[name] = await ctx.issuer.issue(principal(tenant, name, role));

  // Анна: 80 on 1 Dec, 60 on 2 Dec (Moscow days); Борис: 100 (not hers); one of hers in November, outside the period.
  await ctx.deps.qaEvaluations.create(evaluation('a1', 'anna', '2026-12-01T09:00:00.000Z', 80));
  await ctx.deps.qaEvaluations.create(evaluation('a2', 'anna', '2026-12-02T09:00:00.000Z', 60));
  await ctx.deps.qaEvaluations.create(evaluation('b1', 'boris', '2026-12-02T09:00:00.000Z', 100));
  await ctx.deps.qaEvaluations.create(evaluation('a0', 'anna', '2026-11-20T09:00:00.000Z', 10));

  // Анна: «блин» twice in a1 and once in a2 (profanity), «как бы» in a2 (filler words); a3, a4 clean.
  // Борис: profanity in b1 only; b2–b4 clean. Profanity: Анна 2/4 = 50 per 100, the team 3/8 = 37.5.
  const analyses = [
    makeAnalysis({ tenantId: A, contactId: 'a1', agentId: 'anna', closedAt: '2026-12-01T10:00:00.000Z', findings: [said('profanity', 'Блин', 1), said('profanity', 'блин', 3)], scores: { profanity: { value: 2, flagged: true } } }),
    makeAnalysis({ tenantId: A, contactId: 'a2', agentId: 'anna', closedAt: '2026-12-02T10:00:00.000Z', findings: [said('profanity', 'блин', 1), said('filler_words', 'как бы', 2)], scores: { profanity: { value: 1, flagged: true }, filler_words: { value: 9, flagged: true } } }),
    makeAnalysis({ tenantId: A, contactId: 'a3', agentId: 'anna', closedAt: '2026-12-02T11:00:00.000Z' }),
    makeAnalysis({ tenantId: A, contactId: 'a4', agentId: 'anna', closedAt: '2026-12-03T11:00:00.000Z' }),
    makeAnalysis({ tenantId: A, contactId: 'b1', agentId: 'boris', closedAt: '2026-12-02T12:00:00.000Z', findings: [said('profanity', 'чёрт', 1)], scores: { profanity: { value: 1, flagged: true } } }),
    ...['b2', 'b3', 'b4'].map((contactId) => makeAnalysis({ tenantId: A, contactId, agentId: 'boris', closedAt: '2026-12-02T13:00:00.000Z' })),
    // Closed on 4 December in Moscow: after the period.
    makeAnalysis({ tenantId: A, contactId: 'a5', agentId: 'anna', closedAt: '2026-12-03T21:30:00.000Z', scores: { negativity: { value: 5, flagged: true } } }),
  ];
  for (const analysis of analyses) await ctx.deps.analyses.save(analysis, undefined);

  // Анна: ratings 5 and 4 (CSAT 4.5), NPS answers 10 and 3 (1 promoter, 1 detractor: 0). Tenant: 4 ratings summing 14, 4 NPS answers, 3 promoters.
  await ctx.deps.metrics.fold(A, 'survey#anna', [
    surveyCell('agent', 'anna', { surveysSent: 4, surveysAnswered: 2, surveys: 2, surveyScore: 9, satisfied: 2, npsAnswers: 2, promoters: 1, detractors: 1 }),
    surveyCell('tenant', '*', { surveysSent: 8, surveysAnswered: 4, surveys: 4, surveyScore: 14, satisfied: 3, npsAnswers: 4, promoters: 3, detractors: 1 }),
  ]);
});
afterAll(() => ctx?.table.drop());

describe('GET /api/qa/agents/:agentId/report', () => {
  it('answers a supervisor the agent’s scores by day, categories per 100 against the team, phrases and surveys', async () => {
    // Act
    const res = await get(`/agents/anna/report${PERIOD}`, token.oleg);
    const report = (await json(res)) as AgentQualityReport;
    // Assert
    expect(res.status).toBe(200);
    expect(report).toMatchObject({ agentId: 'anna', from: '2026-12-01', to: '2026-12-03', timeZone: 'Europe/Moscow' });
    expect(report.scores).toEqual([
      { date: '2026-12-01', average: 80, evaluations: 1 },
      { date: '2026-12-02', average: 60, evaluations: 1 },
      { date: '2026-12-03', average: null, evaluations: 0 },
    ]);
    expect(report.totals).toEqual({ evaluations: 2, averageScore: 70, conversations: 4, flaggedConversations: 2, teamConversations: 8, teamFlaggedConversations: 3 });
    expect(report.categories).toEqual([
      { category: 'profanity', agent: 50, team: 37.5, agentCount: 2, teamCount: 3 },
      { category: 'filler_words', agent: 25, team: 12.5, agentCount: 1, teamCount: 1 },
    ]);
    expect(report.phrases).toEqual([
      { category: 'profanity', text: 'блин', count: 3, conversations: 2 },
      { category: 'filler_words', text: 'как бы', count: 1, conversations: 1 },
    ]);
    expect(report.surveys).toEqual({
      agent: { csat: 4.5, csatSatisfiedShare: 100, nps: 0, responseRate: 50, surveysAnswered: 2, npsAnswers: 2 },
      team: { csat: 3.5, csatSatisfiedShare: 75, nps: 50, responseRate: 50, surveysAnswered: 4, npsAnswers: 4 },
    });
  });

  it('lets an agent read their own and an admin anyone’s, and refuses an agent someone else’s', async () => {
    const own = (await json(await get(`/agents/anna/report${PERIOD}`, token.anna))) as AgentQualityReport;
    expect(own.totals.evaluations).toBe(2);
    expect((await get(`/agents/boris/report${PERIOD}`, token.admin)).status).toBe(200);
    const other = await get(`/agents/boris/report${PERIOD}`, token.anna);
    expect(other.status).toBe(403);
    expect((await get(`/agents/anna/report${PERIOD}`, undefined)).status).toBe(401);
  });

  it('never shows another tenant’s agent: a 404 as for an agent that does not exist', async () => {
    expect((await get(`/agents/anna/report${PERIOD}`, token.supB)).status).toBe(404);
    expect((await get(`/agents/nobody/report${PERIOD}`, token.oleg)).status).toBe(404);
  });

  it('refuses a missing, reversed or longer than 31-day period with the reason', async () => {
    const missing = await get('/agents/anna/report?from=2026-12-01', token.oleg);
    const reversed = await get('/agents/anna/report?from=2026-12-03&to=2026-12-01', token.oleg);
    const long = await get('/agents/anna/report?from=2026-11-01&to=2026-12-02', token.oleg);
    const badDate = await get('/agents/anna/report?from=2026-13-01&to=2026-12-02', token.oleg);
    expect(missing.status).toBe(400);
    expect(await json(reversed)).toMatchObject({ status: 400, errors: [{ path: 'from', message: 'from is after to' }] });
    expect(await json(long)).toMatchObject({ status: 400, errors: [{ path: 'to', message: 'A report covers at most 31 days' }] });
    expect(badDate.status).toBe(400);
    // Exactly 31 days is allowed.
    expect((await get('/agents/anna/report?from=2026-11-03&to=2026-12-03', token.oleg)).status).toBe(200);
  });

  it('answers as many report reads a minute as report pages, then 429 with when to retry', async () => {
    // Act: the other tenant's supervisor asks 61 times (each a 404: the limit comes first)
    const answers: number[] = [];
    for (let i = 0; i < 61; i++) answers.push((await get(`/agents/nobody/report${PERIOD}`, token.supB)).status);
    const last = await get(`/agents/nobody/report${PERIOD}`, token.supB);
    // Assert: the reads before the first refusal answered (one of the 60 was spent by the tenant test above), none after
    const refused = answers.indexOf(429);
    expect(refused).toBe(59);
    expect(answers.slice(0, refused).every((status) => status === 404)).toBe(true);
    expect(answers.slice(refused).every((status) => status === 429)).toBe(true);
    expect(last.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
