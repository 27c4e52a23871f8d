/**
 * The local call audio's signalling: browsers holding a room's ticket meet over one WebSocket per attendee
 * and trade WebRTC offers, answers and ICE candidates; the audio itself then flows browser to browser.
 * Local only (the stand-in for a Chime SDK meeting's signalling). The frames are in docs/voice-audio.md.
 * Every frame from a browser is untrusted: size-capped, rate-limited, validated, and relayed only inside its room.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import * as z from 'zod';
import { WebSocketServer, type WebSocket } from 'ws';
import { lazySchema } from '@cc/shared/lazy-schema';
import { audioLink } from '@cc/shared/voice/call-audio';
import type { MeetingRole } from '@cc/shared/voice/ports';
import type { LocalMeetingRooms } from './local-meetings.ts';

/** An SDP of an audio-only call is a few KiB; a frame this large is a mistake or an attack. */
export const SIGNALLING_MAX_FRAME_BYTES = 64 * 1024;
/** Close codes the browser client acts on (4000–4999 are the application's). */
export const CLOSE_REPLACED = 4000;
export const CLOSE_ROOM_CLOSED = 4001;

export interface RtcSignallingOptions {
  maxFrameBytes?: number;
  /** Token bucket per socket: `burst` frames at once, refilled at `perSecond`. */
  rate?: { burst: number; perSecond: number };
}

export interface Peer {
  attendeeId: string;
  role: MeetingRole;
}

const Id = lazySchema(() => z.string().min(1).max(64));
const Description = lazySchema(() => z.object({ type: z.enum(['offer', 'answer']), sdp: z.string().max(SIGNALLING_MAX_FRAME_BYTES) }).strict());
const Candidate = lazySchema(() =>
  z
    .object({ candidate: z.string().max(2048), sdpMid: z.string().max(64).nullish(), sdpMLineIndex: z.number().int().min(0).max(64).nullish(), usernameFragment: z.string().max(256).nullish() })
    .strict(),
);
/** What a browser may send: a description or a candidate (null = end of candidates) for one peer. */
const ClientFrameSchema = lazySchema(() =>
  z.object({ type: z.literal('signal'), to: Id, data: z.union([z.object({ description: Description }).strict(), z.object({ candidate: Candidate.nullable() }).strict()]) }).strict(),
);

interface Member extends Peer {
  socket: WebSocket;
}

/** The signalling server; `handleUpgrade` takes the upgrades the HTTP server routes to it. */
export class RtcSignalling {
  private readonly wss: WebSocketServer;
  private readonly rooms = new Map<string, Map<string, Member>>();
  private readonly rate: { burst: number; perSecond: number };
  private readonly unsubscribe: () => void;

  constructor(
    private readonly meetings: LocalMeetingRooms,
    options: RtcSignallingOptions = {},
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes ?? SIGNALLING_MAX_FRAME_BYTES });
    this.rate = options.rate ?? { burst: 60, perSecond: 20 };
    this.unsubscribe = meetings.onClose((meetingId) => this.closeRoom(meetingId));
  }

  /** Admits the upgrade only with a ticket's meeting and token; refuses it with 401 (none given) or 403 (not admitted). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://local');
    const meetingId = url.searchParams.get('meetingId');
    const token = url.searchParams.get('token');
    if (!meetingId || !token) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Type: text/plain\r\n\r\nmeetingId and token are required');
      return;
    }
    const attendee = this.meetings.admit(meetingId, token);
    if (!attendee) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\n\r\nThis ticket does not admit to this room');
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.join(meetingId, { attendeeId: attendee.attendeeId, role: attendee.role, socket: ws }));
  }

  /** Who is connected to a room now (tests and diagnostics). */
  members(meetingId: string): Peer[] {
    return [...(this.rooms.get(meetingId)?.values() ?? [])].map(peerOf);
  }

  closeRoom(meetingId: string): void {
    const room = this.rooms.get(meetingId);
    if (!room) return;
    this.rooms.delete(meetingId);
    for (const member of room.values()) member.socket.close(CLOSE_ROOM_CLOSED, 'room closed');
  }

  async close(): Promise<void> {
    this.unsubscribe();
    for (const client of this.wss.clients) client.terminate();
    this.rooms.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private join(meetingId: string, member: Member): void {
    let room = this.rooms.get(meetingId);
    if (!room) this.rooms.set(meetingId, (room = new Map()));
    const previous = room.get(member.attendeeId);
    if (previous) {
      // A reload or a second tab: the newest socket wins, and the others start afresh with it.
      room.delete(member.attendeeId);
      previous.socket.close(CLOSE_REPLACED, 'replaced by a newer connection');
      this.broadcast(room, { type: 'peer-left', attendeeId: member.attendeeId });
    }
    send(member.socket, { type: 'welcome', self: peerOf(member), peers: [...room.values()].map(peerOf) });
    this.broadcast(room, { type: 'peer-joined', peer: peerOf(member) });
    room.set(member.attendeeId, member);

    const limiter = tokenBucket(this.rate);
    let told = false;
    member.socket.on('message', (raw, isBinary) => {
      if (!limiter()) {
        // One error per burst of dropped frames, so a flood is not echoed back frame for frame.
        if (!told) send(member.socket, { type: 'error', code: 'rate-limited', message: 'Too many frames; slow down' });
        told = true;
        return;
      }
      told = false;
      this.receive(meetingId, member, isBinary ? undefined : raw.toString());
    });
    member.socket.on('close', () => {
      const current = this.rooms.get(meetingId);
      if (current?.get(member.attendeeId) !== member) return; // replaced, or the room already closed
      current.delete(member.attendeeId);
      if (current.size === 0) this.rooms.delete(meetingId);
      else this.broadcast(current, { type: 'peer-left', attendeeId: member.attendeeId });
    });
    member.socket.on('error', () => member.socket.terminate());
  }

  private receive(meetingId: string, from: Member, text: string | undefined): void {
    const refuse = (code: string, message: string) => send(from.socket, { type: 'error', code, message });
    if (text === undefined) return refuse('bad-frame', 'Frames are JSON text');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return refuse('bad-frame', 'Frames are JSON text');
    }
    const parsed = ClientFrameSchema.safeParse(json);
    if (!parsed.success) return refuse('bad-frame', parsed.error.issues[0]?.message ?? 'Not a signal frame');
    const { to, data } = parsed.data;
    const target = this.rooms.get(meetingId)?.get(to);
    if (!target || target === from) return refuse('unknown-peer', `No peer ${to} in this room`);
    const link = audioLink(from.role, target.role);
    if (!link.aToB && !link.bToA) return refuse('no-audio-link', 'These two roles exchange no audio');
    send(target.socket, { type: 'signal', from: from.attendeeId, data });
  }

  private broadcast(room: Map<string, Member>, frame: object): void {
    for (const member of room.values()) send(member.socket, frame);
  }
}

const peerOf = ({ attendeeId, role }: Peer): Peer => ({ attendeeId, role });

function send(socket: WebSocket, frame: object): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}

/** @returns a function that takes one token, false when the bucket is empty. */
function tokenBucket({ burst, perSecond }: { burst: number; perSecond: number }): () => boolean {
  let tokens = burst;
  let at = Date.now();
  return () => {
    const now = Date.now();
    tokens = Math.min(burst, tokens + ((now - at) / 1000) * perSecond);
    at = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}
