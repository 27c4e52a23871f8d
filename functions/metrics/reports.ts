/**
 * Reports over the stored aggregates (`GET /api/reports`): who may see which groups, the range and metrics
 * checked, the cells read and summed into buckets, rows paged; as JSON or CSV with localized column names.
 */
import { hasRole, type Principal } from '@cc/shared/auth/model';
import { CHANNEL_KINDS } from '@cc/shared/channels/catalog';
import { ForbiddenError, InvalidRequestError } from '@cc/shared/errors';
import { INTERVAL_METRICS, metricById, type IntervalMetric } from '@cc/shared/metrics/catalog/index';
import { TENANT_VALUE } from '@cc/shared/metrics/fold';
import { intervalStart, readsDays } from '@cc/shared/metrics/intervals';
import { localDate, startOfLocalDate } from '@cc/shared/calendar/values';
import { buildReport, type ReportPage, type ReportRow } from '@cc/shared/metrics/report';
import { MAX_RANGE_DAYS, type ReportQuery } from '@cc/shared/metrics/requests';
import type { GroupBy, ReportInterval } from '@cc/shared/metrics/values';
import type { Deps } from '../composition/deps.ts';
import { tenantTimeZone } from './time-zone.ts';

type ReportDeps = Pick<Deps, 'metrics' | 'queues' | 'agents' | 'directory' | 'clock'>;

export class MetricReports {
  constructor(private readonly deps: ReportDeps) {}

  /** @throws ForbiddenError for an agent asking for others' figures; InvalidRequestError for a bad range or metric. */
  async report(principal: Principal, query: ReportQuery): Promise<ReportPage> {
    const { groupBy, interval } = query;
    const supervisor = hasRole(principal.roles, 'supervisor');
    if (!supervisor && groupBy !== 'agent') throw new ForbiddenError('Agents see only their own figures: use groupBy=agent');
    const timeZone = await tenantTimeZone(this.deps, principal.tenantId);
    const now = this.deps.clock.now();
    const from = query.from ?? startOfLocalDate(localDate(now, timeZone), timeZone).toISOString();
    const to = query.to ?? now.toISOString();
    if (Date.parse(to) - Date.parse(from) > MAX_RANGE_DAYS[interval] * 86_400_000) throw new InvalidRequestError(`A report in ${interval} buckets covers at most ${MAX_RANGE_DAYS[interval]} days: choose a longer interval or a shorter range`, { field: 'to' });
    const metrics = this.metricsOf(query.metrics, groupBy);
    const groups = await this.groups(principal, groupBy, supervisor, query.ids);
    if (interval === 'total' && !readsDays(interval, { from, to, timeZone }) && Date.parse(to) - Date.parse(from) > MAX_RANGE_DAYS['15m'] * 86_400_000) throw new InvalidRequestError(`A total over more than ${MAX_RANGE_DAYS['15m']} days must run from a local midnight to a local midnight`, { field: 'from' });
    const rows = await this.rows(principal.tenantId, { groupBy, interval, metrics, groups, from, to, timeZone });
    const offset = Number(query.cursor ?? 0);
    const page = rows.slice(offset, offset + query.limit);
    const next = offset + page.length;
    return { groupBy, interval, from, to, timeZone, metrics: metrics.map((m) => m.id), rows: page, ...(next < rows.length && { nextCursor: String(next) }) };
  }

  /**
   * The rows of the groups' figures, with no role rule: for callers that decided already what may be shown (a
   * report after its checks, a plan's attainment). Day cells for whole local days, 15-minute cells otherwise.
   */
  async rows(tenantId: string, request: { groupBy: GroupBy; interval: ReportInterval; metrics: readonly IntervalMetric[]; groups: readonly string[]; from: string; to: string; timeZone: string }): Promise<ReportRow[]> {
    const { groupBy, interval, groups, from, to, timeZone } = request;
    const cellKind = readsDays(interval, { from, to, timeZone }) ? 'D' : 'I';
    const period = cellKind === 'D'
      ? { kind: 'D' as const, from: localDate(from, timeZone), to: localDate(new Date(Date.parse(to) - 1), timeZone) }
      : { kind: 'I' as const, from: intervalStart(from), to: intervalStart(new Date(Date.parse(to) - 1)) };
    const cells = await this.deps.metrics.read(tenantId, groupBy, groups, period);
    return buildReport(cells, { ...request, cells: cellKind, groups: groupBy === 'channel' ? [] : groups });
  }

  /** The requested interval metrics, each kept for the dimension. @throws InvalidRequestError naming the first that is not */
  private metricsOf(list: string | undefined, groupBy: GroupBy): IntervalMetric[] {
    if (list === undefined || list.trim() === '') return INTERVAL_METRICS.filter((m) => m.dimensions.includes(groupBy));
    return [...new Set(list.split(',').map((id) => id.trim()).filter(Boolean))].map((id) => {
      const metric = metricById(id);
      if (!metric) throw new InvalidRequestError(`Unknown metric "${id}": GET /api/metrics lists them`, { field: 'metrics' });
      if (metric.source !== 'interval') throw new InvalidRequestError(`"${id}" is a live metric: the wallboard shows it, reports do not keep it`, { field: 'metrics' });
      if (!metric.dimensions.includes(groupBy)) throw new InvalidRequestError(`"${id}" is not kept per ${groupBy}; it is kept per ${metric.dimensions.join(', ')}`, { field: 'metrics' });
      return metric;
    });
  }

  /** The dimension values to read: the tenant's queues, agents (an agent: only themself) or every channel kind. */
  private async groups(principal: Principal, groupBy: GroupBy, supervisor: boolean, ids: string | undefined): Promise<string[]> {
    const wanted = ids?.split(',').map((id) => id.trim()).filter(Boolean);
    let all: string[];
    if (groupBy === 'tenant') return [TENANT_VALUE];
    if (groupBy === 'channel') all = [...CHANNEL_KINDS];
    else if (groupBy === 'queue') all = (await this.deps.queues.list(principal.tenantId)).map((q) => q.queueId);
    else if (!supervisor) all = [principal.userId];
    else all = (await this.deps.agents.list(principal.tenantId)).map((a) => a.agentId);
    if (!wanted) return all;
    const unknown = wanted.find((id) => !all.includes(id));
    if (unknown !== undefined) {
      if (groupBy === 'agent' && !supervisor) throw new ForbiddenError('Agents see only their own figures');
      throw new InvalidRequestError(`No ${groupBy} "${unknown}" in this tenant`, { field: 'ids' });
    }
    return wanted;
  }
}
