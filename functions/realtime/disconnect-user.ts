import type { ConnectionRepository, RealtimePush } from '@cc/shared/realtime/ports';

/**
 * Closes and forgets every console connection of a user: call it when the user is disabled or their
 * roles change, so no push reaches them under roles they no longer have. @returns how many were closed
 */
export async function disconnectUser(deps: { connections: ConnectionRepository; push: RealtimePush }, tenantId: string, userId: string): Promise<number> {
  const mine = (await deps.connections.listByTenant(tenantId)).filter((c) => c.userId === userId && c.roles.length > 0);
  await Promise.all(
    mine.map(async (c) => {
      await deps.push.disconnect?.(c.connectionId);
      await deps.connections.remove(tenantId, c.connectionId);
    }),
  );
  return mine.length;
}
