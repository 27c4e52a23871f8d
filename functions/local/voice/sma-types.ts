/**
 * The emulator's own view of the SMA wire format: just enough structure to build invocation events
 * and read the handler's answers. The full zod schemas live in `@cc/shared/voice/sma/*`; these types
 * stay loose on purpose, because the emulator must also hold (and refuse) answers that break them.
 */

/** One action as the handler returned it; `Parameters` stays a plain record. */
export interface SmaAction {
  Type: string;
  Parameters?: Record<string, unknown>;
}

/** A handler's answer to one invocation. `Actions` null/absent keeps the running list. */
export interface SmaResponse {
  SchemaVersion: string;
  Actions?: SmaAction[] | null;
  TransactionAttributes?: Record<string, string>;
}

export type ParticipantTag = 'LEG-A' | 'LEG-B';

/** One call leg as it appears in `CallDetails.Participants`. */
export interface SmaParticipant {
  CallId: string;
  ParticipantTag: ParticipantTag;
  To: string;
  From: string;
  Direction: 'Inbound' | 'Outbound';
  StartTimeInMilliseconds: string;
  Status?: 'Connected' | 'Disconnected';
}

export type SmaEventType =
  | 'NEW_INBOUND_CALL'
  | 'NEW_OUTBOUND_CALL'
  | 'ACTION_SUCCESSFUL'
  | 'ACTION_FAILED'
  | 'ACTION_INTERRUPTED'
  | 'HANGUP'
  | 'CALL_ANSWERED'
  | 'INVALID_LAMBDA_RESPONSE'
  | 'DIGITS_RECEIVED'
  | 'CALL_UPDATE_REQUESTED'
  | 'RINGING';

/** An invocation event as the emulator sends it to the handler. */
export interface SmaEvent {
  SchemaVersion: '1.0';
  Sequence: number;
  InvocationEventType: SmaEventType;
  ActionData?: Record<string, unknown>;
  CallDetails: {
    TransactionId: string;
    TransactionAttributes?: Record<string, string>;
    AwsAccountId: string;
    AwsRegion: string;
    SipRuleId?: string;
    SipMediaApplicationId: string;
    Participants: SmaParticipant[];
  };
  /** Only on INVALID_LAMBDA_RESPONSE: why the last answer was refused. */
  ErrorType?: string;
  ErrorMessage?: string;
}

/** Action types the emulator knows how to run (others are refused by validation or fail). */
export const KNOWN_ACTION_TYPES = [
  'CallAndBridge',
  'Hangup',
  'JoinChimeMeeting',
  'ModifyChimeMeetingAttendees',
  'Pause',
  'PauseCallRecording',
  'PlayAudio',
  'PlayAudioAndGetDigits',
  'ReceiveDigits',
  'RecordAudio',
  'ResumeCallRecording',
  'SendDigits',
  'Speak',
  'SpeakAndGetDigits',
  'StartBotConversation',
  'StartCallRecording',
  'StopCallRecording',
  'VoiceFocus',
] as const;
