// The call audio's signalling over real sockets: a plain HTTP server with the local server's upgrade routing,
// real rooms and tickets, and the `ws` client playing the browsers (and an attacker).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MeetingRole, MeetingTicket } from '@cc/shared/voice/ports';
import { LocalRealtimeHub } from '../../adapters/realtime/local-hub.ts';
import { allowedHosts } from '../local-guard.ts';
import { attachWebSockets } from '../web-sockets.ts';
import { LocalMeetingRooms, LOCAL_SIGNALLING_PATH } from './local-meetings.ts';
import { CLOSE_REPLACED, CLOSE_ROOM_CLOSED, RtcSignalling, SIGNALLING_MAX_FRAME_BYTES } from './rtc-signalling.ts';

type Frame = Record<string, unknown> & { type: string };

/** One test browser: every frame it received, in order, and a way to wait for the next one that matches. */
interface Client {
  socket: WebSocket;
  frames: Frame[];
  next(match: (frame: Frame) => boolean): Promise<Frame>;
  closed: Promise<{ code: number; reason: string }>;
  send(frame: unknown): void;
}

let server: Server;
let rooms: LocalMeetingRooms;
let signalling: RtcSignalling;
let port: number;
const cleanups: (() => Promise<void> | void)[] = [];
const clients: WebSocket[] = [];

beforeEach(async () => {
  rooms = new LocalMeetingRooms();
  signalling = new RtcSignalling(rooms, { rate: { burst: 20, perSecond: 5 } });
  server = createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  // The realtime handler is never reached here: only the signalling path is dialled.
  attachWebSockets(server, { hub: new LocalRealtimeHub(), realtime: async () => ({ statusCode: 500 }), signalling, hosts: allowedHosts(port) }, cleanups);
});

