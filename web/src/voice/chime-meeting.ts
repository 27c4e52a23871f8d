/**
 * What the Chime SDK client decides without the SDK: which parts of a ticket it joins with, who a meeting attendee
 * is, what a stopped session means for the call and how much audio arrived. Kept apart so it is tested in Node.
 */
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import type { MeetingRole } from '@cc/shared/voice/ports';
import type { CallAudioState, ReceivedAudio } from './call-audio.ts';

const ROLES: readonly MeetingRole[] = ['caller', 'agent', 'listen', 'whisper', 'barge'];

/**
 * The CreateMeeting and CreateAttendee answers a Chime ticket carries, for `MeetingSessionConfiguration`.
 * @throws Error for a ticket of another provider or one missing either answer
 */
export function chimeJoinInfo(ticket: AudioTicket): { meeting: object; attendee: object } {
  if (ticket.provider !== 'chime') throw new Error(`A ${ticket.provider} ticket is not a Chime SDK meeting`);
  const { meeting, attendee } = ticket;
  if (typeof meeting !== 'object' || meeting === null || typeof attendee !== 'object' || attendee === null) throw new Error('The Chime ticket lacks its meeting or attendee');
  return { meeting, attendee };
}

/**
 * An attendee's role from its external user id (`<role>:<userId>`, as the meetings adapter creates attendees). The
 * phone caller is seated by the telephony side; any id without a known role prefix is taken as the caller.
 */
export function roleOfAttendee(externalUserId: string | undefined): MeetingRole {
  const prefix = externalUserId?.split(':', 1)[0];
  return ROLES.find((role) => role === prefix) ?? 'caller';
}

/**
 * The call's state once the SDK stopped the session: `ended` when we left or the meeting is over, `failed` for a
 * terminal failure, `reconnecting` while the SDK still retries.
 */
export function stateOnStop(status: { isTerminal(): boolean; isFailure(): boolean }, leaving: boolean): CallAudioState {
  if (leaving) return 'ended';
  if (!status.isTerminal()) return 'reconnecting';
  return status.isFailure() ? 'failed' : 'ended';
}

/** Audio received over every inbound audio stream of a peer connection's stats. */
export function receivedAudioOf(report: { forEach(callback: (stat: { type: string; kind?: string; packetsReceived?: number; totalAudioEnergy?: number }) => void): void }): ReceivedAudio {
  let packets = 0;
  let energy = 0;
  report.forEach((stat) => {
    if (stat.type !== 'inbound-rtp' || stat.kind !== 'audio') return;
    packets += stat.packetsReceived ?? 0;
    energy += stat.totalAudioEnergy ?? 0;
  });
  return { packets, energy };
}
