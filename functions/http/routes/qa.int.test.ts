import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { Contact } from '@cc/shared/contacts/model';
import { makeAnalysis } from '@cc/shared/qa/testing';
import type { QaDraft, QaEvaluation, QaForm, QaSample } from '@cc/shared/qa/values';
import { createApp } from '../app.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from '../../routing/testing.ts';
import { json } from '../../../test/json.ts';

// QA on DynamoDB Local: forms (roles, validation, audit, tenants), a draft prefilled from a saved analysis, an
// evaluation scored by hand, agents reading only their own and commenting, and the day's sample (3 Dec 2026, Moscow).
const A = 'tenant-a';
const NOW = new Date('2026-12-03T18:00:00+03:00');
let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
const token = {} as Record<'admin' | 'oleg' | 'anna' | 'boris' | 'dmitry' | 'supB', string>;
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });
const call = (method: string, path: string, as: string | undefined, body?: unknown) =>
  app.request(`/api/qa${path}`, { method, ...(body !== undefined && { body: JSON.stringify(body) }), headers: { ...(as && { authorization: `Bearer ${as}` }), 'content-type': 'application/json' } });
const at = '2026-12-03T09:00:00.000Z';
const contact = (contactId: string, agentId: string | undefined, queueId = 'support'): Contact => ({
  tenantId: A, contactId, queueId, channel: 'telegram', status: 'closed', ...(agentId && { agentId }), enqueuedAt: at, statusSince: at, createdAt: at,
  priority: 0, requiredSkills: [], excludedAgentIds: [], history: [], version: 1,
});
const formBody = {
  name: 'Чат поддержки',
  queueIds: ['support'],
  parameters: [
    { parameterId: 'greeting', name: 'Приветствие', nameEn: 'Greeting', kind: 'yes_no', weight: 10, link: { category: 'greeting', speaker: 'agent' } },
    { parameterId: 'solution', name: 'Решение вопроса', kind: 'scale_1_5', weight: 50 },
    { parameterId: 'polite', name: 'Вежливость', kind: 'yes_no_partial', weight: 20 },
    { parameterId: 'clean', name: 'Без ненормативной лексики', kind: 'yes_no', weight: 20, link: { category: 'profanity', speaker: 'agent' } },
  ],
};
let form: QaForm;
let evaluation: QaEvaluation;

beforeAll(async () => {
  ctx = await createRoutingTestDeps(NOW);
  app = createApp(ctx.deps, ctx.services);
  await ctx.deps.directory.putTenant({ tenantId: A, name: 'Ромашка', timeZone: 'Europe/Moscow', locale: 'ru', createdAt: '2026-01-01T00:00:00.000Z' });
  for (const queueId of ['support', 'sales']) await ctx.deps.queues.put(makeTenantQueue(A, queueId));
  await ctx.deps.agents.put(makeAgentRecord(A, 'anna', ['support']));
  await ctx.deps.agents.put(makeAgentRecord(A, 'boris', ['support']));
  await ctx.deps.agents.put(makeAgentRecord(A, 'dmitry', ['sales']));
  for (const [name, tenant, role] of [['admin', A, 'admin'], ['oleg', A, 'supervisor'], ['anna', A, 'agent'], ['boris', A, 'agent'], ['dmitry', A, 'agent'], ['supB', 'tenant-b', 'supervisor']] as const) token[name] = await ctx.issuer.issue(principal(tenant, name, role));

  // Анна swore and greeted in c-flag; four clean chats of hers, one of Бориса's, one with no agent.
  const contacts = [contact('c-flag', 'anna'), ...[1, 2, 3, 4].map((n) => contact(`c-anna-${n}`, 'anna')), contact('c-boris', 'boris'), contact('c-nobody', undefined), contact('c-sales', 'dmitry', 'sales')];
  for (const c of contacts) await ctx.deps.contacts.create(c);
  await ctx.deps.analyses.save(makeAnalysis({
    tenantId: A, contactId: 'c-flag', closedAt: '2026-12-03T09:30:00.000Z',
    findings: [
      { category: 'greeting', speaker: 'agent', segmentIndex: 0, span: { start: 0, end: 12, text: 'Здравствуйте' }, ruleId: 'ru.greeting.hello' },
      { category: 'profanity', speaker: 'agent', segmentIndex: 4, span: { start: 6, end: 10, text: 'блин' }, ruleId: 'ru.profanity.root' },
    ],
    scores: { greeting: { value: 1, bySpeaker: { agent: 1, customer: 0 } }, profanity: { value: 1, bySpeaker: { agent: 1, customer: 0 }, flagged: true } },
    reasons: [{ category: 'profanity', speaker: 'agent', value: 1 }],
  }), undefined);
  for (const [n, c] of contacts.slice(1).entries()) await ctx.deps.analyses.save(makeAnalysis({ tenantId: A, contactId: c.contactId, ...(c.agentId ? { agentId: c.agentId } : { agentId: undefined }), queueId: c.queueId, closedAt: `2026-12-03T0${n}:10:00.000Z` }), undefined);
});
afterAll(() => ctx?.table.drop());

