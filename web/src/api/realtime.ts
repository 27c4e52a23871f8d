import { reconnectDelay } from './backoff.ts';
import type { ServerMessage } from './types.ts';

/** What the live-connection indicator shows. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

export interface RealtimeOptions {
  wsUrl: string;
  token: string;
  /** Every pushed message the console knows, pongs excepted. */
  onMessage(message: ServerMessage): void;
  onStateChange(state: ConnectionState): void;
  /** Called on every successful (re)connect, so views can refetch what they may have missed. */
  onOpen?(): void;
  /** Called before each retry with its number (1, 2, …), e.g. to check whether the session is still valid. */
  onRetry?(attempt: number): void;
  pingIntervalMs?: number;
  /** Injected in tests. */
  createSocket?: (url: string) => WebSocket;
}

/** Whether `value` is an object whose `field` is a non-empty string. */
function hasId(value: unknown, field: string): boolean {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[field] === 'string' && (value as Record<string, string>)[field] !== '';
}

/** Whether `value` is a list of transcript segments as the server pushes them (a malformed one would break the merge). */
function isSegmentList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every((s: Record<string, unknown> | null) => hasId(s, 'segmentId') && (s!.speaker === 'agent' || s!.speaker === 'customer') && typeof s!.text === 'string' && typeof s!.startMs === 'number' && typeof s!.endMs === 'number' && typeof s!.partial === 'boolean')
  );
}

/** Parses one pushed frame; undefined for anything that is not a known, well-formed message. */
export function parseServerMessage(data: unknown): ServerMessage | undefined {
  if (typeof data !== 'string') return undefined;
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof message !== 'object' || message === null) return undefined;
  const frame = message as Record<string, unknown>;
  switch (frame.type) {
    case 'pong':
      return { type: 'pong' };
    case 'agent.updated':
      return hasId(frame.agent, 'agentId') && hasId(frame.agent, 'status') ? (frame as ServerMessage) : undefined;
    case 'offer':
      return hasId(frame.contact, 'contactId') && typeof frame.expiresAt === 'string' ? (frame as ServerMessage) : undefined;
    case 'contact.updated':
      return hasId(frame.contact, 'contactId') && hasId(frame.contact, 'status') ? (frame as ServerMessage) : undefined;
    case 'queue.stats':
      return hasId(frame.queue, 'queueId') ? (frame as ServerMessage) : undefined;
    case 'message.created':
    case 'message.updated':
      return hasId(frame.message, 'messageId') ? (frame as ServerMessage) : undefined;
    case 'transcript':
      return hasId(frame, 'contactId') && isSegmentList(frame.segments) ? (frame as ServerMessage) : undefined;
    case 'typing':
      return (frame.from === 'visitor' || frame.from === 'agent') && hasId(frame, 'contactId') ? (frame as ServerMessage) : undefined;
    case 'kpi.updated':
      return hasId(frame.kpi, 'value') && hasId(frame.kpi, 'date') ? (frame as ServerMessage) : undefined;
    case 'alert.notice':
      return hasId(frame.notice, 'noticeId') && hasId(frame.notice, 'metric') && (frame.notice as { kind?: unknown }).kind !== undefined ? (frame as ServerMessage) : undefined;
    case 'conversation.alert':
      return hasId(frame.alert, 'alertId') && hasId(frame.alert, 'trigger') && hasId(frame.alert, 'contactId') ? (frame as ServerMessage) : undefined;
    case 'script.run':
      return hasId(frame.run, 'contactId') && hasId(frame.run, 'scriptId') && Array.isArray((frame.run as { path?: unknown }).path) ? (frame as ServerMessage) : undefined;
    case 'achievement.earned':
      return hasId(frame.award, 'agentId') && hasId(frame.award, 'sourceId') && hasId(frame.award, 'earnedAt') && typeof (frame.award as { name?: unknown }).name === 'object' ? (frame as ServerMessage) : undefined;
    case 'team.message':
    case 'team.mention':
      return hasId(frame.message, 'messageId') && hasId(frame.message, 'roomId') && hasId(frame.message, 'sentAt') && typeof (frame.message as { text?: unknown }).text === 'string' ? (frame as ServerMessage) : undefined;
    case 'team.presence':
      return hasId(frame, 'userId') && hasId(frame, 'presence') ? (frame as ServerMessage) : undefined;
    default:
      return undefined;
  }
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
      if (message && message.type !== 'pong') options.onMessage(message);
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
