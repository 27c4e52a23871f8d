import { InvalidRequestError, NotFoundError } from '@cc/shared/errors';
import { DEFAULT_TIME_ZONE } from '@cc/shared/tenancy/model';
import { agentTimeline } from '@cc/shared/timeline/agent-timeline';
import { dayBounds, localDate, timelineDateProblem } from '@cc/shared/timeline/day';
import type { AgentTimeline } from '@cc/shared/timeline/values';
import type { Deps } from '../composition/deps.ts';

/**
 * An agent's day in the tenant's time zone, read from their day log: the statuses as a strip and the contacts they
 * handled. Who may see whom is the route's to check; this answers for an agent of the tenant.
 */
export class AgentTimelines {
  constructor(private readonly deps: Pick<Deps, 'agents' | 'directory' | 'timeline' | 'clock'>) {}

  /**
   * `date` defaults to today where the tenant is.
   * @throws NotFoundError for an agent the tenant does not have; InvalidRequestError for a day to come or one no longer kept.
   */
  async dayOf(tenantId: string, agentId: string, date?: string): Promise<AgentTimeline> {
    const [agent, tenant] = await Promise.all([this.deps.agents.get(tenantId, agentId), this.deps.directory.getTenant(tenantId)]);
    if (!agent) throw new NotFoundError('Agent', agentId);
    const timeZone = tenant?.timeZone ?? DEFAULT_TIME_ZONE;
    const now = this.deps.clock.now();
    const day = date ?? localDate(now, timeZone);
    const problem = timelineDateProblem(day, localDate(now, timeZone));
    if (problem) throw new InvalidRequestError(problem.message, { reason: problem.reason });
    const { start, end } = dayBounds(day, timeZone);
    const [statuses, contacts] = await Promise.all([this.deps.timeline.statusesBetween(tenantId, agentId, start, end), this.deps.timeline.contactsBetween(tenantId, agentId, start, end)]);
    return agentTimeline({ agentId, date: day, timeZone, now, statuses, contacts });
  }
}