describe('QA forms', () => {
  it('are written by supervisors and admins (audited), refused to agents, and checked with reasons', async () => {
    // Act
    const byAgent = await call('POST', '/forms', token.anna, formBody);
    const thirteen = await call('POST', '/forms', token.oleg, { ...formBody, parameters: Array.from({ length: 13 }, (_, i) => ({ parameterId: `p${i}`, name: `П${i}`, kind: 'yes_no', weight: 5 })) });
    const noQueue = await call('POST', '/forms', token.oleg, { ...formBody, queueIds: ['nowhere'] });
    const created = await call('POST', '/forms', token.oleg, formBody);
    form = (await json(created)) as QaForm;
    const renamed = await call('PUT', `/forms/${form.formId}`, token.admin, { ...formBody, name: 'Чат поддержки 2026', version: 1 });
    const stale = await call('PUT', `/forms/${form.formId}`, token.oleg, { ...formBody, version: 1 });
    // Assert
    expect(byAgent.status).toBe(403);
    expect(thirteen.status).toBe(400);
    expect(JSON.stringify(await json(thirteen))).toMatch(/at most 12 parameters/);
    expect(await json(noQueue)).toMatchObject({ status: 400, detail: 'No queue "nowhere" in this tenant', errors: [{ path: 'queueIds' }] });
    expect(created.status).toBe(201);
    expect(form).toMatchObject({ tenantId: A, version: 1, queueIds: ['support'] });
    form = (await json(renamed)) as QaForm;
    expect(form).toMatchObject({ name: 'Чат поддержки 2026', version: 2 });
    expect(stale.status).toBe(409);
    const audit = await ctx.services.audit.list(A, { limit: 10 });
    expect(audit.entries.filter((e) => e.target === 'qa-form').map((e) => e.action).sort()).toEqual(['created', 'updated']);
  });

  it('are read by agents of their queues only, and never across tenants', async () => {
    const anna = (await json(await call('GET', '/forms', token.anna))) as { forms: QaForm[] };
    const dmitry = (await json(await call('GET', '/forms', token.dmitry))) as { forms: QaForm[] };
    expect(anna.forms.map((f) => f.formId)).toEqual([form.formId]);
    expect(dmitry.forms).toEqual([]);
    expect((await call('GET', `/forms/${form.formId}`, token.dmitry)).status).toBe(404);
    expect((await call('GET', `/forms/${form.formId}`, token.supB)).status).toBe(404);
    expect((await call('GET', '/forms', undefined)).status).toBe(401);
  });
});

