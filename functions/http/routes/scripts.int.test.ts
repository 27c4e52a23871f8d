import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { Contact } from '@cc/shared/contacts/model';
import type { FunnelComparison, FunnelView } from '@cc/shared/scripts/funnel';
import { salesContent, salesSteps } from '@cc/shared/scripts/test-scripts';
import type { Script, ScriptRun } from '@cc/shared/scripts/values';
import { createApp } from '../app.ts';
import { SCRIPT_MOVE_LIMIT } from './scripts.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from '../../routing/testing.ts';
import { scriptReactions } from '../../scripts/reactions.ts';
import { json } from '../../../test/json.ts';

// Scripts on DynamoDB Local: roles and tenants, versions, a run recorded step by step, a drop when the contact ends,
// and the funnel of two versions.
const A = 'tenant-a';
let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
const token: Record<string, string> = {};
const principal = (tenantId: string, userId: string, role: Role): Principal => ({ tenantId, userId, roles: [role], name: userId, login: `${userId}@${tenantId}` });
const call = (method: string, path: string, as: string | undefined, body?: unknown) =>
  app.request(`/api${path}`, { method, ...(body !== undefined && { body: JSON.stringify(body) }), headers: { ...(as && { authorization: `Bearer ${as}` }), 'content-type': 'application/json' } });
const ok = async <T>(res: Response, status = 200): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await json(res)) as T;
};
const at = '2026-12-04T10:00:00.000Z';
const contact = (contactId: string, agentId: string, extra: Partial<Contact> = {}): Contact => ({ tenantId: A, contactId, queueId: 'sales', channel: 'telegram', status: 'connected', agentId, enqueuedAt: at, statusSince: at, createdAt: at, priority: 0, requiredSkills: [], excludedAgentIds: [], history: [], version: 1, ...extra });
/** The contact ended, as the stream tells the scripts reaction. */
const end = async (c: Contact) => {
  const closed = { ...c, status: 'closed' as const, version: c.version + 1 };
  for (const reaction of scriptReactions(ctx.deps, ctx.services.scriptRuns).filter((r) => r.entity === 'contact')) await reaction.react({ entity: 'contact', eventName: 'MODIFY', oldImage: c, newImage: closed } as never);
};
let script: Script;

beforeAll(async () => {
  ctx = await createRoutingTestDeps(new Date(at));
  app = createApp(ctx.deps, ctx.services);
  for (const queueId of ['support', 'sales']) await ctx.deps.queues.put(makeTenantQueue(A, queueId));
  await ctx.deps.agents.put(makeAgentRecord(A, 'anna', ['sales']));
  await ctx.deps.agents.put(makeAgentRecord(A, 'boris', ['support']));
  token.supervisor = await ctx.issuer.issue(principal(A, 'oleg', 'supervisor'));
  token.anna = await ctx.issuer.issue(principal(A, 'anna', 'agent'));
  token.boris = await ctx.issuer.issue(principal(A, 'boris', 'agent'));
  token.supervisorB = await ctx.issuer.issue(principal('tenant-b', 'sup-b', 'supervisor'));
  script = await ok<Script>(await call('POST', '/scripts', token.supervisor, salesContent), 201);
});
afterAll(() => ctx?.table.drop());

