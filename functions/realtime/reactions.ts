import { AgentSchema } from '@cc/shared/agents/model';
import { hasRole, type Role } from '@cc/shared/auth/model';
import type { LiveConnection, LiveMessage } from '@cc/shared/realtime/ports';
import type { Deps } from '../composition/deps.ts';
import type { ChangeReaction } from '../streams/app.ts';
import { fanOut, toEach } from './fan-out.ts';

/** Sends `message` to the tenant's consoles that `accept`, forgetting connections that are gone. Web chat visitors (no roles) are never consoles. */
export async function broadcast(deps: Pick<Deps, 'connections' | 'push'>, tenantId: string, accept: (c: LiveConnection) => boolean, message: LiveMessage) {
  const connections = (await deps.connections.listByTenant(tenantId)).filter((c) => c.roles.length > 0 && accept(c));
  await fanOut(deps, tenantId, toEach(connections, message));
}

/** Whether a console belongs to `userId` or to someone holding at least `role`. */
export const ownerOr = (userId: string, role: Role) => (c: LiveConnection) => c.userId === userId || hasRole(c.roles, role);

/** Live pushes to consoles. Consoles keep the highest version they saw, so redelivery is harmless. */
export function realtimeReactions(deps: Pick<Deps, 'connections' | 'push'>): ChangeReaction[] {
  return [
    {
      name: 'push agent presence',
      entity: 'agent',
      react: async (change) => {
        if (!change.newImage) return;
        const agent = AgentSchema.parse(change.newImage);
        await broadcast(deps, agent.tenantId, ownerOr(agent.agentId, 'supervisor'), { type: 'agent.updated', agent });
      },
    },
  ];
}
