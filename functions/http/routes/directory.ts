import { Hono, type MiddlewareHandler } from 'hono';
import { NotFoundError } from '@cc/shared/errors';
import { toChannelView, toUserView } from '@cc/shared/tenancy/model';
import type { Deps } from '../../composition/deps.ts';
import { requireRole, type AuthEnv } from '../auth.ts';

/** The caller's profile, queues and channels of the caller's tenant. */
export function directoryRoutes(deps: Pick<Deps, 'agents' | 'directory' | 'queues'>, auth: MiddlewareHandler<AuthEnv>) {
  return new Hono<AuthEnv>()
    .get('/me', auth, async (c) => {
      const principal = c.get('principal');
      const [user, agent, tenant] = await Promise.all([
        deps.directory.getUser(principal.tenantId, principal.userId),
        deps.agents.get(principal.tenantId, principal.userId),
        deps.directory.getTenant(principal.tenantId),
      ]);
      const profile = user ? toUserView(user) : { userId: principal.userId, tenantId: principal.tenantId, login: principal.login, name: principal.name, roles: principal.roles };
      return c.json({ user: profile, agent, tenant: tenant && { tenantId: tenant.tenantId, name: tenant.name, timeZone: tenant.timeZone, locale: tenant.locale } });
    })
    .get('/queues', auth, async (c) => c.json({ queues: await deps.queues.list(c.get('principal').tenantId) }))
    .get('/queues/:queueId', auth, async (c) => {
      const queueId = c.req.param('queueId');
      const queue = await deps.queues.get(c.get('principal').tenantId, queueId);
      if (!queue) throw new NotFoundError('Queue', queueId);
      return c.json(queue);
    })
    .get('/channels', auth, requireRole('supervisor'), async (c) => c.json({ channels: (await deps.directory.listChannels(c.get('principal').tenantId)).map(toChannelView) }))
    .get('/channels/:channelId', auth, requireRole('supervisor'), async (c) => {
      const channelId = c.req.param('channelId');
      const channel = await deps.directory.getChannel(c.get('principal').tenantId, channelId);
      if (!channel) throw new NotFoundError('Channel', channelId);
      return c.json(toChannelView(channel));
    });
}
