import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@cc/shared/auth/model';
import type { AchievementRule, AchievementsPage, Award, Leaderboard, Quest } from '@cc/shared/gamification/values';
import { eventsOf } from '@cc/shared/metrics/events-of';
import { foldEvents } from '@cc/shared/metrics/fold';
import { scriptedDay, TIME_ZONE } from '@cc/shared/metrics/test-day';
import { createApp } from '../app.ts';
import { createRoutingTestDeps, makeAgentRecord, makeTenantQueue } from '../../routing/testing.ts';
import { gamificationReactions } from '../../gamification/reactions.ts';
import { AwardJudge } from '../../gamification/award-judge.ts';
import { json } from '../../../test/json.ts';

// Gamification on DynamoDB Local: the metrics' scripted day (two agents, 2 December in Moscow) folded into the real
// aggregates, judged on the stream's reaction during the day and settled the next morning; the API's roles, 4xx
// reasons and tenants.
const A = 'tenant-a';
let ctx: Awaited<ReturnType<typeof createRoutingTestDeps>>;
let app: ReturnType<typeof createApp>;
const token = {} as Record<'anna' | 'boris' | 'supervisor' | 'admin' | 'other', string>;
const principal = (tenantId: string, userId: string, roles: Role[]): Principal => ({ tenantId, userId, roles, name: userId, login: `${userId}@${tenantId}` });
const call = (method: string, path: string, as: string, body?: unknown) =>
  app.request(`/api${path}`, { method, ...(body !== undefined && { body: JSON.stringify(body) }), headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' } });
const ok = async <T>(res: Response, status = 200): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await json(res)) as T;
};
/** A contact change of the agent, as the stream hands it to the gamification reaction after the metrics folded it. */
const contactChanged = async (agentId: string) => {
  const [reaction] = gamificationReactions(ctx.deps, ctx.services.awardJudge).filter((r) => r.entity === 'contact');
  const image = { tenantId: A, contactId: `c-${agentId}`, agentId, history: [{ agentId }] };
  await reaction!.react({ entity: 'contact', eventName: 'MODIFY', oldImage: { ...image, version: 1, history: [] }, newImage: { ...image, version: 2 } } as never);
};
const marathon = { name: { ru: 'Марафонец', en: 'Marathoner' }, description: { ru: 'Четыре обращения за день.', en: 'Four contacts in a day.' }, icon: 'rocket', metric: 'contacts_handled', comparison: 'gte', threshold: 4, period: 'day', minHandled: 0, points: 5 };
const callbacksQuest = {
  name: { ru: 'День перезвонов', en: 'Callback day' }, description: { ru: 'Перезвоните и обслужите четверых.', en: 'Call back and handle four.' }, icon: 'phone', period: 'day', points: 20, queueIds: ['support'],
  steps: [{ stepId: 'callback', label: { ru: 'Перезвонить клиенту', en: 'Call a customer back' }, metric: 'callbacks_completed', target: 1 }, { stepId: 'handled', label: { ru: 'Обслужить четыре обращения', en: 'Handle four contacts' }, metric: 'contacts_handled', target: 4 }],
};
const sources = (awards: readonly Award[]) => awards.map((a) => `${a.agentId}:${a.sourceId}`).sort();
const sorted = (list: string[]) => [...list].sort();
let rule: AchievementRule;
let quest: Quest;

beforeAll(async () => {
  ctx = await createRoutingTestDeps(new Date('2026-12-02T10:00:00.000Z'));
  app = createApp(ctx.deps, ctx.services);
  await ctx.deps.queues.put(makeTenantQueue(A, 'support'));
  await ctx.deps.agents.put(makeAgentRecord(A, 'anna', ['support'], { name: 'Анна' }));
  await ctx.deps.agents.put(makeAgentRecord(A, 'boris', ['sales'], { name: 'Борис' }));
  token.anna = await ctx.issuer.issue(principal(A, 'anna', ['agent']));
  token.boris = await ctx.issuer.issue(principal(A, 'boris', ['agent']));
  token.supervisor = await ctx.issuer.issue(principal(A, 'irina', ['supervisor']));
  token.admin = await ctx.issuer.issue(principal(A, 'oleg', ['admin']));
  token.other = await ctx.issuer.issue(principal('tenant-b', 'anna', ['admin']));
  // The scripted day into the stored aggregates, record by record as the metrics reaction folds them.
  for (const [i, record] of scriptedDay().records.entries()) await ctx.deps.metrics.fold(A, `day#${i}`, [...foldEvents(eventsOf(record), TIME_ZONE).values()]);
});
afterAll(() => ctx.table.drop());