afterEach(async () => {
  for (const socket of clients.splice(0)) socket.terminate();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const urlOf = (meetingId: string, token: string) => `ws://127.0.0.1:${port}${LOCAL_SIGNALLING_PATH}?meetingId=${encodeURIComponent(meetingId)}&token=${encodeURIComponent(token)}`;

function connect(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const socket = new WebSocket(url, { headers });
  clients.push(socket);
  const frames: Frame[] = [];
  const waiters: { match: (frame: Frame) => boolean; resolve: (frame: Frame) => void }[] = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as Frame;
    frames.push(frame);
    for (const waiter of [...waiters]) {
      if (waiter.match(frame)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(frame);
      }
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const client: Client = {
    socket,
    frames,
    closed,
    next: (match) => {
      const seen = frames.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    send: (frame) => socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

async function ticket(meetingId: string, role: MeetingRole, userId: string = role): Promise<MeetingTicket> {
  return rooms.join(meetingId, { userId, role });
}

async function joined(t: MeetingTicket): Promise<Client> {
  const client = await connect(urlOf(t.meetingId, t.joinToken));
  await client.next((f) => f.type === 'welcome');
  return client;
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; !condition(); i++) {
    if (i > 200) throw new Error('condition never met');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const offer = { description: { type: 'offer', sdp: 'v=0\r\n' } };

describe('call audio signalling', () => {
  it('welcomes each attendee with the others, tells the others, and relays signals inside the room', async () => {
    // Arrange
    const { meetingId } = await rooms.open('t1', 'contact-1');
    const caller = await ticket(meetingId, 'caller');
    const agent = await ticket(meetingId, 'agent');
    const callerSocket = await joined(caller);

    // Act
    const agentSocket = await joined(agent);
    const joinedFrame = await callerSocket.next((f) => f.type === 'peer-joined');
    agentSocket.send({ type: 'signal', to: caller.attendeeId, data: offer });
    const relayed = await callerSocket.next((f) => f.type === 'signal');
    agentSocket.socket.close();
    const left = await callerSocket.next((f) => f.type === 'peer-left');

    // Assert
    expect(callerSocket.frames[0]).toEqual({ type: 'welcome', self: { attendeeId: caller.attendeeId, role: 'caller' }, peers: [] });
    expect(agentSocket.frames[0]).toEqual({ type: 'welcome', self: { attendeeId: agent.attendeeId, role: 'agent' }, peers: [{ attendeeId: caller.attendeeId, role: 'caller' }] });
    expect(joinedFrame).toEqual({ type: 'peer-joined', peer: { attendeeId: agent.attendeeId, role: 'agent' } });
    expect(relayed).toEqual({ type: 'signal', from: agent.attendeeId, data: offer });
    expect(left).toEqual({ type: 'peer-left', attendeeId: agent.attendeeId });
  });

  it('refuses an upgrade without a ticket (401), with a wrong token (403), and from a foreign Host (421)', async () => {
    // Arrange
    const { meetingId } = await rooms.open('t1', 'contact-1');
    const caller = await ticket(meetingId, 'caller');
    // Act
    const results = await Promise.all([
      connect(`ws://127.0.0.1:${port}${LOCAL_SIGNALLING_PATH}?meetingId=${meetingId}`).catch((e: Error) => e.message),
      connect(urlOf(meetingId, 'not-the-token')).catch((e: Error) => e.message),
      connect(urlOf('another-meeting', caller.joinToken)).catch((e: Error) => e.message),
      connect(urlOf(meetingId, caller.joinToken), { host: 'evil.example:80' }).catch((e: Error) => e.message),
    ]);
    // Assert
    expect(results).toEqual(['refused 401', 'refused 403', 'refused 403', 'refused 421']);
    expect(signalling.members(meetingId)).toEqual([]);
  });

  it('never relays to another room, and answers malformed frames with an error frame', async () => {
    // Arrange: two calls; the attacker holds a ticket of the first and knows an attendee of the second
    const first = await rooms.open('t1', 'contact-1');
    const second = await rooms.open('t1', 'contact-2');
    const attacker = await joined(await ticket(first.meetingId, 'caller'));
    const victimTicket = await ticket(second.meetingId, 'agent');
    const victim = await joined(victimTicket);

    // Act
    attacker.send({ type: 'signal', to: victimTicket.attendeeId, data: offer });
    attacker.send('not json');
    attacker.send({ type: 'signal', to: 'x', data: { description: { type: 'offer', sdp: 1 } } });
    attacker.send({ type: 'peer-joined', peer: { attendeeId: 'x', role: 'agent' } });
    attacker.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    await until(() => attacker.frames.filter((f) => f.type === 'error').length === 5);
    const errors = attacker.frames.filter((f) => f.type === 'error');

    // Assert
    expect(errors.map((e) => e.code)).toEqual(['unknown-peer', 'bad-frame', 'bad-frame', 'bad-frame', 'bad-frame']);
    expect(victim.frames.map((f) => f.type)).toEqual(['welcome']);
    expect(attacker.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('closes a socket whose frame is larger than the limit', async () => {
    // Arrange
    const { meetingId } = await rooms.open('t1', 'contact-1');
    const caller = await joined(await ticket(meetingId, 'caller'));
    // Act
    caller.send({ type: 'signal', to: 'x', data: { description: { type: 'offer', sdp: 'a'.repeat(SIGNALLING_MAX_FRAME_BYTES) } } });
    const { code } = await caller.closed;
    // Assert: 1009 = message too big
    expect(code).toBe(1009);
  });

  it('drops frames past the rate limit with one error frame, and relays again once the bucket refills', async () => {
    // Arrange
    const { meetingId } = await rooms.open('t1', 'contact-1');
    const callerTicket = await ticket(meetingId, 'caller');
    const caller = await joined(callerTicket);
    const agent = await joined(await ticket(meetingId, 'agent'));
    // Act: a flood of 100 frames against a burst of 20
    for (let i = 0; i < 100; i++) agent.send({ type: 'signal', to: callerTicket.attendeeId, data: { candidate: { candidate: `candidate:${i}` } } });
    await agent.next((f) => f.type === 'error' && f.code === 'rate-limited');
    await new Promise((resolve) => setTimeout(resolve, 400)); // lets the bucket refill by two tokens
    agent.send({ type: 'signal', to: callerTicket.attendeeId, data: { candidate: { candidate: 'candidate:after' } } });
    await caller.next((f) => f.type === 'signal' && (f.data as { candidate: { candidate: string } }).candidate.candidate === 'candidate:after');
    // Assert
    const relayed = caller.frames.filter((f) => f.type === 'signal').length;
    expect(relayed).toBeLessThan(30);
    expect(agent.frames.filter((f) => f.code === 'rate-limited')).toHaveLength(1);
  });

  it('relays nothing between two roles that exchange no audio', async () => {
    // Arrange: two supervisors listening in
    const { meetingId } = await rooms.open('t1', 'contact-1');
    const first = await joined(await ticket(meetingId, 'listen', 'sup-1'));
    const secondTicket = await ticket(meetingId, 'listen', 'sup-2');
    const second = await joined(secondTicket);
    // Act
    first.send({ type: 'signal', to: secondTicket.attendeeId, data: offer });
    const error = await first.next((f) => f.type === 'error');
    // Assert
    expect(error.code).toBe('no-audio-link');
    expect(second.frames.map((f) => f.type)).toEqual(['welcome']);
  });

  it('replaces an attendee’s first socket by the second, and the others start afresh with it', async () => {
    // Arrange
    const { meetingId } = await rooms.open('t1', 'contact-1');
    const callerTicket = await ticket(meetingId, 'caller');
    const agentTicket = await ticket(meetingId, 'agent');
    const caller = await joined(callerTicket);
    const firstTab = await joined(agentTicket);
    // Act
    const secondTab = await joined(agentTicket);
    const { code } = await firstTab.closed;
    caller.send({ type: 'signal', to: agentTicket.attendeeId, data: offer });
    await secondTab.next((f) => f.type === 'signal');
    // Assert
    expect(code).toBe(CLOSE_REPLACED);
    expect(caller.frames.map((f) => f.type)).toEqual(['welcome', 'peer-joined', 'peer-left', 'peer-joined']);
    expect(signalling.members(meetingId)).toHaveLength(2);
  });

  it('closes the room’s sockets when the room closes', async () => {
    // Arrange
    const { meetingId } = await rooms.open('t1', 'contact-1');
    const callerTicket = await ticket(meetingId, 'caller');
    const caller = await joined(callerTicket);
    const agent = await joined(await ticket(meetingId, 'agent'));
    // Act
    await rooms.close(meetingId);
    const closed = await Promise.all([caller.closed, agent.closed]);
    const again = await connect(urlOf(meetingId, callerTicket.joinToken)).catch((e: Error) => e.message);
    // Assert
    expect(closed.map((c) => c.code)).toEqual([CLOSE_ROOM_CLOSED, CLOSE_ROOM_CLOSED]);
    expect(again).toBe('refused 403');
  });
});
