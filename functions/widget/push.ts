import type { ConnectionRepository, LiveConnection, LiveMessage, RealtimePush } from '@cc/shared/realtime/ports';

type PushDeps = { connections: ConnectionRepository; push: RealtimePush };

/** Whether the connection is a visitor's widget (never a console). */
export const isVisitorConnection = (c: LiveConnection): boolean => c.visitor !== undefined && c.roles.length === 0;

/** The open widgets of a conversation. */
export async function visitorConnectionsOf(deps: PushDeps, tenantId: string, conversationId: string): Promise<LiveConnection[]> {
  return (await deps.connections.listByTenant(tenantId)).filter((c) => isVisitorConnection(c) && c.visitor!.conversationId === conversationId);
}

/**
 * Posts `message` to the given connections, forgetting those that are gone.
 * @returns how many received it
 */
export async function postToConnections(deps: PushDeps, tenantId: string, connections: readonly LiveConnection[], message: LiveMessage): Promise<number> {
  const results = await Promise.all(
    connections.map(async (connection) => {
      const delivered = await deps.push.post(connection.connectionId, message);
      if (!delivered) await deps.connections.remove(tenantId, connection.connectionId);
      return delivered;
    }),
  );
  return results.filter(Boolean).length;
}

/** Posts to every open widget of the conversation. @returns how many received it */
export async function pushToVisitor(deps: PushDeps, tenantId: string, conversationId: string, message: LiveMessage): Promise<number> {
  return postToConnections(deps, tenantId, await visitorConnectionsOf(deps, tenantId, conversationId), message);
}