describe('achievement rules and quests', () => {
  it('lists the four built-in achievements, and lets only admins add their own', async () => {
    // Act
    const { rules } = await ok<{ rules: AchievementRule[] }>(await call('GET', '/achievements/rules', token.anna));
    const byAgent = await call('POST', '/achievements/rules', token.supervisor, marathon);
    const badMetric = await call('POST', '/achievements/rules', token.admin, { ...marathon, metric: 'contacts_waiting' });
    const topWithThreshold = await call('POST', '/achievements/rules', token.admin, { ...marathon, comparison: 'top' });
    rule = await ok<AchievementRule>(await call('POST', '/achievements/rules', token.admin, marathon), 201);
    // Assert
    expect(rules.map((r) => [r.ruleId, r.name.ru, r.builtIn])).toEqual([['librarian', 'Библиотекарь', true], ['goalkeeper', 'Голкипер', true], ['speaker', 'Спикер', true], ['sprinter', 'Спринтер', true]]);
    expect(byAgent.status).toBe(403);
    expect(badMetric.status).toBe(400);
    expect(JSON.stringify(await json(badMetric))).toContain('live metric');
    expect(topWithThreshold.status).toBe(400);
    expect(rule).toMatchObject({ ruleId: expect.stringMatching(/^ach-/), version: 1, builtIn: false });
  });

  it('changes a built-in achievement from version 0, and refuses to delete it', async () => {
    // Act
    const { rules } = await ok<{ rules: AchievementRule[] }>(await call('GET', '/achievements/rules', token.admin));
    const { tenantId: _t, ruleId: _r, builtIn: _b, version: _v, updatedAt: _u, ...content } = rules.find((r) => r.ruleId === 'goalkeeper')!;
    const changed = await ok<AchievementRule>(await call('PUT', '/achievements/rules/goalkeeper', token.admin, { version: 0, rule: { ...content, points: 12 } }));
    const stale = await call('PUT', '/achievements/rules/goalkeeper', token.admin, { version: 0, rule: { ...marathon } });
    const deleted = await call('DELETE', '/achievements/rules/goalkeeper', token.admin);
    // Assert
    expect(changed).toMatchObject({ ruleId: 'goalkeeper', builtIn: true, version: 1, points: 12 });
    expect(stale.status).toBe(409);
    expect(deleted.status).toBe(400);
  });

  it('lets supervisors set quests whose steps are volumes', async () => {
    // Act
    const byAgent = await call('POST', '/quests', token.anna, callbacksQuest);
    const notVolume = await call('POST', '/quests', token.supervisor, { ...callbacksQuest, steps: [{ ...callbacksQuest.steps[0], metric: 'average_handle_time', target: 300 }] });
    const unknownQueue = await call('POST', '/quests', token.supervisor, { ...callbacksQuest, queueIds: ['nowhere'] });
    quest = await ok<Quest>(await call('POST', '/quests', token.supervisor, callbacksQuest), 201);
    // Assert
    expect(byAgent.status).toBe(403);
    expect(notVolume.status).toBe(400);
    expect(JSON.stringify(await json(notVolume))).toContain('not a volume');
    expect(unknownQueue.status).toBe(400);
    expect(quest.steps).toHaveLength(2);
  });
});

