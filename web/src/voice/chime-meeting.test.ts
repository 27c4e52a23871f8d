import { describe, expect, it } from 'vitest';
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import { chimeJoinInfo, receivedAudioOf, roleOfAttendee, stateOnStop } from './chime-meeting.ts';

const ticket: AudioTicket = {
  contactId: 'c1', role: 'agent', provider: 'chime', meetingId: 'm-1', attendeeId: 'a-1', joinToken: 'jt',
  meeting: { MeetingId: 'm-1', MediaPlacement: { AudioHostUrl: 'audio.example:3478', SignalingUrl: 'wss://signal.example/control' } },
  attendee: { AttendeeId: 'a-1', ExternalUserId: 'agent:anna', JoinToken: 'jt' },
};
const status = (terminal: boolean, failure: boolean) => ({ isTerminal: () => terminal, isFailure: () => failure });

describe('the Chime SDK client’s decisions', () => {
  it('joins with the meeting and attendee the ticket carries, and refuses a ticket without them', () => {
    expect(chimeJoinInfo(ticket)).toEqual({ meeting: ticket.meeting, attendee: ticket.attendee });
    expect(() => chimeJoinInfo({ ...ticket, attendee: undefined })).toThrow(/attendee/);
    expect(() => chimeJoinInfo({ ...ticket, provider: 'local' })).toThrow(/local/);
  });

  it('reads an attendee’s role from its external user id, the phone caller by default', () => {
    expect(['agent:anna', 'listen:sup', 'whisper:sup', 'barge:sup', 'caller:+79161234567', undefined, 'sip-leg-1'].map(roleOfAttendee)).toEqual(['agent', 'listen', 'whisper', 'barge', 'caller', 'caller', 'caller']);
  });

  it('ends the call when we left or the meeting ended, fails it on a terminal failure, reconnects otherwise', () => {
    expect(stateOnStop(status(true, true), true)).toBe('ended');
    expect(stateOnStop(status(true, false), false)).toBe('ended');
    expect(stateOnStop(status(true, true), false)).toBe('failed');
    expect(stateOnStop(status(false, true), false)).toBe('reconnecting');
  });

  it('sums the audio received over inbound audio streams only', () => {
    const stats = [
      { type: 'inbound-rtp', kind: 'audio', packetsReceived: 100, totalAudioEnergy: 0.5 },
      { type: 'inbound-rtp', kind: 'audio', packetsReceived: 20 },
      { type: 'inbound-rtp', kind: 'video', packetsReceived: 900, totalAudioEnergy: 9 },
      { type: 'outbound-rtp', kind: 'audio', packetsReceived: 7 },
    ];
    expect(receivedAudioOf(stats)).toEqual({ packets: 120, energy: 0.5 });
  });
});
