import { Hono, type MiddlewareHandler } from 'hono';
import { changeAgentStatus } from '@cc/shared/agents/change-status';
import { SetAgentStatusSchema, type Agent } from '@cc/shared/agents/model';
import { hasRole, type Principal } from '@cc/shared/auth/model';
import { ForbiddenError, NotFoundError } from '@cc/shared/errors';
import type { Deps } from '../../composition/deps.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';
import { changeAgent } from '../../users/agent-records.ts';

/** Agents may see and change themselves; supervisors and admins anyone in their tenant. */
function assertMayActOn(principal: Principal, agentId: string) {
  if (principal.userId !== agentId && !hasRole(principal.roles, 'supervisor')) throw new ForbiddenError('Only supervisors may act on other agents');
}

/** Agent presence: list for the wallboard, a names-and-presence directory for transfers, read one, set a status (the stream pushes the change live). */
export function agentRoutes(deps: Pick<Deps, 'agents' | 'clock'>, auth: MiddlewareHandler<AuthEnv>) {
  const getAgent = async (tenantId: string, agentId: string): Promise<Agent> => {
    const agent = await deps.agents.get(tenantId, agentId);
    if (!agent) throw new NotFoundError('Agent', agentId);
    return agent;
  };

  const setStatus = async (principal: Principal, agentId: string, body: unknown) => {
    const request = SetAgentStatusSchema.parse(body);
    return changeAgent(deps, principal.tenantId, agentId, (agent) => changeAgentStatus(agent, request, deps.clock.now()));
  };

  return new Hono<AuthEnv>()
    .get('/', auth, requireRole('supervisor'), async (c) => c.json({ agents: await deps.agents.list(c.get('principal').tenantId) }))
    // Names and presence only, for any signed-in user: an agent picks a colleague to transfer a contact to.
    .get('/directory', auth, async (c) => {
      const agents = await deps.agents.list(c.get('principal').tenantId);
      return c.json({ agents: agents.map(({ agentId, name, status, breakReason, queueIds }) => ({ agentId, name, status, ...(breakReason && { breakReason }), queueIds })) });
    })
    .put('/me/status', auth, async (c) => {
      const principal = c.get('principal');
      return c.json(await setStatus(principal, principal.userId, await readJson(c, SetAgentStatusSchema)));
    })
    .get('/:agentId', auth, async (c) => {
      const principal = c.get('principal');
      const agentId = c.req.param('agentId');
      assertMayActOn(principal, agentId);
      return c.json(await getAgent(principal.tenantId, agentId));
    })
    .put('/:agentId/status', auth, async (c) => {
      const principal = c.get('principal');
      const agentId = c.req.param('agentId');
      assertMayActOn(principal, agentId);
      return c.json(await setStatus(principal, agentId, await readJson(c, SetAgentStatusSchema)));
    });
}