describe('a scripted day', () => {
  it('gives during the day only what cannot be lost any more: the volume achievement and the quest', async () => {
    // Act
    await contactChanged('anna');
    await contactChanged('boris');
    const anna = await ok<AchievementsPage>(await call('GET', '/achievements?agentId=anna&period=day', token.anna));
    // Assert
    expect(sources(anna.achievements)).toEqual(sorted([`anna:${quest.questId}`, `anna:${rule.ruleId}`]));
    expect(anna.achievements.find((a) => a.kind === 'quest')!.earnedAt).toBe('2026-12-02T10:00:00.000Z');
    expect(anna.points).toBe(25);
    const status = Object.fromEntries(anna.progress.map((p) => [p.sourceId, p.status]));
    expect(status).toEqual({ librarian: 'behind', goalkeeper: 'on-track', speaker: 'on-track', sprinter: 'behind', [rule.ruleId]: 'earned', [quest.questId]: 'earned' });
    expect(await ctx.deps.gamification.awardsOf(A, 'day', '2026-12-02', 'boris')).toEqual([]);
  });

  it('settles the day the next morning: exactly «Голкипер» and «Спикер» more for Анна, nothing for Борис, who missed an offer', async () => {
    // Arrange
    ctx.clock.set(new Date('2026-12-03T06:00:00.000Z'));
    // Act
    const anna = await ok<AchievementsPage>(await call('GET', '/achievements?agentId=anna&period=day&date=2026-12-02', token.boris));
    const boris = await ok<AchievementsPage>(await call('GET', '/achievements?agentId=boris&period=day&date=2026-12-02', token.boris));
    const own = await ok<AchievementsPage>(await call('GET', '/achievements?period=day&date=2026-12-02', token.anna));
    const again = await new AwardJudge(ctx.deps, ctx.services.ruleBook, ctx.services.reports).settle(A, new Date('2026-12-03T07:00:00.000Z'));
    // Assert
    expect(sources(anna.achievements)).toEqual(sorted(['anna:goalkeeper', `anna:${quest.questId}`, `anna:${rule.ruleId}`, 'anna:speaker']));
    const goalkeeper = anna.achievements.find((a) => a.sourceId === 'goalkeeper')!;
    expect(goalkeeper).toMatchObject({ earnedAt: '2026-12-02T21:00:00.000Z', points: 12, name: { ru: 'Голкипер', en: 'Goalkeeper' }, why: { metric: 'missed_offers', value: 0, comparison: 'lte', threshold: 0, handled: 4 } });
    expect(anna.achievements.find((a) => a.sourceId === 'speaker')!.why).toMatchObject({ value: 1050, comparison: 'top', of: 2 });
    expect(anna.progress).toEqual([]);
    expect(Object.fromEntries(own.progress.map((p) => [p.sourceId, p.status]))).toMatchObject({ librarian: 'behind', goalkeeper: 'earned', speaker: 'earned', sprinter: 'behind' });
    expect(boris.achievements).toEqual([]);
    expect(anna.points).toBe(5 + 20 + 12 + 15);
    expect(again).toEqual([]);
  });

  it('still judges a record that reaches the stream after its day was settled', async () => {
    // Arrange: three more of Борис's contacts of 2 December, folded late (a backlog, a redrive)
    await ctx.deps.metrics.fold(A, 'late#1', [...foldEvents([{ id: 'late#1', at: '2026-12-02T15:00:00.000Z', agentId: 'boris', queueId: 'support', channel: 'telegram', add: { offersAccepted: 3, handled: 3 } }], TIME_ZONE).values()]);
    const [reaction] = gamificationReactions(ctx.deps, ctx.services.awardJudge).filter((r) => r.entity === 'contact');
    const image = { tenantId: A, contactId: 'c-late', agentId: 'boris' };
    // Act
    await reaction!.react({ entity: 'contact', eventName: 'MODIFY', oldImage: { ...image, version: 1, history: [] }, newImage: { ...image, version: 2, history: [{ agentId: 'boris', at: '2026-12-02T15:00:00.000Z' }] } } as never);
    const boris = await ok<AchievementsPage>(await call('GET', '/achievements?agentId=boris&period=day&date=2026-12-02', token.boris));
    // Assert: four contacts make «Марафонец»; his missed offer still keeps «Голкипер» from him
    expect(sources(boris.achievements)).toEqual([`boris:${rule.ruleId}`]);
    expect(boris.achievements[0]).toMatchObject({ earnedAt: '2026-12-02T21:00:00.000Z', why: { value: 4 } });
    expect(boris.points).toBe(5);
  });

  it('ranks the team by points and by a metric in its better direction', async () => {
    // Act
    const points = await ok<Leaderboard>(await call('GET', '/leaderboard?period=day&date=2026-12-02', token.boris));
    const missed = await ok<Leaderboard>(await call('GET', '/leaderboard?metric=missed_offers&period=week&date=2026-12-02', token.boris));
    const week = await ok<Leaderboard>(await call('GET', '/leaderboard?metric=points&period=week&date=2026-12-03', token.boris));
    const bad = await call('GET', '/leaderboard?metric=contacts_waiting', token.boris);
    // Assert
    expect(points.rows.map((r) => [r.name, r.value, r.rank])).toEqual([['Анна', 52, 1], ['Борис', 5, 2]]);
    expect(missed).toMatchObject({ better: 'lower', periodKey: '2026-11-30' });
    expect(missed.rows.map((r) => [r.agentId, r.value, r.rank])).toEqual([['anna', 0, 1], ['boris', 1, 2]]);
    expect(week.rows[0]).toMatchObject({ agentId: 'anna', value: 52, points: 52 });
    expect(bad.status).toBe(400);
  });

  it('shows the board the fresh awards, and another tenant nothing', async () => {
    // Act
    const { awards } = await ok<{ awards: Award[] }>(await call('GET', '/achievements/fresh', token.anna));
    const other = await ok<{ awards: Award[] }>(await call('GET', '/achievements/fresh', token.other));
    const otherBoard = await ok<Leaderboard>(await call('GET', '/leaderboard?period=day&date=2026-12-02', token.other));
    const otherAnna = await call('GET', '/achievements?agentId=anna&period=day&date=2026-12-02', token.other);
    const badPeriod = await call('GET', '/achievements?period=year', token.anna);
    // Assert
    expect(sources(awards)).toEqual(sorted(['anna:goalkeeper', `anna:${quest.questId}`, `anna:${rule.ruleId}`, 'anna:speaker', `boris:${rule.ruleId}`]));
    expect(awards[0]!.earnedAt >= awards[awards.length - 1]!.earnedAt).toBe(true);
    expect(other.awards).toEqual([]);
    expect(otherBoard.rows).toEqual([]);
    expect(otherAnna.status).toBe(404);
    expect(badPeriod.status).toBe(400);
  });
});
