import type { AnalysisSearchEntry } from '@cc/shared/analytics/values';
import { ANALYSIS_SEARCH_MAX_LIMIT } from '@cc/shared/analytics/values';
import { hasRole, type Principal } from '@cc/shared/auth/model';
import { addDays, startOfLocalDate } from '@cc/shared/calendar/values';
import { ForbiddenError, NotFoundError } from '@cc/shared/errors';
import { TENANT_VALUE } from '@cc/shared/metrics/fold';
import { addMeasures, type Dimension, type Measures } from '@cc/shared/metrics/values';
import { agentQualityReport } from '@cc/shared/qa/agent-report';
import type { AgentReportQuery } from '@cc/shared/qa/schema';
import type { AgentQualityReport } from '@cc/shared/qa/values';
import type { Deps } from '../composition/deps.ts';
import { tenantTimeZone } from '../metrics/time-zone.ts';

/** Evaluations of one agent read for a report: a month of them is far fewer; the cap only bounds a runaway read. */
const REPORT_EVALUATIONS_LIMIT = 2000;

type AgentReportDeps = Pick<Deps, 'qaEvaluations' | 'analyses' | 'metrics' | 'agents' | 'directory'>;

/**
 * One agent's quality report (docs/qa.md#agent-report): their evaluations, the tenant's analysed conversations and
 * the survey aggregates of the agent and the tenant over local days, read here and combined by `agentQualityReport`.
 * An agent reads only their own; supervisors and admins any agent of their tenant.
 */
export class AgentQualityReports {
  constructor(private readonly deps: AgentReportDeps) {}

  /** @throws ForbiddenError for an agent asking for someone else's; NotFoundError for an agent not in the tenant. */
  async report(principal: Principal, agentId: string, query: AgentReportQuery): Promise<AgentQualityReport> {
    const { tenantId } = principal;
    if (!hasRole(principal.roles, 'supervisor') && agentId !== principal.userId) throw new ForbiddenError('Agents see only their own quality report');
    if (!(await this.deps.agents.get(tenantId, agentId))) throw new NotFoundError('Agent', agentId);
    const timeZone = await tenantTimeZone(this.deps, tenantId);
    const from = startOfLocalDate(query.from, timeZone).toISOString();
    const to = startOfLocalDate(addDays(query.to, 1), timeZone).toISOString();
    const [evaluations, entries, agentSurveys, teamSurveys] = await Promise.all([
      this.deps.qaEvaluations.list(tenantId, { agentId, from, to, limit: REPORT_EVALUATIONS_LIMIT }),
      this.entries(tenantId, from, to),
      this.surveyMeasures(tenantId, 'agent', agentId, query),
      this.surveyMeasures(tenantId, 'tenant', TENANT_VALUE, query),
    ]);
    return agentQualityReport({ agentId, from: query.from, to: query.to, timeZone, evaluations, entries, surveys: { agent: agentSurveys, team: teamSurveys } });
  }

  /** Every analysed conversation of the tenant closed in [from, to), page by page. */
  private async entries(tenantId: string, from: string, to: string): Promise<AnalysisSearchEntry[]> {
    const entries: AnalysisSearchEntry[] = [];
    // The search's `to` is inclusive: stop a millisecond before the next local midnight.
    const last = new Date(Date.parse(to) - 1).toISOString();
    let cursor: string | undefined;
    do {
      const page = await this.deps.analyses.search(tenantId, { from, to: last, limit: ANALYSIS_SEARCH_MAX_LIMIT, ...(cursor !== undefined && { cursor }) });
      entries.push(...page.entries);
      cursor = page.cursor;
    } while (cursor !== undefined);
    return entries;
  }

  /** The day cells' measures of one dimension value over the local days, summed. */
  private async surveyMeasures(tenantId: string, dimension: Dimension, value: string, query: AgentReportQuery): Promise<Measures> {
    const cells = await this.deps.metrics.read(tenantId, dimension, [value], { kind: 'D', from: query.from, to: query.to });
    return cells.reduce<Measures>((sum, cell) => addMeasures(sum, cell.measures), {});
  }
}
