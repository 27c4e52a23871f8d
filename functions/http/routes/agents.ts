import { Hono, type MiddlewareHandler } from 'hono';
import { changeAgentStatus, changeAgentStatusFor, statusChangeAudit } from '@cc/shared/agents/change-status';
import { SetAgentStatusSchema, SetColleagueStatusSchema, type Agent, type SetAgentStatus, type SetColleagueStatus } from '@cc/shared/agents/model';
import { hasRole, type Principal } from '@cc/shared/auth/model';
import { ForbiddenError, NotFoundError } from '@cc/shared/errors';
import { TimelineQuerySchema } from '@cc/shared/timeline/day';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';
import { changeAgent } from '../../users/agent-records.ts';

/** Agents may see and change themselves; supervisors and admins anyone in their tenant. */
function assertMayActOn(principal: Principal, agentId: string) {
  if (principal.userId !== agentId && !hasRole(principal.roles, 'supervisor')) throw new ForbiddenError('Only supervisors may act on other agents');
}

/**
 * Agent presence: list for the wallboard, a names-and-presence directory for transfers, read one, an agent's day as a
 * timeline (`?date=YYYY-MM-DD`, today by default), set a status (the stream pushes the change live). A supervisor
 * setting a colleague's status says why (`comment`, else 400); the change is signed on the agent (`statusSetBy`) and
 * recorded in the audit log.
 */
export function agentRoutes(deps: Pick<Deps, 'agents' | 'clock'>, services: Pick<Services, 'audit' | 'timelines'>, auth: MiddlewareHandler<AuthEnv>) {
  const getAgent = async (tenantId: string, agentId: string): Promise<Agent> => {
    const agent = await deps.agents.get(tenantId, agentId);
    if (!agent) throw new NotFoundError('Agent', agentId);
    return agent;
  };

  const setOwnStatus = (principal: Principal, request: SetAgentStatus) => changeAgent(deps, principal.tenantId, principal.userId, (agent) => changeAgentStatus(agent, request, deps.clock.now()));

  const setColleagueStatus = async (principal: Principal, agentId: string, { comment, ...request }: SetColleagueStatus) => {
    let before: Agent | undefined;
    const after = await changeAgent(deps, principal.tenantId, agentId, (agent) => {
      before = agent;
      return changeAgentStatusFor(agent, request, { userId: principal.userId, name: principal.name, comment }, deps.clock.now());
    });
    // Only a change that was written is recorded: asking again for the status the agent has writes nothing.
    if (before && after !== before) await services.audit.record(principal, statusChangeAudit(before, after));
    return after;
  };

  return new Hono<AuthEnv>()
    .get('/', auth, requireRole('supervisor'), async (c) => c.json({ agents: await deps.agents.list(c.get('principal').tenantId) }))
    // Names and presence only, for any signed-in user: an agent picks a colleague to transfer a contact to.
    .get('/directory', auth, async (c) => {
      const agents = await deps.agents.list(c.get('principal').tenantId);
      return c.json({ agents: agents.map(({ agentId, name, status, breakReason, queueIds }) => ({ agentId, name, status, ...(breakReason && { breakReason }), queueIds })) });
    })
    .put('/me/status', auth, async (c) => c.json(await setOwnStatus(c.get('principal'), await readJson(c, SetAgentStatusSchema))))
    .get('/:agentId', auth, async (c) => {
      const principal = c.get('principal');
      const agentId = c.req.param('agentId');
      assertMayActOn(principal, agentId);
      return c.json(await getAgent(principal.tenantId, agentId));
    })
    .get('/:agentId/timeline', auth, async (c) => {
      const principal = c.get('principal');
      const agentId = c.req.param('agentId');
      assertMayActOn(principal, agentId);
      const { date } = TimelineQuerySchema.parse(c.req.query());
      return c.json(await services.timelines.dayOf(principal.tenantId, agentId, date));
    })
    .put('/:agentId/status', auth, async (c) => {
      const principal = c.get('principal');
      const agentId = c.req.param('agentId');
      assertMayActOn(principal, agentId);
      if (agentId === principal.userId) return c.json(await setOwnStatus(principal, await readJson(c, SetAgentStatusSchema)));
      return c.json(await setColleagueStatus(principal, agentId, await readJson(c, SetColleagueStatusSchema)));
    });
}
