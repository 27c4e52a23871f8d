import { reconnectDelay } from './backoff.ts';
import type { Agent, ServerMessage } from './types.ts';

/** What the live-connection indicator shows. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

export interface RealtimeOptions {
  wsUrl: string;
  token: string;
  onAgentUpdated(agent: Agent): void;
  onStateChange(state: ConnectionState): void;
  /** Called on every successful (re)connect, so views can refetch what they may have missed. */
  onOpen?(): void;
  /** Called before each retry with its number (1, 2, …), e.g. to check whether the session is still valid. */
  onRetry?(attempt: number): void;
  pingIntervalMs?: number;
  /** Injected in tests. */
  createSocket?: (url: string) => WebSocket;
}

/** Parses one pushed frame; undefined for anything that is not a known message. */
export function parseServerMessage(data: unknown): ServerMessage | undefined {
  if (typeof data !== 'string') return undefined;
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof message !== 'object' || message === null) return undefined;
  const { type } = message as { type?: unknown };
  if (type === 'pong') return { type: 'pong' };
  if (type === 'agent.updated') {
    const agent = (message as { agent?: Partial<Agent> }).agent;
    if (agent && typeof agent.agentId === 'string' && typeof agent.status === 'string') return { type: 'agent.updated', agent: agent as Agent };
  }
  return undefined;
}

/**
 * Keeps one WebSocket to the contact center open: `?token=` auth, a `{"action":"ping"}` every
 * 30 s, a reconnect with backoff when it drops or when a pong is missed. Returns `close()`.
 */
export function connectRealtime(options: RealtimeOptions): { close(): void } {
  const pingEvery = options.pingIntervalMs ?? 30_000;
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const url = `${options.wsUrl}${options.wsUrl.includes('?') ? '&' : '?'}token=${encodeURIComponent(options.token)}`;

  let socket: WebSocket | undefined;
  let attempt = 0;
  let everOpened = false;
  let closed = false;
  let awaitingPong = false;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const stopPing = () => {
    if (pingTimer !== undefined) clearInterval(pingTimer);
    pingTimer = undefined;
  };

  const scheduleReconnect = () => {
    if (closed) return;
    options.onStateChange(everOpened ? 'reconnecting' : 'connecting');
    retryTimer = setTimeout(open, reconnectDelay(attempt++));
    options.onRetry?.(attempt);
  };

  /** Forgets a socket without waiting for its close handshake, then plans the next attempt. */
  const drop = (current: WebSocket) => {
    if (socket !== current) return;
    stopPing();
    socket = undefined;
    current.onopen = current.onmessage = current.onclose = current.onerror = null;
    if (current.readyState <= 1) current.close(); // CONNECTING or OPEN
    scheduleReconnect();
  };

  function open() {
    retryTimer = undefined;
    if (closed) return;
    const current = createSocket(url);
    socket = current;
    current.onopen = () => {
      attempt = 0;
      everOpened = true;
      awaitingPong = false;
      options.onStateChange('open');
      stopPing();
      pingTimer = setInterval(() => {
        if (awaitingPong) {
          // The previous ping went unanswered: the link is dead even if the browser has not noticed.
          drop(current);
          return;
        }
        awaitingPong = true;
        current.send(JSON.stringify({ action: 'ping' }));
      }, pingEvery);
      options.onOpen?.();
    };
    current.onmessage = (event: MessageEvent) => {
      awaitingPong = false;
      const message = parseServerMessage(event.data);
      if (message?.type === 'agent.updated') options.onAgentUpdated(message.agent);
    };
    // An error event is always followed by close; both end in one reconnect.
    current.onerror = () => drop(current);
    current.onclose = () => drop(current);
  }

  options.onStateChange('connecting');
  open();
  return {
    close() {
      closed = true;
      stopPing();
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      const current = socket;
      socket = undefined;
      if (current) {
        current.onopen = current.onmessage = current.onclose = current.onerror = null;
        current.close();
      }
    },
  };
}
