import type { Role } from '../auth/model.ts';
import type { Agent } from '../agents/model.ts';

/** Messages pushed to consoles over the WebSocket. */
export type LiveMessage = { type: 'agent.updated'; agent: Agent } | { type: 'pong' };

/** A console's open WebSocket, recorded so pushes can find it. */
export interface LiveConnection {
  tenantId: string;
  connectionId: string;
  userId: string;
  roles: Role[];
  connectedAt: string;
}

/** Open WebSocket connections. */
export interface ConnectionRepository {
  put(connection: LiveConnection): Promise<void>;
  /** Webhook-free lookup: `$disconnect` carries only the connection id. */
  find(connectionId: string): Promise<LiveConnection | undefined>;
  remove(tenantId: string, connectionId: string): Promise<void>;
  listByTenant(tenantId: string): Promise<LiveConnection[]>;
}

/** Delivers a message to one connection (API Gateway `PostToConnection` or the local hub). */
export interface RealtimePush {
  /** @returns false when the connection is gone, so the caller can forget it. */
  post(connectionId: string, message: LiveMessage): Promise<boolean>;
}
