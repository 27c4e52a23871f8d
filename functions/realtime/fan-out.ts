import type { ConnectionRepository, LiveConnection, LiveMessage, RealtimePush } from '@cc/shared/realtime/ports';

/** What a fan-out needs: the connections it may forget and the push adapter. */
export type FanOutDeps = { connections: ConnectionRepository; push: RealtimePush };

/** One message for one connection. */
export interface Delivery {
  connection: LiveConnection;
  message: LiveMessage;
}

/**
 * The one push fan-out: posts every delivery at once and forgets each connection that is gone (once,
 * however many messages it missed), so consoles, widgets and wallboards never keep dead sockets.
 * @returns how many deliveries arrived
 */
export async function fanOut(deps: FanOutDeps, tenantId: string, deliveries: readonly Delivery[]): Promise<number> {
  const gone = new Set<string>();
  const arrived = await Promise.all(
    deliveries.map(async ({ connection, message }) => {
      const delivered = await deps.push.post(connection.connectionId, message);
      if (!delivered) gone.add(connection.connectionId);
      return delivered;
    }),
  );
  await Promise.all([...gone].map((connectionId) => deps.connections.remove(tenantId, connectionId)));
  return arrived.filter(Boolean).length;
}

/** The same message to each of `connections`. */
export const toEach = (connections: readonly LiveConnection[], message: LiveMessage): Delivery[] => connections.map((connection) => ({ connection, message }));