describe('scripts: who edits and who reads', () => {
  it('lets supervisors create and change scripts, agents only read those of their queues, other tenants nothing', async () => {
    expect(script).toMatchObject({ tenantId: A, version: 1, kind: 'flowchart', attach: { queueIds: ['sales'] } });
    expect((await call('POST', '/scripts', token.anna, salesContent)).status).toBe(403);
    expect((await call('PUT', `/scripts/${script.scriptId}`, token.anna, { version: 1, content: salesContent })).status).toBe(403);
    expect((await ok<{ scripts: Script[] }>(await call('GET', '/scripts', token.anna))).scripts.map((s) => s.scriptId)).toEqual([script.scriptId]);
    expect((await ok<{ scripts: Script[] }>(await call('GET', '/scripts', token.boris))).scripts).toEqual([]);
    expect((await call('GET', `/scripts/${script.scriptId}`, token.boris)).status).toBe(404);
    expect((await call('GET', `/scripts/${script.scriptId}`, token.supervisorB)).status).toBe(404);
    expect((await call('GET', `/scripts/${script.scriptId}/funnel`, token.supervisorB)).status).toBe(404);
    expect((await call('GET', `/scripts/${script.scriptId}/funnel`, token.anna)).status).toBe(403);
    expect((await call('GET', '/scripts', undefined)).status).toBe(401);
  });

  it('answers a script that cannot be followed, or names a queue not in the tenant, with a 400 by path', async () => {
    const broken = await call('POST', '/scripts', token.supervisor, { ...salesContent, steps: salesSteps.map((s) => (s.id === 'greet' ? { ...s, next: 'nowhere' } : s)) });
    expect(broken.status).toBe(400);
    expect(JSON.stringify(await json(broken))).toContain('the next step \\"nowhere\\" does not exist');
    const foreign = await call('POST', '/scripts', token.supervisor, { ...salesContent, attach: { queueIds: ['vip'] } });
    expect(foreign.status).toBe(400);
    expect(await json(foreign)).toMatchObject({ errors: [{ path: 'attach.queueIds' }] });
    expect((await call('POST', '/scripts', token.supervisor, '{')).status).toBe(400);
  });
});

