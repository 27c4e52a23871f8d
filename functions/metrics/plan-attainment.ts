/**
 * Plans and their attainment (`GET /api/plans`, `GET /api/plans/attainment`): which plans a caller sees, and each
 * applicable plan's actual over its local day or month, read from the day cells through the report service, with
 * its attainment and pace at the clock's now.
 */
import { hasRole, type Principal } from '@cc/shared/auth/model';
import type { Agent } from '@cc/shared/agents/model';
import { localDate, localIso } from '@cc/shared/calendar/values';
import { ForbiddenError, NotFoundError } from '@cc/shared/errors';
import { metricById, type IntervalMetric } from '@cc/shared/metrics/catalog/index';
import { TENANT_VALUE } from '@cc/shared/metrics/fold';
import type { ReportRow } from '@cc/shared/metrics/report';
import { planSubjects, plansForAgent, type PlanSubject } from '@cc/shared/plans/applicable';
import { attainmentOf, elapsedShare, periodRange } from '@cc/shared/plans/attainment';
import type { AttainmentQuery } from '@cc/shared/plans/schema';
import type { AttainmentPage, AttainmentRow, Plan, PlanDimension } from '@cc/shared/plans/values';
import type { Deps } from '../composition/deps.ts';
import type { MetricReports } from './reports.ts';
import { tenantTimeZone } from './time-zone.ts';

type AttainmentDeps = Pick<Deps, 'plans' | 'agents' | 'directory' | 'clock'>;

/** The queues an agent works: their routing profile's and the ones the console lists. */
const queuesOf = (agent: Agent | undefined): string[] => [...new Set([...(agent?.queueIds ?? []), ...(agent?.profile ?? []).map((p) => p.queueId)])];

const groupOf = (row: ReportRow): string => row.group.queueId ?? row.group.agentId ?? TENANT_VALUE;

export class PlanAttainments {
  constructor(private readonly deps: AttainmentDeps, private readonly reports: Pick<MetricReports, 'rows'>) {}

  /** Every plan for supervisors and admins; for an agent, the plans that apply to them (theirs, their queues', each agent's, the tenant's). */
  async visible(principal: Principal): Promise<Plan[]> {
    const plans = await this.deps.plans.list(principal.tenantId);
    if (hasRole(principal.roles, 'supervisor')) return plans.sort((a, b) => a.planId.localeCompare(b.planId));
    return (await this.subjectsOfAgent(principal.tenantId, principal.userId, plans)).map((s) => s.plan);
  }

  /**
   * Each applicable plan of the period with its actual, attainment and pace: one agent's plans (`agentId`; an agent
   * always asks for themself), or every plan with an each-agent plan once per agent.
   * @throws ForbiddenError for an agent asking for a colleague; NotFoundError for an agent not in the tenant.
   */
  async attainment(principal: Principal, query: AttainmentQuery): Promise<AttainmentPage> {
    const { tenantId } = principal;
    const supervisor = hasRole(principal.roles, 'supervisor');
    if (!supervisor && query.agentId !== undefined && query.agentId !== principal.userId) throw new ForbiddenError('Agents see only their own plans');
    const agentId = query.agentId ?? (supervisor ? undefined : principal.userId);
    const [timeZone, all] = await Promise.all([tenantTimeZone(this.deps, tenantId), this.deps.plans.list(tenantId)]);
    const now = this.deps.clock.now();
    const range = periodRange(query.period, query.date ?? localDate(now, timeZone), timeZone);
    const plans = all.filter((p) => p.period === query.period && metricById(p.metric)?.source === 'interval');
    const subjects = agentId === undefined
      ? planSubjects(plans, (await this.deps.agents.list(tenantId)).map((a) => a.agentId))
      : await this.subjectsOfAgent(tenantId, agentId, plans, agentId !== principal.userId);
    const actuals = await this.actuals(tenantId, subjects, { from: range.from.toISOString(), to: range.to.toISOString(), timeZone });
    const elapsed = elapsedShare(range, now);
    const rows = subjects.map(({ plan, subject }): AttainmentRow => {
      const actual = actuals.get(subject.dimension)?.get(subject.value ?? TENANT_VALUE)?.[plan.metric] ?? null;
      return { plan, subject, actual, attainment: attainmentOf(metricById(plan.metric) as IntervalMetric, plan.target, actual, elapsed) };
    });
    return { period: query.period, date: range.date, from: localIso(range.from, timeZone), to: localIso(range.to, timeZone), timeZone, asOf: now.toISOString(), rows };
  }

  /** @throws NotFoundError when `mustExist` and the tenant has no such agent. */
  private async subjectsOfAgent(tenantId: string, agentId: string, plans: readonly Plan[], mustExist = false): Promise<PlanSubject[]> {
    const agent = await this.deps.agents.get(tenantId, agentId);
    if (!agent && mustExist) throw new NotFoundError('Agent', agentId);
    return plansForAgent(plans, { agentId, queueIds: queuesOf(agent) });
  }

  /** The period's values per dimension and group: one report read per dimension, for the metrics its plans need. */
  private async actuals(tenantId: string, subjects: readonly PlanSubject[], range: { from: string; to: string; timeZone: string }) {
    const wanted = new Map<PlanDimension, { groups: Set<string>; metrics: Set<string> }>();
    for (const { plan, subject } of subjects) {
      const entry = wanted.get(subject.dimension) ?? { groups: new Set(), metrics: new Set() };
      entry.groups.add(subject.value ?? TENANT_VALUE);
      entry.metrics.add(plan.metric);
      wanted.set(subject.dimension, entry);
    }
    const read = await Promise.all([...wanted].map(async ([groupBy, { groups, metrics }]) => {
      const rows = await this.reports.rows(tenantId, { groupBy, interval: 'total', metrics: [...metrics].map((id) => metricById(id) as IntervalMetric), groups: [...groups], ...range });
      return [groupBy, new Map(rows.map((row) => [groupOf(row), row.values]))] as const;
    }));
    return new Map(read);
  }
}
