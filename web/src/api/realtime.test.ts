import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectRealtime, parseServerMessage, type ConnectionState } from './realtime.ts';
import type { Agent } from '@cc/shared/agents/model';
import type { Contact } from '@cc/shared/contacts/model';
import type { ServerMessage } from './types.ts';

/** Just enough of a browser WebSocket to drive `connectRealtime`. */
class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
}

const agent: Agent = { tenantId: 't', agentId: 'a1', name: 'Анна', status: 'break', breakReason: 'lunch', statusSince: '2026-01-01T10:00:00Z', skills: [], queueIds: [], version: 2 };

function start() {
  const states: ConnectionState[] = [];
  const updates: ServerMessage[] = [];
  const onOpen = vi.fn();
  const connection = connectRealtime({
    wsUrl: 'ws://127.0.0.1:3000/ws',
    token: 'a b',
    onStateChange: (state) => states.push(state),
    onMessage: (pushed) => updates.push(pushed),
    onOpen,
    createSocket: (url) => new FakeSocket(url) as unknown as WebSocket,
  });
  return { connection, states, updates, onOpen };
}

const contact = { contactId: 'c1', status: 'offered', channel: 'telegram', version: 3 } as Contact;

describe('parseServerMessage', () => {
  it('reads agent.updated and pong, and ignores anything else', () => {
    expect(parseServerMessage(JSON.stringify({ type: 'agent.updated', agent }))).toEqual({ type: 'agent.updated', agent });
    expect(parseServerMessage('{"type":"pong"}')).toEqual({ type: 'pong' });
    expect(parseServerMessage('{"type":"contact.offered","contact":{}}')).toBeUndefined();
    expect(parseServerMessage('not json')).toBeUndefined();
    expect(parseServerMessage(new ArrayBuffer(2))).toBeUndefined();
  });

  it('reads offers, contact and message changes and queue figures', () => {
    // Arrange
    const frames: ServerMessage[] = [
      { type: 'offer', contact, expiresAt: '2026-01-01T10:00:20Z' },
      { type: 'contact.updated', contact },
      { type: 'queue.stats', queue: { queueId: 'sales' } as never },
      { type: 'message.created', message: { messageId: 'm1' } as never },
      { type: 'message.updated', message: { messageId: 'm1' } as never },
      { type: 'typing', from: 'visitor', contactId: 'c1', conversationId: 'webchat:w1:v1', at: '2026-01-01T10:00:00Z' },
      { type: 'transcript', contactId: 'call-1', segments: [{ segmentId: 'r1', speaker: 'customer', text: 'Алло', startMs: 0, endMs: 800, partial: true }] },
      { type: 'alert.notice', notice: { noticeId: 'n1', metric: 'contacts_waiting', kind: 'fired' } as never },
      { type: 'conversation.alert', alert: { alertId: 'c1:escalation_request', contactId: 'c1', trigger: 'escalation_request', phase: 'live' } as never },
      { type: 'kpi.updated', kpi: { dimension: 'queue', value: 'vip', date: '2026-12-03', values: { contacts_handled: 3 }, generatedAt: '2026-12-03T09:00:00.000Z' } },
    ];
    // Act
    const parsed = frames.map((frame) => parseServerMessage(JSON.stringify(frame)));
    // Assert
    expect(parsed).toEqual(frames);
  });

  it('reads the team chat’s messages, mentions and presence, and drops them without their ids', () => {
    const message = { messageId: 'tm-1', roomId: 'queue:support', sentAt: '2026-12-05T10:00:00.000Z', text: '@u-agent-2 привет', senderId: 'u-agent-1' } as never;
    const frames: ServerMessage[] = [{ type: 'team.message', message }, { type: 'team.mention', message }, { type: 'team.presence', userId: 'u-agent-2', presence: 'break' }];
    expect(frames.map((frame) => parseServerMessage(JSON.stringify(frame)))).toEqual(frames);
    expect(parseServerMessage(JSON.stringify({ type: 'team.message', message: { messageId: 'tm-1', roomId: 'team', sentAt: 'x' } }))).toBeUndefined();
    expect(parseServerMessage(JSON.stringify({ type: 'team.mention', message: { roomId: 'team', sentAt: 'x', text: 'x' } }))).toBeUndefined();
    expect(parseServerMessage(JSON.stringify({ type: 'team.presence', userId: 'u-1' }))).toBeUndefined();
  });

  it('drops a known type whose payload lacks its id', () => {
    expect(parseServerMessage(JSON.stringify({ type: 'offer', contact }))).toBeUndefined();
    expect(parseServerMessage(JSON.stringify({ type: 'contact.updated', contact: { status: 'queued' } }))).toBeUndefined();
    expect(parseServerMessage(JSON.stringify({ type: 'queue.stats', queue: null }))).toBeUndefined();
    expect(parseServerMessage(JSON.stringify({ type: 'message.created', message: { messageId: '' } }))).toBeUndefined();
    expect(parseServerMessage(JSON.stringify({ type: 'typing', from: 'visitor', contactId: '' }))).toBeUndefined();
    expect(parseServerMessage(JSON.stringify({ type: 'typing', from: 'bot', contactId: 'c1' }))).toBeUndefined();
    expect(parseServerMessage(JSON.stringify({ type: 'transcript', contactId: 'call-1' }))).toBeUndefined();
    expect(parseServerMessage(JSON.stringify({ type: 'alert.notice', notice: { noticeId: 'n1', metric: 'contacts_waiting' } }))).toBeUndefined();
    expect(parseServerMessage(JSON.stringify({ type: 'conversation.alert', alert: { alertId: 'c1:escalation_request', trigger: 'escalation_request' } }))).toBeUndefined();
    expect(parseServerMessage(JSON.stringify({ type: 'transcript', contactId: 'call-1', segments: [null] }))).toBeUndefined();
    expect(parseServerMessage(JSON.stringify({ type: 'transcript', contactId: 'call-1', segments: [{ segmentId: 'r1', speaker: 'bot', text: 'x', startMs: 0, endMs: 1, partial: false }] }))).toBeUndefined();
  });
});

