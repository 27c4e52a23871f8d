// The provider-neutral call vocabulary: what a telephony provider tells the call flow (events) and
// what the flow asks of it (steps), plus what the flow asks of the contact center itself (effects).
// Zod-free on purpose: the flow engine, every telephony adapter (the SMA today, another provider
// later) and the console's types speak only this. docs/voice.md describes each term.

/** A call's side: the customer's leg, or the agent's (a bridged or meeting leg). */
export type CallLeg = 'caller' | 'agent';
export type CallDirection = 'inbound' | 'outbound';
/** Languages a flow can speak; Russian first. */
export type FlowLanguage = 'ru' | 'en';

/** How an outbound (callback) dial ended: the contact center records it and applies its retry rules. */
export type DialResult = 'answered' | 'busy' | 'no-answer' | 'failed';

/** What answered a finished recording: where the audio lives and how long it is. */
export interface RecordingRef {
  /** Provider-neutral location: an S3 key in AWS, a file under `.data/` locally. */
  location: string;
  durationSeconds?: number;
}

/** Why a call's flow is asked to change from outside (the contact center, through the telephony port). */
export type UpdateReason =
  /** Routing connected an agent: join the caller to `meeting`. */
  | 'agent-connected'
  /** The agent ended the conversation (or left the meeting): the flow goes on with the survey or goodbye. */
  | 'agent-left'
  /** The waiting contact is gone from the queue (a supervisor removed it, or overflow had nowhere to go). */
  | 'removed-from-queue'
  /** The agent put the caller on hold, or took them back. */
  | 'hold'
  | 'resume';

/** Where the caller is connected: an audio meeting (Chime SDK meeting in AWS, a WebRTC room locally), a SIP URI or a phone number. */
export type ConnectTarget =
  | { kind: 'meeting'; meetingId: string; joinToken: string }
  | { kind: 'sip'; uri: string }
  | { kind: 'phone'; e164: string };

/** Everything a provider can tell the flow. `step` names the step that finished, failed or was cut short. */
export type CallEvent =
  | { type: 'call-started'; direction: CallDirection; from: string; to: string }
  /** The outbound leg rings at the customer's end. */
  | { type: 'ringing' }
  /** The outbound leg was answered. */
  | { type: 'answered' }
  /** Keys pressed outside a gather step (the provider's digit listener). */
  | { type: 'digits'; digits: string }
  /** A step finished; a gather step reports its digits (`''` when the caller pressed nothing). */
  | { type: 'step-done'; step: StepType; digits?: string; recording?: RecordingRef }
  | { type: 'step-failed'; step: StepType; error: string; message?: string }
  /** A step was cut short (an update replaced it, or the provider stopped it). */
  | { type: 'step-interrupted'; step?: StepType }
  /**
   * A leg hung up. `cause` tells an outbound leg that never answered why (busy, no answer, failed);
   * `recording` carries a voicemail the provider finished when the caller hung up during `record`.
   */
  | { type: 'hang-up'; leg: CallLeg; cause?: Exclude<DialResult, 'answered'>; recording?: RecordingRef }
  | { type: 'update-requested'; reason: UpdateReason; agentId?: string; target?: ConnectTarget }
  /** The provider refused our last answer (its own validation); the flow must recover or end politely. */
  | { type: 'invalid-response'; error: string };
export type CallEventType = CallEvent['type'];

/** A spoken text: always in the flow's language, with an optional provider voice. */
export interface Speech {
  text: string;
  language: FlowLanguage;
  /** Provider voice id; absent: the adapter's default for the language (Tatyana for ru-RU on Polly). */
  voice?: string;
}

/** A stored audio prompt of the tenant (hold music, a recorded greeting). */
export type PromptId = string;

/** Everything the flow can ask of a provider. Each step finishes with `step-done`, `step-failed` or `step-interrupted`. */
export type CallStep =
  | { type: 'say'; speech: Speech }
  | { type: 'play'; prompt: PromptId; repeat?: number }
  /** Speak or play, then collect between `minDigits` and `maxDigits` keys; one attempt (the flow counts retries). */
  | { type: 'gather'; speech?: Speech; prompt?: PromptId; minDigits: number; maxDigits: number; timeoutMs: number; validDigits?: string }
  /** Hold in a queue: the hold prompt plays for one announcement period, then `step-done` (or digits, for the callback offer). */
  | { type: 'enqueue'; queueId: string; holdPrompt: PromptId; periodSeconds: number; acceptDigits?: string }
  | { type: 'connect'; target: ConnectTarget }
  /** Record the caller alone (voicemail), up to `maxSeconds`, ending on `silenceSeconds` of silence. */
  | { type: 'record'; maxSeconds: number; silenceSeconds: number }
  | { type: 'start-recording'; track: 'both' | 'caller' | 'agent' }
  | { type: 'stop-recording' }
  | { type: 'pause'; ms: number }
  | { type: 'hang-up'; cause?: 'normal' | 'busy' | 'unavailable' };
export type StepType = CallStep['type'];

/** What the flow asks of the contact center (not of the provider); the voice service carries these out. */
export type CallEffect =
  /** Create the call's `voice` contact in this queue (idempotent per call). */
  | { type: 'enqueue-contact'; queueId: string; menuChoice?: string }
  /** The caller left before an agent answered: an abandoned contact with its wait time. */
  | { type: 'abandon-contact'; reason: string }
  /** The caller hung up while connected: the conversation ends. */
  | { type: 'end-contact'; reason: string }
  /** "Press 1 and we will call you back": a callback contact takes the caller's place. */
  | { type: 'request-callback'; phone: string; queueId?: string }
  /** A voicemail was left: a callback contact with the recording, in the queue's place. */
  | { type: 'store-voicemail'; phone: string; queueId: string; recording: RecordingRef }
  /** The post-call survey was put to the caller (counted as a survey sent); `nps` when the 0–10 question follows. */
  | { type: 'survey-asked'; nps: boolean }
  /** The post-call survey answer: the 1–5 score, and the 0–10 NPS answer when it was asked and given. */
  | { type: 'store-survey'; score: number; nps?: number }
  /** Recording started (with consent) or stopped, for the contact's record. */
  | { type: 'recording-changed'; recording: boolean }
  /** An outbound (callback) dial ended: answered, or why not. */
  | { type: 'dial-result'; result: DialResult }
  /** Something the flow could not place; logged and reported, the caller still hears a polite answer. */
  | { type: 'report'; problem: string };
export type CallEffectType = CallEffect['type'];
