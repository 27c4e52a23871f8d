/**
 * The browser side of the local call audio's signalling (functions/local/voice/rtc-signalling.ts, frames in
 * docs/voice-audio.md): one WebSocket to the room, reconnected with backoff when it drops. Every (re)join starts
 * with a `welcome`, after which the peer links are built afresh.
 */
import type { MeetingRole } from '@cc/shared/voice/ports';
import { reconnectDelay } from '../api/backoff.ts';

export interface RtcPeer {
  attendeeId: string;
  role: MeetingRole;
}

/** What one peer link sends the other: an SDP description, or an ICE candidate (null = no more). */
export type SignalData = { description: RTCSessionDescriptionInit } | { candidate: RTCIceCandidateInit | null };

export type ServerFrame =
  | { type: 'welcome'; self: RtcPeer; peers: RtcPeer[] }
  | { type: 'peer-joined'; peer: RtcPeer }
  | { type: 'peer-left'; attendeeId: string }
  | { type: 'signal'; from: string; data: SignalData }
  | { type: 'error'; code: string; message: string };

export type SignallingState = 'connecting' | 'connected' | 'reconnecting' | 'ended' | 'failed';

export interface SignallingHandlers {
  frame(frame: ServerFrame): void;
  state(state: SignallingState): void;
}

/** Close codes the server ends a socket with for good (no reconnecting): replaced by a newer one, room closed. */
const FINAL_CLOSE_CODES = new Set([4000, 4001]);
/** After this many failed attempts in a row the room is taken as gone (a refused upgrade looks like any drop). */
const MAX_ATTEMPTS = 8;

export class SignallingClient {
  private socket: WebSocket | undefined;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private done = false;

  constructor(
    private readonly url: string,
    private readonly handlers: SignallingHandlers,
    private readonly random: () => number = Math.random,
  ) {
    this.open();
  }

  send(to: string, data: SignalData): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'signal', to, data }));
  }

  close(): void {
    this.finish('ended');
    this.socket?.close(1000, 'left');
  }

  private open(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onmessage = (event) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(event.data)) as ServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'welcome') {
        this.attempt = 0;
        this.handlers.state('connected');
      }
      this.handlers.frame(frame);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket || this.done) return;
      if (FINAL_CLOSE_CODES.has(event.code)) return this.finish('ended');
      if (++this.attempt > MAX_ATTEMPTS) return this.finish('failed');
      this.handlers.state('reconnecting');
      this.timer = setTimeout(() => this.open(), reconnectDelay(this.attempt - 1, this.random, 500, 10_000));
    };
  }

  private finish(state: 'ended' | 'failed'): void {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.timer);
    this.handlers.state(state);
  }
}

/** The signalling socket's address for a ticket: the API's origin with ws(s), the ticket's path, the room and the token. */
export function signallingUrl(baseUrl: string, path: string, meetingId: string, joinToken: string): string {
  const url = new URL(path, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = new URLSearchParams({ meetingId, token: joinToken }).toString();
  return url.href;
}
