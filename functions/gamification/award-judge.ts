/**
 * Judging achievements and quests over the stored KPI aggregates. As a change folds into agents' figures (the
 * stream, after the metrics reaction), rules that can be earned early and quests are judged for those agents in
 * the current periods; closed periods are settled once (every rule over the whole team), on the first change or
 * read after they ended. Each award is stored once with its points, so redeliveries and repeats give nothing twice.
 */
import type { Agent } from '@cc/shared/agents/model';
import { localDate } from '@cc/shared/calendar/values';
import { metricById, type IntervalMetric } from '@cc/shared/metrics/catalog/index';
import { settlementKey } from '@cc/shared/gamification/ports';
import { closedPeriodsBefore, periodInstants, periodOf, type PeriodSpan } from '@cc/shared/gamification/periods';
import { questProgress, questReason, takesPart, metricsOfQuests } from '@cc/shared/gamification/quests';
import { earnedEarly, metricsOfRules, winners, HANDLED_METRIC, type AgentFigures } from '@cc/shared/gamification/rules';
import { GAME_PERIODS, type AchievementRule, type Award, type GamePeriod, type Quest } from '@cc/shared/gamification/values';
import type { Deps } from '../composition/deps.ts';
import type { MetricReports } from '../metrics/reports.ts';
import { tenantTimeZone } from '../metrics/time-zone.ts';
import type { RuleBook } from './rule-book.ts';

/** A closed period is settled this long after its end: records of its last minutes still on the stream are folded by then. */
export const SETTLE_GRACE_MS = 5 * 60_000;

type JudgeDeps = Pick<Deps, 'gamification' | 'agents' | 'directory' | 'clock'>;

const intervalMetric = (id: string) => metricById(id) as IntervalMetric | undefined;
const ofPeriod = <T extends { period: GamePeriod; enabled: boolean }>(list: readonly T[], period: GamePeriod) => list.filter((x) => x.enabled && x.period === period);
const queuesOf = (agent: Agent | undefined): string[] => [...new Set([...(agent?.queueIds ?? []), ...(agent?.profile ?? []).map((p) => p.queueId)])];

export class AwardJudge {
  /** Periods this process has seen settled (a settled period stays settled). */
  private readonly settled = new Set<string>();
  /** The local date each tenant was last checked for settlements on: the hot path checks once a day per process. */
  private readonly checkedOn = new Map<string, string>();

  constructor(private readonly deps: JudgeDeps, private readonly book: Pick<RuleBook, 'forJudging'>, private readonly reports: Pick<MetricReports, 'rows'>) {}

  /** The agents' figures over the period, for the metrics named (unknown or live ones skipped). */
  async figures(tenantId: string, span: PeriodSpan, agentIds: readonly string[], metricIds: readonly string[], timeZone: string): Promise<AgentFigures[]> {
    const metrics = metricIds.map(intervalMetric).filter((m): m is IntervalMetric => m?.source === 'interval');
    if (agentIds.length === 0 || metrics.length === 0) return [];
    const { from, to } = periodInstants(span, timeZone);
    const rows = await this.reports.rows(tenantId, { groupBy: 'agent', interval: 'total', metrics, groups: agentIds, from: from.toISOString(), to: to.toISOString(), timeZone });
    return rows.map((row) => ({ agentId: row.group.agentId!, values: row.values }));
  }

  /**
   * After a change folded into these agents' figures: settle what ended, then award what is earned already. `countedAt`
   * is when the change's figures count (its new history entries): a record that reaches the stream after its period
   * was settled (a backlog, a redrive) has that period judged again, so a late record can still earn; an award once
   * given is never taken back. @returns the new awards
   */
  async figuresChanged(tenantId: string, agentIds: readonly string[], at: Date = this.deps.clock.now(), countedAt: readonly string[] = []): Promise<Award[]> {
    const timeZone = await tenantTimeZone(this.deps, tenantId);
    const today = localDate(at, timeZone);
    const given = await this.settle(tenantId, at);
    const late = [...new Set(countedAt.map((instant) => localDate(instant, timeZone)))].filter((date) => date < today);
    if (late.length > 0) given.push(...await this.rejudge(tenantId, late, at, true));
    const judged = this.book.forJudging(tenantId);
    const [rules, quests] = await Promise.all([judged.rules, judged.quests]);
    let agents: Agent[] | undefined;
    for (const period of GAME_PERIODS) {
      const early = ofPeriod(rules, period).filter((r) => { const metric = intervalMetric(r.metric); return metric !== undefined && earnedEarly(r, metric); });
      const running = ofPeriod(quests, period);
      if (early.length === 0 && running.length === 0) continue;
      agents ??= running.some((q) => q.queueIds.length > 0) ? await this.deps.agents.list(tenantId) : [];
      const span = periodOf(period, today);
      const figures = await this.figures(tenantId, span, agentIds, metricsOfRules(early, metricsOfQuests(running)), timeZone);
      given.push(...await this.give(tenantId, span, early, running, figures, agents, { closed: false, earnedAt: at.toISOString(), pointsOn: today }));
    }
    return given;
  }

