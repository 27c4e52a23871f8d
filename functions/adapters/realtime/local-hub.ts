import type { LiveMessage, RealtimePush } from '@cc/shared/realtime/ports';

/** Anything with a WebSocket-like `send`; the local server registers `ws` sockets here. */
export interface LocalSocket {
  send(data: string): void;
  /** 4001 (ours): the server ended the session (token expired, user disabled). */
  close?(code?: number, reason?: string): void;
  readonly readyState: number;
}

const OPEN = 1;

/**
 * The local stand-in for API Gateway's connection management: open sockets by connection id.
 * Posting to a closed or unknown connection answers "gone", as `PostToConnection` would with 410.
 */
export class LocalRealtimeHub implements RealtimePush {
  private readonly sockets = new Map<string, LocalSocket>();

  attach(connectionId: string, socket: LocalSocket) {
    this.sockets.set(connectionId, socket);
  }

  detach(connectionId: string) {
    this.sockets.delete(connectionId);
  }

  get size() {
    return this.sockets.size;
  }

  async post(connectionId: string, message: LiveMessage) {
    const socket = this.sockets.get(connectionId);
    if (!socket || socket.readyState !== OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  async disconnect(connectionId: string) {
    this.sockets.get(connectionId)?.close?.(4001, 'session ended');
    this.sockets.delete(connectionId);
  }
}