describe('connectRealtime', () => {
  beforeEach(() => {
    FakeSocket.all = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('connects with the token in the query and hands pushed messages over', () => {
    // Arrange
    const { states, updates, onOpen } = start();
    const socket = FakeSocket.all[0]!;
    // Act
    socket.open();
    socket.receive({ type: 'agent.updated', agent });
    socket.receive({ type: 'something.new' });
    // Assert
    expect(socket.url).toBe('ws://127.0.0.1:3000/ws?token=a%20b');
    expect(states).toEqual(['connecting', 'open']);
    expect(updates).toEqual([{ type: 'agent.updated', agent }]);
    expect(onOpen).toHaveBeenCalledOnce();
  });

  it('pings every 30 seconds', () => {
    start();
    const socket = FakeSocket.all[0]!;
    socket.open();
    vi.advanceTimersByTime(30_000);
    expect(socket.sent).toEqual(['{"action":"ping"}']);
    socket.receive({ type: 'pong' });
    vi.advanceTimersByTime(30_000);
    expect(socket.sent).toHaveLength(2);
  });

  it('reconnects with backoff after the socket drops, and reports it', () => {
    // Arrange
    const { states, onOpen } = start();
    FakeSocket.all[0]!.open();
    // Act
    FakeSocket.all[0]!.drop();
    vi.advanceTimersByTime(1000); // the first retry waits 0.5–1 s
    FakeSocket.all[1]!.open();
    // Assert
    expect(FakeSocket.all).toHaveLength(2);
    expect(states).toEqual(['connecting', 'open', 'reconnecting', 'open']);
    expect(onOpen).toHaveBeenCalledTimes(2);
  });

  it('numbers its retries for the caller', () => {
    const onRetry = vi.fn();
    connectRealtime({ wsUrl: 'ws://x/ws', token: 't', onStateChange: () => {}, onMessage: () => {}, onRetry, createSocket: (url) => new FakeSocket(url) as unknown as WebSocket });
    FakeSocket.all[0]!.drop();
    vi.advanceTimersByTime(1000);
    FakeSocket.all[1]!.drop();
    expect(onRetry.mock.calls).toEqual([[1], [2]]);
  });

  it('treats an unanswered ping as a dead link and reconnects', () => {
    const { states } = start();
    FakeSocket.all[0]!.open();
    vi.advanceTimersByTime(60_000);
    expect(states.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(1000);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('stops for good on close()', () => {
    const { connection } = start();
    FakeSocket.all[0]!.open();
    connection.close();
    vi.advanceTimersByTime(120_000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(FakeSocket.all[0]!.readyState).toBe(3);
  });
});
