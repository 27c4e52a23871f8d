import { describe, expect, it } from 'vitest';
import type { Contact } from '@cc/shared/contacts/model';
import { applyLiveCall, applyLiveCallList, othersIn, planSeatChange, secondsSince, sendsNothing, sortLiveCalls, talkSeconds } from './live-calls.ts';

const call = (contactId: string, overrides: Partial<Contact> = {}): Contact => ({
  tenantId: 't',
  contactId,
  queueId: 'q',
  channel: 'voice',
  status: 'connected',
  agentId: 'anna',
  enqueuedAt: '2026-12-02T10:00:00.000Z',
  statusSince: '2026-12-02T10:01:00.000Z',
  connectedAt: '2026-12-02T10:01:00.000Z',
  createdAt: '2026-12-02T10:00:00.000Z',
  priority: 0,
  requiredSkills: [],
  excludedAgentIds: [],
  history: [],
  version: 3,
  ...overrides,
});

describe('live calls board', () => {
  it('adds a connected call, replaces it with newer versions and drops it when it leaves connected', () => {
    // Arrange
    const seen = new Map<string, number>();
    // Act
    const added = applyLiveCall(new Map(), call('c-1'), seen);
    const stale = applyLiveCall(added, call('c-1', { version: 2, agentId: 'old' }), seen);
    const ended = applyLiveCall(added, call('c-1', { version: 4, status: 'after-contact-work' }), seen);
    // Assert
    expect([...added.keys()]).toEqual(['c-1']);
    expect(stale.get('c-1')?.agentId).toBe('anna');
    expect(ended.size).toBe(0);
  });

  it('keeps chats and waiting calls off the panel', () => {
    const seen = new Map<string, number>();
    expect(applyLiveCall(new Map(), call('c-2', { channel: 'telegram' }), seen).size).toBe(0);
    expect(applyLiveCall(new Map(), call('c-3', { status: 'queued' }), seen).size).toBe(0);
  });

  it('does not bring back on reload a call a newer push already ended', () => {
    // Arrange
    const seen = new Map<string, number>();
    applyLiveCall(new Map(), call('c-1', { version: 5, status: 'after-contact-work' }), seen);
    // Act
    const board = applyLiveCallList([call('c-1', { version: 4 }), call('c-2')], seen);
    // Assert
    expect([...board.keys()]).toEqual(['c-2']);
  });

  it('orders the longest call first and counts its talk time', () => {
    const board = new Map([
      ['late', call('late', { connectedAt: '2026-12-02T10:05:00.000Z' })],
      ['early', call('early', { connectedAt: '2026-12-02T10:02:00.000Z' })],
    ]);
    expect(sortLiveCalls(board).map((c) => c.contactId)).toEqual(['early', 'late']);
    expect(talkSeconds(board.get('early')!, Date.parse('2026-12-02T10:03:05.500Z'))).toBe(65);
  });
});

describe('othersIn', () => {
  it('names the other supervisors still in the call, not oneself nor those who left', () => {
    const contact = call('c-1', {
      supervision: [
        { userId: 'oleg', name: 'Олег', role: 'listen', since: '2026-12-02T10:02:00.000Z', until: '2026-12-02T10:03:00.000Z' },
        { userId: 'irina', name: 'Ирина', role: 'barge', since: '2026-12-02T10:03:00.000Z' },
        { userId: 'me', name: 'Я', role: 'listen', since: '2026-12-02T10:04:00.000Z' },
      ],
    });
    expect(othersIn(contact, 'me').map((e) => [e.name, e.role])).toEqual([['Ирина', 'barge']]);
  });
});

describe('planSeatChange', () => {
  it('joins straight away from no seat', () => {
    expect(planSeatChange(undefined, { contactId: 'c-1', mode: 'listen' })).toEqual({ dropAudio: false, join: { contactId: 'c-1', mode: 'listen' } });
  });

  it('switches mode within a call by dropping the audio and rejoining, without a separate leave', () => {
    expect(planSeatChange({ contactId: 'c-1', mode: 'listen' }, { contactId: 'c-1', mode: 'whisper' })).toEqual({ dropAudio: true, join: { contactId: 'c-1', mode: 'whisper' } });
  });

  it('leaves the first call before joining another, and Leave only leaves', () => {
    expect(planSeatChange({ contactId: 'c-1', mode: 'barge' }, { contactId: 'c-2', mode: 'listen' })).toEqual({ dropAudio: true, leaveCall: 'c-1', join: { contactId: 'c-2', mode: 'listen' } });
    expect(planSeatChange({ contactId: 'c-1', mode: 'barge' }, undefined)).toEqual({ dropAudio: true, leaveCall: 'c-1' });
  });

  it('does nothing for the mode already held', () => {
    expect(planSeatChange({ contactId: 'c-1', mode: 'listen' }, { contactId: 'c-1', mode: 'listen' })).toEqual({ dropAudio: false });
  });
});

describe('sendsNothing', () => {
  it('gives a listener and a receive-only seat no microphone, and a whisperer or barger theirs', () => {
    expect(sendsNothing({ role: 'listen' })).toBe(true);
    expect(sendsNothing({ role: 'whisper', receiveOnly: true })).toBe(true);
    expect(sendsNothing({ role: 'whisper' })).toBe(false);
    expect(sendsNothing({ role: 'barge' })).toBe(false);
  });
});

describe('secondsSince', () => {
  it('counts whole seconds and never goes below zero', () => {
    expect(secondsSince('2026-12-02T10:00:00.000Z', Date.parse('2026-12-02T10:01:05.900Z'))).toBe(65);
    expect(secondsSince('2026-12-02T10:00:10.000Z', Date.parse('2026-12-02T10:00:00.000Z'))).toBe(0);
  });
});