  /**
   * Judges every rule and quest of each closed period not settled yet (the last week of days, two weeks, a month)
   * over the whole team, oldest first, and marks it settled. @returns the new awards
   */
  async settle(tenantId: string, at: Date = this.deps.clock.now()): Promise<Award[]> {
    const timeZone = await tenantTimeZone(this.deps, tenantId);
    const today = localDate(at, timeZone);
    const window = `${today}#${Math.floor(at.getTime() / SETTLE_GRACE_MS)}`;
    if (this.checkedOn.get(tenantId) === window) return [];
    const judged = this.book.forJudging(tenantId);
    const [rules, quests] = await Promise.all([judged.rules, judged.quests]);
    const due = GAME_PERIODS.filter((p) => ofPeriod(rules, p).length + ofPeriod(quests, p).length > 0)
      .flatMap((p) => closedPeriodsBefore(p, today))
      .filter((span) => periodInstants(span, timeZone).to.getTime() + SETTLE_GRACE_MS <= at.getTime())
      .filter((span) => !this.settled.has(`${tenantId}#${settlementKey(span.period, span.key)}`));
    const stored = await this.deps.gamification.settledOf(tenantId, due.map((s) => ({ period: s.period, key: s.key })));
    const given: Award[] = [];
    let agents: Agent[] | undefined;
    for (const span of due.sort((a, b) => a.key.localeCompare(b.key))) {
      const key = settlementKey(span.period, span.key);
      if (!stored.has(key)) {
        agents ??= await this.deps.agents.list(tenantId);
        given.push(...await this.judgeClosed(tenantId, span, rules, quests, agents, timeZone));
        await this.deps.gamification.markSettled(tenantId, span.period, span.key, at.toISOString());
      }
      this.settled.add(`${tenantId}#${key}`);
    }
    // Checked again in the next grace window: a period closing meanwhile becomes due.
    this.checkedOn.set(tenantId, window);
    return given;
  }

  /**
   * Judges again the closed periods holding `dates` (local dates) over the whole team, as their settlement did:
   * figures that arrived after it (the demo's past folded behind a running center, a late record) earn what they
   * earn; awards already given stay as they are. `settledOnly`: only periods whose settlement ran (the others are
   * the next settlement's). @returns the new awards
   */
  async rejudge(tenantId: string, dates: readonly string[], at: Date = this.deps.clock.now(), settledOnly = false): Promise<Award[]> {
    const timeZone = await tenantTimeZone(this.deps, tenantId);
    const today = localDate(at, timeZone);
    const judged = this.book.forJudging(tenantId);
    const [rules, quests] = await Promise.all([judged.rules, judged.quests]);
    const spans = new Map<string, PeriodSpan>();
    for (const period of GAME_PERIODS.filter((p) => ofPeriod(rules, p).length + ofPeriod(quests, p).length > 0)) {
      for (const date of dates) {
        const span = periodOf(period, date);
        if (span.last < today) spans.set(settlementKey(span.period, span.key), span);
      }
    }
    const settled = settledOnly ? await this.deps.gamification.settledOf(tenantId, [...spans.values()].map((s) => ({ period: s.period, key: s.key }))) : undefined;
    const given: Award[] = [];
    let agents: Agent[] | undefined;
    for (const [key, span] of [...spans].sort(([a], [b]) => a.localeCompare(b))) {
      if (settled && !settled.has(key)) continue;
      agents ??= await this.deps.agents.list(tenantId);
      given.push(...await this.judgeClosed(tenantId, span, rules, quests, agents, timeZone));
      if (!settled) await this.deps.gamification.markSettled(tenantId, span.period, span.key, at.toISOString());
      this.settled.add(`${tenantId}#${key}`);
    }
    return given;
  }

  /** Every rule and quest of a closed period over the whole team, earned at the period's end. */
  private async judgeClosed(tenantId: string, span: PeriodSpan, rules: readonly AchievementRule[], quests: readonly Quest[], agents: readonly Agent[], timeZone: string): Promise<Award[]> {
    const periodRules = ofPeriod(rules, span.period);
    const periodQuests = ofPeriod(quests, span.period);
    const figures = await this.figures(tenantId, span, agents.map((a) => a.agentId), metricsOfRules(periodRules, metricsOfQuests(periodQuests)), timeZone);
    return this.give(tenantId, span, periodRules, periodQuests, figures, agents, { closed: true, earnedAt: periodInstants(span, timeZone).to.toISOString(), pointsOn: span.last });
  }

  /** Stores the awards the figures earn: rules' winners and completed quests of agents taking part. */
  private async give(tenantId: string, span: PeriodSpan, rules: readonly AchievementRule[], quests: readonly Quest[], figures: readonly AgentFigures[], agents: readonly Agent[], when: { closed: boolean; earnedAt: string; pointsOn: string }): Promise<Award[]> {
    const candidates: Award[] = [];
    const base = { tenantId, period: span.period, periodKey: span.key, earnedAt: when.earnedAt };
    for (const rule of rules) {
      const metric = intervalMetric(rule.metric);
      if (!metric) continue;
      for (const { agentId, why } of winners(rule, metric, figures, when.closed)) candidates.push({ ...base, agentId, kind: 'achievement', sourceId: rule.ruleId, name: rule.name, icon: rule.icon, points: rule.points, why });
    }
    const byId = new Map(agents.map((a) => [a.agentId, a]));
    for (const quest of quests) {
      for (const own of figures) {
        if (quest.queueIds.length > 0 && !takesPart(quest, queuesOf(byId.get(own.agentId)))) continue;
        const progress = questProgress(quest, own);
        if (progress.complete) candidates.push({ ...base, agentId: own.agentId, kind: 'quest', sourceId: quest.questId, name: quest.name, icon: quest.icon, points: quest.points, why: questReason(quest, progress, own.values[HANDLED_METRIC] ?? 0) });
      }
    }
    const given: Award[] = [];
    for (const award of candidates) if (await this.deps.gamification.award(award, when.pointsOn)) given.push(award);
    return given;
  }
}
