/**
 * What people see of gamification: an agent's achievements in a period with when and why and where the rest stand
 * (`GET /api/achievements`), the leaderboard by points or by a metric (`GET /api/leaderboard`), and the team's
 * fresh awards for the motivation board. Reads settle closed periods first, so a quiet morning still shows
 * yesterday's winners.
 */
import { hasRole, type Principal } from '@cc/shared/auth/model';
import { localDate, localIso } from '@cc/shared/calendar/values';
import { NotFoundError } from '@cc/shared/errors';
import { rankRows } from '@cc/shared/gamification/leaderboard';
import { isClosed, periodInstants, periodOf, type PeriodSpan } from '@cc/shared/gamification/periods';
import { metricsOfQuests, questProgress } from '@cc/shared/gamification/quests';
import { metricsOfRules, standing } from '@cc/shared/gamification/rules';
import { metricById, type IntervalMetric } from '@cc/shared/metrics/catalog/index';
import { FRESH_AWARDS, GAME_PERIODS, POINTS, type AchievementsPage, type Award, type GamePeriod, type Leaderboard, type ProgressRow } from '@cc/shared/gamification/values';
import type { Deps } from '../composition/deps.ts';
import { tenantTimeZone } from '../metrics/time-zone.ts';
import type { AwardJudge } from './award-judge.ts';
import type { RuleBook } from './rule-book.ts';

type BoardDeps = Pick<Deps, 'gamification' | 'agents' | 'directory' | 'clock'>;

const byEarned = (a: Award, b: Award) => b.earnedAt.localeCompare(a.earnedAt) || a.agentId.localeCompare(b.agentId);

export class GameBoards {
  constructor(private readonly deps: BoardDeps, private readonly book: Pick<RuleBook, 'rules' | 'quests'>, private readonly judge: Pick<AwardJudge, 'settle' | 'figures'>) {}

  /**
   * One agent's awards in the period holding `date` (today by default) and, for themself or a supervisor, where each
   * rule and quest of the period stands. Colleagues see each other's awards: the board shows them to the team.
   * @throws NotFoundError for an agent the tenant does not have
   */
  async achievements(principal: Principal, query: { agentId?: string | undefined; period: GamePeriod; date?: string | undefined }): Promise<AchievementsPage> {
    const { tenantId } = principal;
    const agentId = query.agentId ?? principal.userId;
    const agent = await this.deps.agents.get(tenantId, agentId);
    if (!agent) throw new NotFoundError('Agent', agentId);
    const { span, timeZone } = await this.spanOf(tenantId, query.period, query.date);
    const [awards, points] = await Promise.all([this.deps.gamification.awardsOf(tenantId, span.period, span.key, agentId), this.deps.gamification.points(tenantId, span.period, span.key)]);
    const mayWatch = agentId === principal.userId || hasRole(principal.roles, 'supervisor');
    const { from, to } = periodInstants(span, timeZone);
    return {
      agentId, period: span.period, periodKey: span.key, from: localIso(from, timeZone), to: localIso(to, timeZone),
      achievements: awards.sort(byEarned),
      progress: mayWatch ? await this.progress(tenantId, span, agentId, awards, timeZone, isClosed(span, localDate(this.deps.clock.now(), timeZone))) : [],
      points: points.get(agentId) ?? 0,
    };
  }

  /** Agents ranked by points or by a metric over the period (optionally one queue's agents), each with their points. */
  async leaderboard(principal: Principal, query: { metric: string; period: GamePeriod; queueId?: string | undefined; date?: string | undefined }): Promise<Leaderboard> {
    const { tenantId } = principal;
    const { span, timeZone } = await this.spanOf(tenantId, query.period, query.date);
    const agents = (await this.deps.agents.list(tenantId)).filter((a) => query.queueId === undefined || a.queueIds.includes(query.queueId) || (a.profile ?? []).some((p) => p.queueId === query.queueId));
    const points = await this.deps.gamification.points(tenantId, span.period, span.key);
    let values: Map<string, number | null>;
    let better: 'higher' | 'lower' = 'higher';
    if (query.metric === POINTS) values = new Map(agents.map((a) => [a.agentId, points.get(a.agentId) ?? 0]));
    else {
      better = (metricById(query.metric) as IntervalMetric).better ?? 'higher';
      const figures = await this.judge.figures(tenantId, span, agents.map((a) => a.agentId), [query.metric], timeZone);
      values = new Map(figures.map((f) => [f.agentId, f.values[query.metric] ?? null]));
    }
    const rows = rankRows(agents.map((a) => ({ agentId: a.agentId, name: a.name, value: values.get(a.agentId) ?? null, points: points.get(a.agentId) ?? 0, status: a.status })), better);
    const { from, to } = periodInstants(span, timeZone);
    return { metric: query.metric, period: span.period, periodKey: span.key, from: localIso(from, timeZone), to: localIso(to, timeZone), better, rows, asOf: this.deps.clock.now().toISOString() };
  }