describe('QA evaluations', () => {
  it('draft a contact’s form prefilled from its saved analysis, with the evidence', async () => {
    // Act
    const res = await call('GET', `/contacts/c-flag/draft?formId=${form.formId}`, token.oleg);
    const draft = (await json(res)) as QaDraft;
    // Assert
    expect(res.status).toBe(200);
    expect(draft).toMatchObject({ contactId: 'c-flag', agentId: 'anna', analysed: true });
    expect(draft.answers.map((a) => [a.parameterId, a.answer ?? null, a.prefilled])).toEqual([['greeting', 'yes', true], ['solution', null, false], ['polite', null, false], ['clean', 'no', true]]);
    expect(draft.answers[3]!.evidence).toEqual([{ category: 'profanity', speaker: 'agent', segmentIndex: 4, span: { start: 6, end: 10, text: 'блин' }, ruleId: 'ru.profanity.root' }]);
    expect((await call('GET', `/contacts/c-flag/draft?formId=${form.formId}`, token.anna)).status).toBe(403);
    expect((await call('GET', `/contacts/c-sales/draft?formId=${form.formId}`, token.oleg)).status).toBe(400);
    expect((await call('GET', '/contacts/c-flag/draft', token.oleg)).status).toBe(400);
    expect((await call('GET', `/contacts/c-flag/draft?formId=${form.formId}`, token.supB)).status).toBe(404);
  });

  it('stores who evaluated, when, on which version, with a hand-checked score, once per contact and form', async () => {
    // Arrange: greeting yes (10·1), solution 4 (50·0.75), polite partial (20·0.5), clean no (20·0) → 57.5 / 100.
    const body = { contactId: 'c-flag', formId: form.formId, answers: [
      { parameterId: 'greeting', answer: 'yes' }, { parameterId: 'solution', answer: 4, note: 'Решила со второго раза' },
      { parameterId: 'polite', answer: 'partial' }, { parameterId: 'clean', answer: 'no', note: 'Сказала «блин»' },
    ], comment: 'Следите за речью' };
    // Act
    const res = await call('POST', '/evaluations', token.oleg, body);
    evaluation = (await json(res)) as QaEvaluation;
    const again = await call('POST', '/evaluations', token.oleg, body);
    // Assert
    expect(res.status).toBe(201);
    expect(evaluation).toMatchObject({ evaluationId: `${form.formId}:c-flag`, agentId: 'anna', evaluatorId: 'oleg', evaluatedAt: NOW.toISOString(), formVersion: 2, total: 57.5, comment: 'Следите за речью' });
    expect(evaluation.answers[3]).toMatchObject({ answer: 'no', prefilled: 'no', note: 'Сказала «блин»', evidence: [{ span: { text: 'блин' } }] });
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({ status: 409, reason: 'already_evaluated' });
  });

  it('refuses incomplete answers, agents, contacts without an agent and other tenants', async () => {
    const partial = await call('POST', '/evaluations', token.oleg, { contactId: 'c-anna-1', formId: form.formId, answers: [{ parameterId: 'greeting', answer: 'yes' }] });
    expect(partial.status).toBe(400);
    expect(JSON.stringify(await json(partial))).toMatch(/Answer every parameter/);
    const all = formBody.parameters.map((p) => ({ parameterId: p.parameterId, answer: 'not_applicable' }));
    expect((await call('POST', '/evaluations', token.anna, { contactId: 'c-anna-1', formId: form.formId, answers: all })).status).toBe(403);
    expect((await call('POST', '/evaluations', token.oleg, { contactId: 'c-nobody', formId: form.formId, answers: all })).status).toBe(400);
    expect((await call('POST', '/evaluations', token.supB, { contactId: 'c-anna-1', formId: form.formId, answers: all })).status).toBe(404);
  });

  it('are listed to the evaluated agent and supervisors, never to another agent', async () => {
    const list = async (as: string, query = '') => call('GET', `/evaluations${query}`, as);
    const anna = (await json(await list(token.anna))) as { evaluations: QaEvaluation[] };
    expect(anna.evaluations.map((e) => e.evaluationId)).toEqual([evaluation.evaluationId]);
    expect((await list(token.anna, '?agentId=boris')).status).toBe(403);
    expect(((await json(await list(token.boris))) as { evaluations: QaEvaluation[] }).evaluations).toEqual([]);
    expect(((await json(await list(token.oleg, '?agentId=anna&from=2026-12-03&to=2026-12-03'))) as { evaluations: QaEvaluation[] }).evaluations).toHaveLength(1);
    expect(((await json(await list(token.oleg, '?from=2026-12-01&to=2026-12-02'))) as { evaluations: QaEvaluation[] }).evaluations).toEqual([]);
    expect(((await json(await list(token.supB))) as { evaluations: QaEvaluation[] }).evaluations).toEqual([]);
    expect((await list(token.oleg, '?from=2026-12-04&to=2026-12-03')).status).toBe(400);
  });

  it('take comments from the evaluated agent and supervisors, bounded in length', async () => {
    const path = `/evaluations/${evaluation.evaluationId}/comments`;
    const byAnna = await call('POST', path, token.anna, { text: 'Клиент начал первым, но учту' });
    const bySupervisor = await call('POST', path, token.oleg, { text: 'Спасибо' });
    expect(byAnna.status).toBe(201);
    expect(((await json(bySupervisor)) as QaEvaluation).comments.map((c) => [c.authorId, c.authorRole, c.text])).toEqual([['anna', 'agent', 'Клиент начал первым, но учту'], ['oleg', 'supervisor', 'Спасибо']]);
    expect((await call('POST', path, token.boris, { text: 'Я тоже' })).status).toBe(404);
    expect((await call('POST', path, token.anna, { text: 'я'.repeat(2001) })).status).toBe(400);
    expect((await call('POST', path, token.supB, { text: 'Чужой' })).status).toBe(404);
  });
});

