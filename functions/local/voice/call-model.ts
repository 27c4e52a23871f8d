/** What the emulator keeps and shows about one call: its state, legs, the wire log and what the caller heard. */
import type { SmaAction, SmaEvent, SmaParticipant, SmaResponse } from './sma-types.ts';

export type CallState = 'dialing' | 'ringing' | 'connected' | 'ended';

/** One thing the caller's phone played or asked for, in order. */
export type HeardItem =
  | { kind: 'speech'; text: string; language?: string; voice?: string; ssml: boolean }
  | { kind: 'prompt'; key: string; bucket?: string; repeat: number }
  | { kind: 'gather'; action: 'SpeakAndGetDigits' | 'PlayAudioAndGetDigits'; attempt: number; minDigits: number; maxDigits: number }
  | { kind: 'recording-prompt'; durationSeconds: number };

/** One invocation sent to the handler (a retry is a second entry with the same Sequence). */
export interface SentEvent {
  sequence: number;
  type: SmaEvent['InvocationEventType'];
  attempt: number;
  event: SmaEvent;
  /** Why this attempt brought no usable answer (timeout, error), when it did not. */
  failure?: string;
}

/** One answer the handler gave, and whether the emulator refused or ignored it. */
export interface ReceivedResponse {
  sequence: number;
  response: unknown;
  problem?: string;
  ignored?: boolean;
}

/** A snapshot of one call, as `get()` and `GET /local/voice/calls/:id` show it. */
export interface CallView {
  callId: string;
  direction: 'inbound' | 'outbound';
  state: CallState;
  legs: SmaParticipant[];
  transactionAttributes?: Record<string, string>;
  events: SentEvent[];
  responses: ReceivedResponse[];
  heard: HeardItem[];
  digitsPressed: string[];
  /** Key sequences a ReceiveDigits listener checked and dropped (no match). */
  unmatchedDigits: string[];
  currentAction?: string;
  pendingActions: string[];
  recording: boolean;
  recordings: { bucket: string; key: string }[];
  meetingId?: string;
  /** The meeting and the caller's token from JoinChimeMeeting: what the local phone page joins the audio with. */
  meeting?: { meetingId: string; joinToken: string };
  invocations: number;
  ended?: { sipResponseCode: string; reason: string; by: 'caller' | 'application' | 'service' | 'callee' };
}

/** What a listener hears about calls as they go (the phone page and the console subscribe). */
export type CallActivity =
  | { callId: string; type: 'state'; state: CallState }
  | { callId: string; type: 'heard'; item: HeardItem }
  | { callId: string; type: 'recording'; on: boolean }
  | { callId: string; type: 'meeting-joined'; meetingId: string }
  | { callId: string; type: 'event-sent'; sequence: number; eventType: string }
  | { callId: string; type: 'ended'; sipResponseCode: string; reason: string };

/** What an action produced: results merged into `ActionData`, or the failure's type and message. */
export type ActionOutcome = { ok: true; data?: Record<string, unknown> } | { ok: false; errorType: string; errorMessage: string };

/** The call's side the running actions need; the emulator implements it per call. */
export interface ActionHost {
  legCallId: string;
  speechMsPerChar: number;
  scale: number;
  promptDurationMs(key: string): number | undefined;
  meetingExists(meetingId: string): boolean;
  after(ms: number, fn: () => void): () => void;
  heard(item: HeardItem): void;
  setRecording(on: boolean): void;
  joinedMeeting(meetingId: string, joinToken: string): void;
  /** Names (and notes) the object a finished RecordAudio would have written; no audio is written locally. */
  recordingKey(bucket: string, prefix: string): string;
  /** Where StartCallRecording's file would go: bucket/prefix/yyyy/mm/dd/<time>_<transaction>_<call>.wav. */
  callRecordingLocation(location: string): string;
  hangUpByApplication(sipResponseCode: string, action: SmaAction): void;
  /** ReceiveDigits: replaces the call's digit listener. */
  listenForDigits(action: SmaAction): void;
}

/** The call's ReceiveDigits listener (`digit-listener.ts`). */
export interface DigitListener {
  press(key: string): void;
  stop(): void;
}

/** An action in progress: digits reach it; `stop` cancels it without an outcome. */
export interface RunningAction {
  action: SmaAction;
  interruptible: boolean;
  /** Reports ACTION_SUCCESSFUL on its own, even when more actions follow it. */
  reportsAlways: boolean;
  /** Keys go to this action only (a gather collecting, a recording), not to the ReceiveDigits listener. */
  capturesDigits?: boolean;
  digit(key: string): void;
  stop(): void;
  /** RecordAudio when the caller hangs up: stops and gives the outcome it ends with. */
  flush?(): ActionOutcome;
}

export interface EmulatorTiming {
  /** How long the SMA waits for one invocation before sending it again (the service: 5 s). */
  responseTimeoutMs: number;
  /** With no valid answer after this long, the call is hung up with 480 (the service: 20 s). */
  giveUpMs: number;
  speechMsPerChar: number;
  /** Length of each prompt by its S3 key; a key not listed is an audio file the SMA cannot read. */
  promptDurationsMs: Record<string, number>;
  /** Multiplies every simulated duration (0.01 makes a 10 s prompt last 100 ms). */
  scale: number;
  /** Outbound callees answer by themselves after this long; undefined waits for `answer()`. */
  autoAnswerMs?: number;
  /** An inbound call none of whose answers ran an action is given up after this long (the service: 30 s). */
  unansweredTimeoutMs: number;
}

/** A running action, and whether a newer action list already replaced it (it then ends unreported). */
export type Running = RunningAction & { superseded?: boolean };

/** The emulator's whole record of one call; `CallView` is its public snapshot. */
export interface EmulatedCall {
  transactionId: string;
  direction: 'inbound' | 'outbound';
  state: CallState;
  legs: SmaParticipant[];
  attributes?: Record<string, string>;
  sequence: number;
  invocations: number;
  events: SentEvent[];
  responses: ReceivedResponse[];
  heard: CallView['heard'];
  digitsPressed: string[];
  unmatchedDigits: string[];
  recording: boolean;
  recordings: CallView['recordings'];
  meetingId?: string;
  meeting?: CallView['meeting'];
  ended?: CallView['ended'];
  pending: SmaAction[];
  current?: Running;
  digitListener?: DigitListener;
  answering?: boolean;
  /** Cancels the give-up timer of an inbound call while no action of it has run yet (the call is not answered). */
  unanswered?: () => void;
  chain: Promise<void>;
  timers: Set<ReturnType<typeof setTimeout>>;
  recordingCounter: number;
}

export type { SmaResponse };
