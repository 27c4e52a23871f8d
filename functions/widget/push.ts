import type { LiveConnection, LiveMessage } from '@cc/shared/realtime/ports';
import { type FanOutDeps as PushDeps, fanOut, toEach } from '../realtime/fan-out.ts';

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
export function postToConnections(deps: PushDeps, tenantId: string, connections: readonly LiveConnection[], message: LiveMessage): Promise<number> {
  return fanOut(deps, tenantId, toEach(connections, message));
}

/** Posts to every open widget of the conversation. @returns how many received it */
export async function pushToVisitor(deps: PushDeps, tenantId: string, conversationId: string, message: LiveMessage): Promise<number> {
  return postToConnections(deps, tenantId, await visitorConnectionsOf(deps, tenantId, conversationId), message);
}
