import { describe, expect, it } from 'vitest';
import type { SupervisionEntry } from '@cc/shared/contacts/values';
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import type { CallAudio } from '../../../voice/call-audio.ts';
import { WhisperSeat, whisperSeatChange } from './whisper-seat.ts';

const chime = { provider: 'chime' } as const;
const local = { provider: 'local' } as const;
const entry = (userId: string, role: SupervisionEntry['role'], since: string, until?: string): SupervisionEntry => ({ userId, name: userId, role, since, ...(until && { until }) });
const call = (...supervision: SupervisionEntry[]) => ({ status: 'connected' as const, supervision });
const T1 = '2026-12-02T10:01:00.000Z';
const T2 = '2026-12-02T10:02:00.000Z';
const T3 = '2026-12-02T10:03:00.000Z';

/** A seat's audio that records leaving. */
function fakeSeat(ticket: NonNullable<AudioTicket['whisper']>, log: string[]): CallAudio {
  return {
    ticket,
    state: () => 'connected',
    onStateChange: () => () => undefined,
    peers: () => [],
    onPeersChange: () => () => undefined,
    setMuted: () => undefined,
    setOnHold: () => undefined,
    sendTones: () => undefined,
    remoteLevel: () => 0,
    receivedAudio: async () => ({ packets: 0, energy: 0 }),
    leave: async () => void log.push(`leave:${ticket.meetingId}`),
  };
}

/** The API answers the agent's ticket with the whisper meeting `meeting()` names (none: no whisper seat). */
function harness(meeting: () => string | undefined) {
  const log: string[] = [];
  const seatTicket = (meetingId: string) => ({ contactId: 'c1', role: 'agent' as const, provider: 'chime' as const, meetingId, attendeeId: 'a-w', joinToken: 't', receiveOnly: true });
  const seat = new WhisperSeat('c1', {
    requestTicket: async () => {
      log.push('ticket');
      const whisperMeeting = meeting();
      return { contactId: 'c1', role: 'agent', provider: 'chime', meetingId: 'm-call', attendeeId: 'a', joinToken: 't', ...(whisperMeeting && { whisper: seatTicket(whisperMeeting) }) };
    },
    join: async (ticket) => (log.push(`join:${ticket.meetingId}`), fakeSeat(ticket, log)),
  });
  return { seat, log };
}

describe('whisperSeatChange', () => {
  it('joins when a whisper starts, leaves when the last ends, refreshes for another whisper, and ignores listen and barge', () => {
    expect(whisperSeatChange(undefined, 'irina@T1', chime)).toBe('join');
    expect(whisperSeatChange('irina@T1', 'irina@T1', chime)).toBe('none');
    expect(whisperSeatChange('irina@T1', 'irina@T1,oleg@T2', chime)).toBe('refresh');
    expect(whisperSeatChange('irina@T1', undefined, chime)).toBe('leave');
    expect(whisperSeatChange(undefined, undefined, chime)).toBe('none');
  });

  it('does nothing for a local call (one room: the policy routes the whisper) or before the call’s audio is joined', () => {
    expect(whisperSeatChange(undefined, 'irina@T1', local)).toBe('none');
    expect(whisperSeatChange(undefined, 'irina@T1', undefined)).toBe('none');
  });
});

describe('WhisperSeat', () => {
  it('follows pushes: joins the whisper meeting on a fresh ticket, stays for a listen or a second whisperer, leaves when the whisper ends', async () => {
    // Arrange
    let meeting: string | undefined = 'm-whisper-1';
    const { seat, log } = harness(() => meeting);

    // Act: a listen starts (no seat), a whisper starts, a second supervisor whispers too (same meeting), both end
    await seat.follow(call(entry('oleg', 'listen', T1)), chime);
    await seat.follow(call(entry('oleg', 'listen', T1), entry('irina', 'whisper', T2)), chime);
    const joined = seat.current()?.ticket.meetingId;
    await seat.follow(call(entry('oleg', 'whisper', T3), entry('irina', 'whisper', T2)), chime);
    meeting = undefined;
    await seat.follow(call(entry('oleg', 'whisper', T3, T3), entry('irina', 'whisper', T2, T3)), chime);

    // Assert
    expect(joined).toBe('m-whisper-1');
    expect(log).toEqual(['ticket', 'join:m-whisper-1', 'ticket', 'leave:m-whisper-1']);
    expect(seat.current()).toBeUndefined();
  });

  it('moves to the new whisper meeting when a later whisper got one', async () => {
    let meeting = 'm-whisper-1';
    const { seat, log } = harness(() => meeting);
    await seat.follow(call(entry('irina', 'whisper', T1)), chime);

    meeting = 'm-whisper-2';
    await seat.follow(call(entry('irina', 'whisper', T1, T2), entry('irina', 'whisper', T3)), chime);

    expect(log).toEqual(['ticket', 'join:m-whisper-1', 'ticket', 'leave:m-whisper-1', 'join:m-whisper-2']);
  });

  it('asks nothing for a local call, and leaves its seat on hang-up', async () => {
    const { seat, log } = harness(() => 'm-whisper-1');
    await seat.follow(call(entry('irina', 'whisper', T1)), local);
    const localLog = [...log];

    await seat.follow(call(entry('irina', 'whisper', T1)), chime);
    await seat.leave();

    expect(localLog).toEqual([]);
    expect(log).toEqual(['ticket', 'join:m-whisper-1', 'leave:m-whisper-1']);
  });
});