describe('scripts: a run on a contact', () => {
  it('gives the agent the queue’s script, records each step once, refuses a stale window and drops the run when the contact ends', async () => {
    // Arrange
    const c1 = contact('c-run-1', 'anna');
    await ctx.deps.contacts.create(c1);
    const path = `/scripts/${script.scriptId}/runs/${c1.contactId}`;
    // Act
    const view = await ok<{ script?: { version: number; start: string }; canMove: boolean }>(await call('GET', `/scripts/contact/${c1.contactId}`, token.anna));
    await ok(await call('POST', path, token.anna, { version: 1, seq: 0, stepId: 'greet' }));
    await ok(await call('POST', path, token.anna, { version: 1, seq: 1, stepId: 'need' }));
    const again = await ok<ScriptRun>(await call('POST', path, token.anna, { version: 1, seq: 1, stepId: 'need' }));
    const stale = await call('POST', path, token.anna, { version: 1, seq: 1, stepId: 'greet' });
    const jump = await call('POST', path, token.anna, { version: 1, seq: 2, stepId: 'sale' });
    const byOther = await call('POST', path, token.boris, { version: 1, seq: 2, stepId: 'offer-fast', answerId: 'speed' });
    // Assert
    expect(view).toMatchObject({ script: { version: 1, start: 'greet' }, canMove: true });
    expect(again.path.map((p) => p.stepId)).toEqual(['greet', 'need']);
    expect(stale.status).toBe(409);
    expect(await json(stale)).toMatchObject({ reason: 'run_changed' });
    expect(jump.status).toBe(400);
    expect(byOther.status).toBe(404);
    await end(c1);
    await end(c1); // a redelivered record counts nothing twice
    const after = await ok<{ run?: ScriptRun }>(await call('GET', `/scripts/contact/${c1.contactId}`, token.supervisor));
    expect(after.run).toMatchObject({ result: 'dropped' });
    const { funnel } = await ok<{ funnel: FunnelView }>(await call('GET', `/scripts/${script.scriptId}/funnel`, token.supervisor));
    expect(funnel).toMatchObject({ started: 1, dropped: 1, completed: 0, weakest: 'need' });
  });

  it('keeps the version a contact started on after the script changes, and compares the versions’ funnels', async () => {
    // Arrange: c2 starts on version 1, then the supervisor saves version 2.
    const c2 = contact('c-run-2', 'anna');
    await ctx.deps.contacts.create(c2);
    const run = (c: Contact, body: object) => call('POST', `/scripts/${script.scriptId}/runs/${c.contactId}`, token.anna, body);
    await ok(await run(c2, { version: 1, seq: 0, stepId: 'greet' }));
    const v2 = await ok<Script>(await call('PUT', `/scripts/${script.scriptId}`, token.supervisor, { version: 1, content: { ...salesContent, steps: salesSteps.map((s) => (s.id === 'greet' ? { ...s, text: 'Добрый день!' } : s)) } }));
    const stale = await call('PUT', `/scripts/${script.scriptId}`, token.supervisor, { version: 1, content: salesContent });
    // Act: c2 finishes on version 1; c3 starts on version 2 and sells.
    for (const [seq, stepId, answerId] of [[1, 'need'], [2, 'offer-fast', 'speed'], [3, 'sale', 'yes']] as const) await ok(await run(c2, { version: 1, seq, stepId, ...(answerId && { answerId }) }));
    const c3 = contact('c-run-3', 'anna');
    await ctx.deps.contacts.create(c3);
    const view = await ok<{ script: { version: number } }>(await call('GET', `/scripts/contact/${c3.contactId}`, token.anna));
    for (const [seq, stepId, answerId] of [[0, 'greet'], [1, 'need'], [2, 'offer-cheap', 'price'], [3, 'sale', 'yes']] as const) await ok(await run(c3, { version: 2, seq, stepId, ...(answerId && { answerId }) }));
    // Assert
    expect(v2.version).toBe(2);
    expect(stale.status).toBe(409);
    expect(await json(stale)).toMatchObject({ reason: 'script_changed' });
    expect((await ok<{ script: { version: number } }>(await call('GET', `/scripts/contact/${c2.contactId}`, token.anna))).script.version).toBe(1);
    expect(view.script.version).toBe(2);
    const { funnel, comparison } = await ok<{ funnel: FunnelView; comparison: FunnelComparison }>(await call('GET', `/scripts/${script.scriptId}/funnel?version=2&compare=1`, token.supervisor));
    expect(funnel).toMatchObject({ version: 2, started: 1, completed: 1, outcomes: [{ id: 'sale', runs: 1 }, { id: 'callback', runs: 0 }, { id: 'refusal', runs: 0 }] });
    expect(comparison.before).toMatchObject({ version: 1, started: 2, completed: 1, dropped: 1 });
    expect(comparison.stages.find((s) => s.stepId === 'need')).toMatchObject({ before: { dropShare: 50 }, after: { dropShare: 0 }, dropChange: -50 });
    expect((await ok<{ versions: { version: number }[] }>(await call('GET', `/scripts/${script.scriptId}/versions`, token.supervisor))).versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('lets the agent word unlocked steps, not locked ones, and shows the wording on their contacts', async () => {
    const put = (body: object) => call('PUT', `/scripts/${script.scriptId}/personal`, token.anna, body);
    const locked = await put({ baseVersion: 2, texts: { 'offer-cheap': 'Дёшево!' } });
    const saved = await ok<{ version: number }>(await put({ baseVersion: 2, texts: { need: 'Вам важнее скорость или цена?' } }));
    const stale = await put({ baseVersion: 2, texts: { need: 'x' } });
    const c4 = contact('c-run-4', 'anna');
    await ctx.deps.contacts.create(c4);
    const view = await ok<{ wording?: { texts: Record<string, string> } }>(await call('GET', `/scripts/contact/${c4.contactId}`, token.anna));
    expect(locked.status).toBe(400);
    expect(await json(locked)).toMatchObject({ reason: 'wording_refused' });
    expect(saved.version).toBe(1);
    expect(stale.status).toBe(409);
    expect(view.wording?.texts).toEqual({ need: 'Вам важнее скорость или цена?' });
  });

  it('pre-answers a QA parameter from the contact’s run: followed to an outcome, dropped, not started', async () => {
    // Arrange: a form with «Следовал скрипту» for sales.
    const form = await ok<{ formId: string }>(await call('POST', '/qa/forms', token.supervisor, { name: 'Продажи', queueIds: ['sales'], parameters: [{ parameterId: 'script', name: 'Следовал скрипту', kind: 'yes_no_partial', weight: 10, script: true }] }), 201);
    const both = await call('POST', '/qa/forms', token.supervisor, { name: 'x', queueIds: ['sales'], parameters: [{ parameterId: 'p', name: 'x', kind: 'yes_no', weight: 1, script: true, link: { category: 'greeting' } }] });
    const draft = async (contactId: string) => (await ok<{ answers: { answer?: string; scriptRun?: { result: string; stages: string[]; outcome?: string } }[] }>(await call('GET', `/qa/contacts/${contactId}/draft?formId=${form.formId}`, token.supervisor))).answers[0]!;
    const notStarted = contact('c-run-6', 'anna');
    await ctx.deps.contacts.create(notStarted);
    // Act
    const completed = await draft('c-run-2');
    const dropped = await draft('c-run-1');
    const none = await draft(notStarted.contactId);
    // Assert
    expect(both.status).toBe(400);
    expect(completed).toMatchObject({ answer: 'yes', scriptRun: { result: 'completed', outcome: 'Продажа', stages: ['Приветствие', 'Потребность', 'Тариф «Быстрый»', 'Продажа'] } });
    expect(dropped).toMatchObject({ answer: 'partial', scriptRun: { result: 'dropped', stages: ['Приветствие', 'Потребность'] } });
    expect(none).toMatchObject({ answer: 'no' });
    expect(none.scriptRun).toBeUndefined();
  });

  it('pushes a run that moved on to its agent and to supervisors, and to nobody else', async () => {
    // Arrange: consoles of anna, boris and the supervisor.
    const frames: Record<string, { type: string; run?: ScriptRun }[]> = { anna: [], boris: [], oleg: [] };
    for (const [userId, role] of [['anna', 'agent'], ['boris', 'agent'], ['oleg', 'supervisor']] as const) {
      await ctx.deps.connections.put({ tenantId: A, connectionId: `conn-${userId}`, userId, roles: [role], connectedAt: at });
      ctx.hub.attach(`conn-${userId}`, { send: (data) => void frames[userId]!.push(JSON.parse(data)), readyState: 1 });
    }
    const run = (await ctx.deps.scripts.getRun(A, 'c-run-2', script.scriptId))!;
    // Act: the stream brings the run's change.
    for (const reaction of scriptReactions(ctx.deps, ctx.services.scriptRuns).filter((r) => r.entity === 'scriptRun')) {
      await reaction.react({ entity: 'scriptRun', eventName: 'MODIFY', newImage: { ...run, pk: 'p', sk: 's', entity: 'scriptRun' } } as never);
    }
    // Assert
    expect(frames.anna!.map((f) => [f.type, f.run?.contactId, f.run?.result])).toEqual([['script.run', 'c-run-2', 'completed']]);
    expect(frames.oleg!.map((f) => f.type)).toEqual(['script.run']);
    expect(frames.boris).toEqual([]);
  });

  it('limits how fast an agent records steps (429 with Retry-After)', async () => {
    const c5 = contact('c-run-5', 'anna');
    await ctx.deps.contacts.create(c5);
    let last: Response | undefined;
    for (let i = 0; i <= SCRIPT_MOVE_LIMIT.max; i++) last = await call('POST', `/scripts/${script.scriptId}/runs/${c5.contactId}`, token.anna, { version: 2, seq: 0, stepId: 'greet' });
    expect(last!.status).toBe(429);
    expect(last!.headers.get('retry-after')).toBeTruthy();
  });
});