  /** The team's latest awards of today, this week and this month, newest first. */
  async fresh(tenantId: string): Promise<Award[]> {
    const timeZone = await tenantTimeZone(this.deps, tenantId);
    await this.judge.settle(tenantId);
    const today = localDate(this.deps.clock.now(), timeZone);
    // Yesterday's day awards too: the ones settled this morning are the freshest news on a board.
    const spans = [...GAME_PERIODS.map((p) => periodOf(p, today)), periodOf('day', localDate(new Date(this.deps.clock.now().getTime() - 86_400_000), timeZone))];
    const lists = await Promise.all(spans.map((s) => this.deps.gamification.awardsOf(tenantId, s.period, s.key)));
    return lists.flat().sort(byEarned).slice(0, FRESH_AWARDS);
  }

  private async spanOf(tenantId: string, period: GamePeriod, date: string | undefined) {
    const timeZone = await tenantTimeZone(this.deps, tenantId);
    await this.judge.settle(tenantId);
    return { span: periodOf(period, date ?? localDate(this.deps.clock.now(), timeZone)), timeZone };
  }

  /** Each enabled rule and quest of the period for one agent: earned, on track, behind (or missed, once the period is over), or waiting for contacts. */
  private async progress(tenantId: string, span: PeriodSpan, agentId: string, awards: readonly Award[], timeZone: string, closed: boolean): Promise<ProgressRow[]> {
    const [rules, quests] = await Promise.all([this.book.rules(tenantId), this.book.quests(tenantId)]);
    const periodRules = rules.filter((r) => r.enabled && r.period === span.period);
    const periodQuests = quests.filter((q) => q.enabled && q.period === span.period);
    if (periodRules.length + periodQuests.length === 0) return [];
    // The team's figures only when a rule compares with the team.
    const team = periodRules.some((r) => r.comparison === 'top') ? (await this.deps.agents.list(tenantId)).map((a) => a.agentId) : [agentId];
    const figures = await this.judge.figures(tenantId, span, team, metricsOfRules(periodRules, metricsOfQuests(periodQuests)), timeZone);
    const earned = new Set(awards.map((a) => `${a.kind}#${a.sourceId}`));
    const rows: ProgressRow[] = periodRules.map((rule) => {
      const metric = metricById(rule.metric) as IntervalMetric;
      const { status, value } = standing(rule, metric, agentId, figures, earned.has(`achievement#${rule.ruleId}`));
      return { kind: 'achievement', sourceId: rule.ruleId, name: rule.name, icon: rule.icon, period: rule.period, status, value, comparison: rule.comparison, ...(rule.threshold !== undefined && { threshold: rule.threshold }) };
    });
    const own = figures.find((f) => f.agentId === agentId);
    for (const quest of periodQuests) {
      const progress = questProgress(quest, own);
      const done = earned.has(`quest#${quest.questId}`) || progress.complete;
      rows.push({
        kind: 'quest', sourceId: quest.questId, name: quest.name, icon: quest.icon, period: quest.period, comparison: 'quest',
        status: done ? 'earned' : progress.steps.some((s) => s.value > 0) ? 'on-track' : 'waiting', value: progress.steps.filter((s) => s.done).length, threshold: quest.steps.length,
        steps: progress.steps.map((s, i) => ({ ...s, label: quest.steps[i]!.label })),
      });
    }
    // A period gone by is decided: what was not earned is missed, not on its way.
    return closed ? rows.map((row) => (row.status === 'on-track' ? { ...row, status: 'behind' } : row)) : rows;
  }
}
