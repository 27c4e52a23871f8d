/**
 * A call's audio in the browser, whatever carries it: the local server's WebRTC rooms (`local-rtc.ts`) or an
 * Amazon Chime SDK meeting (`chime-audio.ts`, loaded only when a ticket asks for it; `join-call-audio.ts` picks one). The softphone, the
 * supervisor's listen/whisper/barge, the local phone page and the widget's call button all speak this interface.
 */
import type { AudioTicket } from '@cc/shared/voice/call-audio';
import type { MeetingRole } from '@cc/shared/voice/ports';

export type CallAudioState = 'connecting' | 'connected' | 'reconnecting' | 'ended' | 'failed';

export interface CallAudioOptions {
  /** The microphone to send; asked from `getUserMedia` when absent (a listener sends none). */
  microphone?: MediaStream;
  /** Where the API and the signalling live; the page's own origin when absent. */
  baseUrl?: string;
}

export interface ReceivedAudio {
  /** Audio packets received over every remote stream. */
  packets: number;
  /** Total audio energy received (WebRTC `totalAudioEnergy`), so silence can be told from sound. */
  energy: number;
}

export interface CallAudio {
  readonly ticket: AudioTicket;
  state(): CallAudioState;
  /** @returns unsubscribe */
  onStateChange(listener: (state: CallAudioState) => void): () => void;
  /** Who else is in the call's audio now. */
  peers(): { attendeeId: string; role: MeetingRole }[];
  /** @returns unsubscribe */
  onPeersChange(listener: (peers: { attendeeId: string; role: MeetingRole }[]) => void): () => void;
  /** Stops sending the microphone; the others hear silence. */
  setMuted(muted: boolean): void;
  /** On hold the others hear the hold music instead of the microphone, and the remote audio is not played here. */
  setOnHold(onHold: boolean): void;
  /** Plays keypad tones (0-9, *, #) into the call, as a phone's keypad does. */
  sendTones(digits: string): void;
  /** The level of the remote audio now (0–1), for a meter. */
  remoteLevel(): number;
  receivedAudio(): Promise<ReceivedAudio>;
  /** The others' audio as one stream, once it arrives (Chime: the meeting's mixed audio), for transcribing the call. */
  remoteStream?(): MediaStream | undefined;
  leave(): Promise<void>;
}
