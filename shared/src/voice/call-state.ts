/**
 * A call as the flow engine sees it: where it is in the flow and what the contact center knows about
 * it. Stored on the call's record in the table (one conditional write per event), so a retried
 * provider invocation finds the state it left.
 */
import type { CallDirection, ConnectTarget, CallEffect, CallEvent, CallLeg, CallStep, RecordingRef, StepType } from './vocabulary.ts';
import type { CallFlow } from './flow-config.ts';

/** Where a call is in its flow. */
export type CallPhase =
  | 'dialing' // outbound (callback): placed by the dialer, not answered yet
  | 'greeting' // greeting (and the recording consent) being said
  | 'menu' // waiting for a menu key
  | 'closed' // the queue is closed: message, then voicemail / callback / goodbye
  | 'queued' // holding in a queue, announcements every period
  | 'callback-confirm' // a callback was requested: confirmation, then hang-up
  | 'connected' // talking to an agent
  | 'on-hold' // the agent put the caller on hold
  | 'survey' // after the agent left: waiting for 1–5
  | 'voicemail' // recording the caller's message
  | 'goodbye' // the last words before hang-up
  | 'ended';

export interface CallState {
  /** The provider's id of the call (the SMA transaction id). */
  callId: string;
  tenantId: string;
  /** The tenant's phone number (E.164) the call came in on, or was placed from. */
  number: string;
  direction: CallDirection;
  /** The customer's number. */
  customer: string;
  phase: CallPhase;
  /** The flow language chosen for this call. */
  language: 'ru' | 'en';
  /** Menu keys chosen so far (first level, then second). */
  menuPath: string[];
  /** Prompts heard in the current menu without a valid key. */
  attempts: number;
  queueId?: string;
  menuChoice?: string;
  /** The call's contact, once enqueued. */
  contactId?: string;
  /** ISO time the caller started holding. */
  enqueuedAt?: string;
  agentId?: string;
  recording: boolean;
  surveyScore?: number;
  voicemail?: RecordingRef;
  /** The step the provider is running now; events for another step are out of date. */
  awaiting?: StepType;
  /** Who ended the call, once it has ended. */
  endedBy?: CallLeg | 'flow';
  /** Events applied so far (the provider's sequence is not trusted to be gapless). */
  events: number;
  /** Where the caller is (or is to be) connected: the agent's leg; kept for resume after hold. */
  target?: ConnectTarget;
  /**
   * The call's contact as the flow last told the contact center: `waiting` after `enqueue-contact`,
   * `connected` once an agent is joined, `done` once it was abandoned, ended or handed over (callback,
   * voicemail, agent left). Decides which effect a hang-up gets, so none is sent twice.
   */
  contactStatus?: 'waiting' | 'connected' | 'done';
  /** The steps of the last answer: re-issued after a failed say (without the voice) or a retried start. */
  lastSteps?: CallStep[];
  /** The hold prompt failed once: holding is spoken from then on. */
  holdBroken?: boolean;
  /** A say failed once: speech goes without the voice id from then on. */
  plainVoice?: boolean;
  /** The step an update's answer replaced: its interruption is expected and answered with no steps. */
  replacedStep?: StepType;
  /**
   * The caller has talked to an agent (a hold or a transfer came after the connect): a failed connect
   * then returns to the agent's hold, never to the queue, and the contact is never abandoned.
   */
  talked?: boolean;
  /** Step failures in a row (reset by a finished step): a provider failing every step ends the call. */
  failures?: number;
  /** The outbound leg rang (a hang-up before the answer is then `no-answer`, not `failed`). */
  rang?: boolean;
}

/** What the engine needs to know of a queue at the moment of the event (loaded by the voice service). */
export interface QueueFacts {
  open: boolean;
  /** Seconds a caller may hold before voicemail, when the queue has no overflow queue of its own. */
  maxWaitSeconds?: number;
  hasOverflow: boolean;
}

/** The moment's facts: time, the tenant's queues, and the caller's place when holding. */
export interface FlowContext {
  now: string;
  queues: Record<string, QueueFacts>;
  /** The caller's place and estimate, the same texts the chats get; absent when unknown. */
  position?: { position: number | null; estimatedWaitSeconds: number | null; text: { ru: string; en: string } };
}

/** One turn of the flow: the steps for the provider, the effects for the contact center, the new state. */
export interface FlowTurn {
  state: CallState;
  steps: CallStep[];
  effects: CallEffect[];
}

/** The engine's signature: pure, total (every event in every phase has an answer), never throws. */
export type FlowEngine = (event: CallEvent, state: CallState | undefined, flow: CallFlow, context: FlowContext, call: { callId: string; tenantId: string }) => FlowTurn;
