/**
 * Who hears whom in a call's audio meeting, and what a browser receives to join it. One policy for every
 * provider: the local WebRTC rooms apply it per peer link; Chime SDK meetings apply it with attendee
 * capabilities and a second meeting for whispers (docs/voice.md).
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import type { MeetingRole } from './ports.ts';

/** The roles a console user may ask a ticket for; `caller` tickets go only to the telephony side or the widget. */
export const CONSOLE_AUDIO_ROLES = ['agent', 'listen', 'whisper', 'barge'] as const;
export type ConsoleAudioRole = (typeof CONSOLE_AUDIO_ROLES)[number];
/** Supervision roles: a supervisor stepping into an agent's call. */
export const SUPERVISION_ROLES = ['listen', 'whisper', 'barge'] as const satisfies readonly ConsoleAudioRole[];

export const AudioTicketRequestSchema = lazySchema(() => z.object({ role: z.enum(CONSOLE_AUDIO_ROLES).default('agent') }).strict());
export type AudioTicketRequest = z.infer<typeof AudioTicketRequestSchema>;

/** What a browser needs to join a call's audio. */
export interface AudioTicket {
  contactId: string;
  role: MeetingRole;
  /** `local`: the local server's WebRTC signalling at `signallingPath`; `chime`: an Amazon Chime SDK meeting (amazon-chime-sdk-js). */
  provider: 'local' | 'chime';
  meetingId: string;
  attendeeId: string;
  joinToken: string;
  /** Local: the WebSocket path of the signalling server (`/local/rtc`). */
  signallingPath?: string;
  /** Chime: the CreateMeeting and CreateAttendee answers amazon-chime-sdk-js takes. */
  meeting?: unknown;
  attendee?: unknown;
  /** The client sends no microphone: it only hears (a listener, or a whisperer's seat in the call's own meeting where whispers have a meeting apart). */
  receiveOnly?: boolean;
  /**
   * Where the provider carries whispers in a meeting of their own (Chime): the second seat to join as well. For the
   * whisperer: the seat that speaks to the agent; for the agent while a whisper is on: the seat that hears it (receive only).
   */
  whisper?: Omit<AudioTicket, 'whisper'>;
}

// The policy lives zod-free so the browser can apply it too.
export { audioLink, hears } from './values.ts';
