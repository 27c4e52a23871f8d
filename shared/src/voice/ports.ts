/** The voice side's ports: call records, the telephony provider's call control, audio meetings and flow storage. */
import type { MeetingRole } from './values.ts';
import type { CallState } from './call-state.ts';
import type { CallFlow } from './flow-config.ts';
import type { StreamingCredentials, TranscriptSegment } from './values.ts';
import type { CallEffect, CallStep, ConnectTarget, UpdateReason } from './vocabulary.ts';

/** A call's record: the flow state plus what makes a retried provider invocation harmless. */
export interface StoredCall {
  state: CallState;
  /** The provider's sequence number of the last event applied. */
  lastSequence: number;
  /** The steps answered to that event, answered again when the provider retries it. */
  lastSteps: CallStep[];
  /** The effects of that event, carried out again on a retry (each is idempotent), so a crash after the write loses none. */
  lastEffects: CallEffect[];
  updatedAt: string;
  /** Optimistic-concurrency version; every write is conditional on it. */
  version: number;
}

/**
 * A call's record as a provider may carry it from one invocation to the next (the SMA's transaction attributes):
 * all but the last effects, which only a retry of that event needs (it reads the stored record).
 */
export type CarriedCall = Omit<StoredCall, 'lastEffects'>;

/** A conditional write of a call's record that rides in another write (the transaction creating the call's contact). */
export interface CallRecordWrite {
  record: StoredCall;
  /** The version the stored record must still have; undefined: it must not exist yet. */
  expectedVersion: number | undefined;
}

export interface CallRepository {
  get(tenantId: string, callId: string): Promise<StoredCall | undefined>;
  /**
   * Creates (`expectedVersion` undefined) or replaces the record if its stored version is still `expectedVersion`.
   * @throws CallChangedError when another invocation got there first (with the stored record when the store returns it).
   */
  save(call: StoredCall, expectedVersion: number | undefined): Promise<void>;
  /** The call flow of one of the tenant's numbers; absent: not configured. */
  getFlow(tenantId: string, number: string): Promise<CallFlow | undefined>;
  putFlow(tenantId: string, number: string, flow: CallFlow): Promise<void>;
}

/** Asks the telephony provider to act on a live call (AWS: `UpdateSipMediaApplicationCall`; locally: the emulator). */
export interface CallControl {
  /** The provider then invokes the flow with `update-requested`. @throws NotFoundError when the call is gone */
  updateCall(callId: string, update: { reason: UpdateReason; agentId?: string; target?: ConnectTarget }): Promise<void>;
  /** Places an outbound call from one of the tenant's numbers (callbacks); the provider then invokes the flow. @throws RateLimitedError over the provider's call rate */
  placeCall(request: { from: string; to: string; tenantId: string; contactId: string }): Promise<{ callId: string }>;
}

/** Who joins a call's audio meeting, and with which rights. */
export type { MeetingRole } from './values.ts';

/** One attendee's ticket to a meeting: what its client needs to join. */
export interface MeetingTicket {
  meetingId: string;
  attendeeId: string;
  /** The provider's join token (Chime SDK attendee join token; a signed room token locally). */
  joinToken: string;
  /** Which client joins it: the local WebRTC signalling, or amazon-chime-sdk-js. */
  provider: 'local' | 'chime';
  /** What the client library needs besides the token (the Chime SDK CreateMeeting answer; locally the signalling path), opaque here. */
  meeting?: unknown;
  /** The Chime SDK CreateAttendee answer, for amazon-chime-sdk-js. */
  attendee?: unknown;
}

/** What a contact's meeting is for: the call itself, or a supervisor's whisper to the agent (where the provider needs one apart). */
export type MeetingPurpose = 'call' | 'whisper';

/** Audio meetings for calls: Amazon Chime SDK meetings in AWS, WebRTC rooms locally. */
export interface MeetingRooms {
  /**
   * Whether a whisper needs a meeting of its own. `false`: the room routes audio per attendee pair by `hears`
   * (local rooms), so the whisperer sits in the call's meeting. `true`: every sender reaches every receiver
   * (Chime SDK), so the whisperer only listens in the call's meeting and speaks in a whisper meeting the agent hears.
   */
  readonly separateWhisperMeeting: boolean;
  /** The contact's meeting for `purpose` (default `call`), created on first use (idempotent per contact and purpose). */
  open(tenantId: string, contactId: string, options?: { purpose?: MeetingPurpose }): Promise<{ meetingId: string; meeting?: unknown }>;
  /** Seats an attendee; `receiveOnly` seats it without sending rights whatever its role (the agent in a whisper meeting). */
  join(meetingId: string, attendee: { userId: string; role: MeetingRole; receiveOnly?: boolean }): Promise<MeetingTicket>;
  close(meetingId: string): Promise<void>;
  /**
   * Closes the contact's meetings of these purposes once its conversation is over, so nobody stays seated in a
   * dead call; a meeting already gone is no error.
   */
  closeFor(tenantId: string, contactId: string, purposes: readonly MeetingPurpose[]): Promise<void>;
}

/**
 * Vends the agent's browser short-lived credentials for Amazon Transcribe streaming of one call (AWS: STS
 * AssumeRole with a session policy allowing only the streaming actions). Absent where calls are not transcribed
 * in the browser (locally the scripted caller feeds transcripts).
 */
export interface StreamingCredentialIssuer {
  /** The region the credentials are for (where the browser streams). */
  readonly region: string;
  /** @throws Error when the provider refuses (the HTTP layer answers 500 with a correlation id) */
  issue(session: { tenantId: string; contactId: string; userId: string }): Promise<StreamingCredentials>;
}

/** A call's transcript, segment by segment, stored beside its contact. */
export interface TranscriptRepository {
  /**
   * Stores each segment unless the stored one wins under `replacesSegment` (a partial never overwrites a final;
   * a repeated final changes nothing), by conditional writes, so concurrent and repeated appends are harmless.
   * @returns the segments that were written
   */
  append(tenantId: string, contactId: string, segments: readonly TranscriptSegment[]): Promise<TranscriptSegment[]>;
  /** The contact's segments in display order (`compareSegments`); none: an empty list. */
  list(tenantId: string, contactId: string): Promise<TranscriptSegment[]>;
}
