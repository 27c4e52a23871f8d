import type { LiveMessage, RealtimePush } from '@cc/shared/realtime/ports';

/** Anything with a WebSocket-like `send`; the local server registers `ws` sockets here. */
export interface LocalSocket {
  send(data: string): void;
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
}
