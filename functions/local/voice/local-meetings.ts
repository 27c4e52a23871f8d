import { randomBytes, randomUUID } from 'node:crypto';
import type { MeetingRole, MeetingRooms, MeetingTicket } from '@cc/shared/voice/ports';

export interface LocalAttendee extends Omit<MeetingTicket, 'provider'> {
  userId: string;
  role: MeetingRole;
}

/**
 * Local call audio rooms, the stand-in for Chime SDK meetings: one room per contact, one ticket per person and
 * role. The local WebRTC signalling admits a browser only with a ticket's token, so rooms are as closed as meetings.
 */
export class LocalMeetingRooms implements MeetingRooms {
  /** The signalling links attendees pair by pair by `hears`, so a whisper happens in the call's one room (any `purpose` opens it). */
  readonly separateWhisperMeeting = false;
  private readonly byContact = new Map<string, string>();
  private readonly rooms = new Map<string, { tenantId: string; contactId: string; attendees: Map<string, LocalAttendee> }>();
  private readonly closeListeners = new Set<(meetingId: string) => void>();

  async open(tenantId: string, contactId: string) {
    const key = `${tenantId}:${contactId}`;
    let meetingId = this.byContact.get(key);
    if (!meetingId || !this.rooms.has(meetingId)) {
      meetingId = randomUUID();
      this.byContact.set(key, meetingId);
      this.rooms.set(meetingId, { tenantId, contactId, attendees: new Map() });
    }
    return { meetingId };
  }

  async join(meetingId: string, attendee: { userId: string; role: MeetingRole }): Promise<MeetingTicket> {
    const room = this.rooms.get(meetingId);
    if (!room) throw new Error(`No local meeting ${meetingId}`);
    const key = `${attendee.role}:${attendee.userId}`;
    const existing = room.attendees.get(key);
    if (existing) return ticketOf(existing);
    const created: LocalAttendee = { meetingId, attendeeId: randomUUID(), joinToken: randomBytes(24).toString('base64url'), ...attendee };
    room.attendees.set(key, created);
    return ticketOf(created);
  }

  async close(meetingId: string): Promise<void> {
    const room = this.rooms.get(meetingId);
    if (!room) return;
    this.rooms.delete(meetingId);
    this.byContact.delete(`${room.tenantId}:${room.contactId}`);
    for (const listener of this.closeListeners) listener(meetingId);
  }

  /** The contact's one room, whatever the purposes; never opens one just to close it. */
  async closeFor(tenantId: string, contactId: string): Promise<void> {
    const meetingId = this.byContact.get(`${tenantId}:${contactId}`);
    if (meetingId) await this.close(meetingId);
  }

  /** Tells `listener` each room that closes (the signalling then drops its sockets). @returns unsubscribe */
  onClose(listener: (meetingId: string) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  has(meetingId: string): boolean {
    return this.rooms.has(meetingId);
  }

  /** The attendee a token admits, for the signalling server; `undefined` for an unknown or closed room. */
  admit(meetingId: string, joinToken: string): LocalAttendee | undefined {
    return [...(this.rooms.get(meetingId)?.attendees.values() ?? [])].find((a) => a.joinToken === joinToken);
  }
}

/** Where browsers meet: the WebSocket of the local server's signalling (functions/local/voice/rtc-signalling.ts). */
export const LOCAL_SIGNALLING_PATH = '/local/rtc';

const ticketOf = (a: LocalAttendee): MeetingTicket => ({ provider: 'local', meetingId: a.meetingId, attendeeId: a.attendeeId, joinToken: a.joinToken, meeting: { signallingPath: LOCAL_SIGNALLING_PATH } });
