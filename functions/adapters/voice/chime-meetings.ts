import { ChimeSDKMeetingsClient, CreateAttendeeCommand, CreateMeetingCommand, DeleteMeetingCommand, GetMeetingCommand, NotFoundException } from '@aws-sdk/client-chime-sdk-meetings';
import { createHash } from 'node:crypto';
import type { MeetingPurpose, MeetingRole, MeetingRooms, MeetingTicket } from '@cc/shared/voice/ports';

/** What each role may do with audio: listeners only receive; everyone else talks and hears. */
const AUDIO: Record<MeetingRole, 'SendReceive' | 'Receive'> = { caller: 'SendReceive', agent: 'SendReceive', listen: 'Receive', whisper: 'SendReceive', barge: 'SendReceive' };

/**
 * Call audio on Amazon Chime SDK meetings: one meeting per contact (the request token makes a retried create
 * return the same meeting), one attendee per person and role (the external user id makes a retried join
 * return the same attendee). A whisper gets its own meeting of supervisor and agent (docs/voice.md).
 */
export class ChimeMeetingRooms implements MeetingRooms {
  /** A Chime meeting mixes every sender for every receiver: a whisper to the agent alone needs a meeting of its own. */
  readonly separateWhisperMeeting = true;

  constructor(
    private readonly client: ChimeSDKMeetingsClient,
    private readonly mediaRegion: string,
  ) {}

  async open(tenantId: string, contactId: string, options: { purpose?: MeetingPurpose } = {}) {
    const externalId = meetingExternalId(tenantId, contactId, options.purpose ?? 'call');
    const { Meeting } = await this.client.send(new CreateMeetingCommand({ ClientRequestToken: externalId, ExternalMeetingId: externalId, MediaRegion: this.mediaRegion }));
    if (!Meeting?.MeetingId) throw new Error('CreateMeeting answered no meeting id');
    return { meetingId: Meeting.MeetingId, meeting: Meeting };
  }

  async join(meetingId: string, attendee: { userId: string; role: MeetingRole; receiveOnly?: boolean }): Promise<MeetingTicket> {
    const audio = attendee.receiveOnly ? 'Receive' : AUDIO[attendee.role];
    const { Attendee } = await this.client.send(
      new CreateAttendeeCommand({ MeetingId: meetingId, ExternalUserId: `${attendee.role}:${attendee.userId}`.slice(0, 64), Capabilities: { Audio: audio, Video: 'None', Content: 'None' } }),
    );
    if (!Attendee?.AttendeeId || !Attendee.JoinToken) throw new Error('CreateAttendee answered no join token');
    // amazon-chime-sdk-js needs the meeting's media placement besides the attendee; the telephony side only needs the token.
    const browser = attendee.role !== 'caller';
    const meeting = browser ? (await this.client.send(new GetMeetingCommand({ MeetingId: meetingId }))).Meeting : undefined;
    return { provider: 'chime', meetingId, attendeeId: Attendee.AttendeeId, joinToken: Attendee.JoinToken, ...(meeting && { meeting, attendee: Attendee }) };
  }

  async close(meetingId: string): Promise<void> {
    try {
      await this.client.send(new DeleteMeetingCommand({ MeetingId: meetingId }));
    } catch (error) {
      if (!(error instanceof NotFoundException)) throw error; // already gone: closing is idempotent
    }
  }

  /**
   * Chime finds a meeting only by its id, and CreateMeeting with the contact's request token answers the live one;
   * should it have ended already, the fresh empty meeting this makes is deleted at once.
   */
  async closeFor(tenantId: string, contactId: string, purposes: readonly MeetingPurpose[]): Promise<void> {
    for (const purpose of purposes) await this.close((await this.open(tenantId, contactId, { purpose })).meetingId);
  }
}

/**
 * The meeting's external id, also its request token (so a retried create answers the same meeting): the contact
 * for the call's meeting (cut at the fields' 64 characters, as before), the contact plus `:whisper` for the
 * whisper one, hashed when too long so that a cut can never turn it into the call's own id.
 */
export function meetingExternalId(tenantId: string, contactId: string, purpose: MeetingPurpose): string {
  const call = `${tenantId}:${contactId}`;
  if (purpose === 'call') return call.slice(0, 64);
  const whisper = `${call}:whisper`;
  return whisper.length <= 64 ? whisper : `w:${createHash('sha256').update(whisper).digest('base64url').slice(0, 43)}`;
}