describe('the day’s sample', () => {
  it('lists the flagged conversations first, then two a day per agent, marking the evaluated, the same each read', async () => {
    // Act
    const res = await call('GET', '/sample?date=2026-12-03', token.oleg);
    const sample = (await json(res)) as QaSample;
    const again = (await json(await call('GET', '/sample?date=2026-12-03', token.oleg))) as QaSample;
    // Assert
    expect(res.status).toBe(200);
    expect(sample.entries[0]).toMatchObject({ contactId: 'c-flag', reason: 'flagged', categories: ['profanity'], evaluationIds: [evaluation.evaluationId] });
    expect(sample.entries.filter((e) => e.agentId === 'anna' && e.reason === 'random')).toHaveLength(2);
    expect(sample.entries.filter((e) => e.agentId === 'boris').map((e) => e.contactId)).toEqual(['c-boris']);
    expect(again.entries.map((e) => e.contactId)).toEqual(sample.entries.map((e) => e.contactId));
    expect(((await json(await call('GET', '/sample?date=2026-12-03&queueId=sales', token.oleg))) as QaSample).entries.map((e) => e.contactId)).toEqual(['c-sales']);
    expect((await call('GET', '/sample', token.anna)).status).toBe(403);
    expect((await call('GET', '/sample?date=3.12.2026', token.oleg)).status).toBe(400);
  });

  it('draws as many per agent as the tenant’s setting says', async () => {
    const put = await call('PUT', '/settings', token.oleg, { samplePerAgent: 1 });
    const sample = (await json(await call('GET', '/sample?date=2026-12-03', token.oleg))) as QaSample;
    expect(put.status).toBe(200);
    expect(sample.samplePerAgent).toBe(1);
    expect(sample.entries.filter((e) => e.agentId === 'anna' && e.reason === 'random')).toHaveLength(1);
    expect((await call('PUT', '/settings', token.oleg, { samplePerAgent: 99 })).status).toBe(400);
    expect((await call('PUT', '/settings', token.anna, { samplePerAgent: 1 })).status).toBe(403);
  });
});
