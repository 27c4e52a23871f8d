/**
 * Judging achievements and quests on the stream, on DynamoDB Local: `AwardJudge.figuresChanged` for one agent (the
 * tenant's rules and quests read, the period's day cells of the agent read, an award written when earned) against
 * the metrics fold of the same kind of change (one conditional transaction of its cells) at the same concurrency in
 * the same run: the ratio is what gamification adds to each contact change. Also the leaderboard of 40 agents by a
 * metric over a month.
 */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTableInput } from '@cc/shared/db/table';
import { AchievementRuleContentSchema, QuestContentSchema } from '@cc/shared/gamification/schema';
import { eventsOf } from '@cc/shared/metrics/events-of';
import { foldEvents } from '@cc/shared/metrics/fold';
import { scriptedDay, TIME_ZONE } from '@cc/shared/metrics/test-day';
import type { Principal } from '@cc/shared/auth/model';
import { createRepositories } from '../functions/composition/root.ts';
import { AwardJudge } from '../functions/gamification/award-judge.ts';
import { GameBoards } from '../functions/gamification/boards.ts';
import { RuleBook } from '../functions/gamification/rule-book.ts';
import { MetricReports } from '../functions/metrics/reports.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import type { BenchResult } from './types.ts';

const TENANT = 'bench';
const AGENTS = 40;
const CONCURRENCY = 10;
const CHANGES = 300;
const ROUNDS = 3;
const NOW = new Date('2026-12-02T12:00:00.000Z');

export default async function (): Promise<BenchResult[]> {
  const dynamo = await startDynamoDbLocal();
  try {
    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 10 });
    await client.send(new CreateTableCommand(createTableInput('bench-game')));
    const deps = { ...createRepositories(client, 'bench-game'), clock: { now: () => NOW } };
    const book = new RuleBook(deps, { record: async () => undefined as never });
    const reports = new MetricReports(deps);
    const judge = new AwardJudge(deps, book, reports);
    const boards = new GameBoards(deps, book, judge);
    const admin: Principal = { tenantId: TENANT, userId: 'admin', roles: ['admin'], name: 'admin', login: 'admin' };
    // A growing rule and a quest: both judged on every change (the four built-ins wait for the day's end).
    await book.createRule(admin, AchievementRuleContentSchema.parse({ name: { ru: 'Марафонец', en: 'Marathoner' }, description: { ru: '—', en: '—' }, icon: 'rocket', metric: 'contacts_handled', comparison: 'gte', threshold: 1000, period: 'day', points: 20 }));
    await book.createQuest(admin, QuestContentSchema.parse({ name: { ru: 'Перезвоны', en: 'Callbacks' }, description: { ru: '—', en: '—' }, icon: 'phone', period: 'day', points: 10, steps: [{ stepId: 'cb', label: { ru: '—', en: '—' }, metric: 'callbacks_completed', target: 1000 }] }));
    const day = scriptedDay().records;
    const agentIds = Array.from({ length: AGENTS }, (_, i) => `agent-${i}`);
    for (const agentId of agentIds) await deps.agents.put({ tenantId: TENANT, agentId, name: agentId, status: 'available', statusSince: NOW.toISOString(), skills: [], queueIds: ['support'], version: 1 });
    // Each agent gets the scripted day's figures as their own (anna's records, renamed).
    const cellsFor = (agentId: string, record: (typeof day)[number]) => [...foldEvents(eventsOf(record).map((e) => ({ ...e, id: `${agentId}#${e.id}`, ...(e.agentId && { agentId }) })), TIME_ZONE).values()];
    let folds = 0;
    const foldRate = async (count: number) => {
      let next = 0;
      const started = performance.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (next < count) {
          const i = next++;
          const agentId = agentIds[i % AGENTS]!;
          await deps.metrics.fold(TENANT, `bench#${folds++}`, cellsFor(agentId, day[i % day.length]!));
        }
      }));
      return count / ((performance.now() - started) / 1000);
    };
    const judgeRate = async (count: number) => {
      let next = 0;
      const started = performance.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (next < count) await judge.figuresChanged(TENANT, [agentIds[next++ % AGENTS]!], NOW);
      }));
      return count / ((performance.now() - started) / 1000);
    };

    await foldRate(CHANGES);
    await judgeRate(60);
    const judged: number[] = [];
    const folded: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) { judged.push(await judgeRate(CHANGES)); folded.push(await foldRate(CHANGES)); }
      else { folded.push(await foldRate(CHANGES)); judged.push(await judgeRate(CHANGES)); }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const judgesPerSecond = Math.round(median(judged));
    const foldsPerSecond = Math.round(median(folded));

    const reads: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      const board = await boards.leaderboard(admin, { metric: 'conversation_time', period: 'month' });
      reads.push(performance.now() - t0);
      if (board.rows.length !== AGENTS) throw new Error(`The leaderboard has ${board.rows.length} rows, not ${AGENTS}`);
    }
    client.destroy();
    return [
      { name: 'metrics.fold.rate.gamification', value: foldsPerSecond, unit: 'changes/s', notes: `Metrics folds of scripted-day records (one conditional transaction of the change's cells) on DynamoDB Local, ${CONCURRENCY} concurrent, ${CHANGES} x ${ROUNDS} rounds (median): the floor of the judging figure.` },
      {
        name: 'gamification.judge.rate',
        value: judgesPerSecond,
        unit: 'changes/s',
        baseline: foldsPerSecond,
        ratio: Number((judgesPerSecond / foldsPerSecond).toFixed(3)),
        notes: `AwardJudge.figuresChanged for one agent per change (rules and quests read, the day's cells read, settlement checked), one growing rule and one quest, ${AGENTS} agents, ${CONCURRENCY} concurrent, ${CHANGES} x ${ROUNDS} rounds (median); ratio = judged / folded (goal ≥ 0.5: judging adds at most as much as the fold it follows).`,
      },
      { name: 'gamification.leaderboard-month.median', value: Number(median(reads).toFixed(1)), unit: 'ms', notes: `GET /api/leaderboard by conversation time over a month for ${AGENTS} agents: the agents, their points and a month of their day cells (median of 15).` },
    ];
  } finally {
    await dynamo.stop();
  }
}
