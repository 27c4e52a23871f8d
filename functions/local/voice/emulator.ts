/**
 * A local SIP media application: it holds call legs, invokes the voice handler with SMA invocation
 * events and runs the actions it answers, with the service's timeouts, retries, limits and
 * attribute rules. docs/voice-emulator.md lists what it does like the service and what it does not.
 */
import { InvalidRequestError } from '@cc/shared/errors';
import type { CallActivity, CallView, EmulatedCall, EmulatorTiming } from './call-model.ts';
import { actionData, CallEngine } from './call-engine.ts';
import { CallNotFoundError, CallStateError, InvalidPhoneNumberError, ThrottlingError, UnknownNumberError } from './errors.ts';
import { hostFor } from './host.ts';
import { emulatorResponseProblem } from './response-problem.ts';
import type { SmaEvent, SmaParticipant } from './sma-types.ts';

export const E164 = /^\+[1-9]\d{6,14}$/;
export const DIGITS = /^[0-9*#]{1,32}$/;
const MAX_ARGUMENTS = 20;

export interface SmaEmulatorOptions {
  invoke: (event: SmaEvent) => Promise<unknown>;
  /** Which numbers have a SIP rule pointing at this SIP media application. */
  numbers: (e164: string) => boolean;
  /** Why an answer would be refused by the service, or undefined (default: the shared SMA schemas). */
  validate?: (response: unknown) => string | undefined;
  /** Which meeting ids JoinChimeMeeting may join (default: any). */
  meetings?: (meetingId: string) => boolean;
  timing?: Partial<EmulatorTiming>;
  ids?: { transactionId(): string; callId(): string };
  clock?: { now(): number };
  identity?: { awsAccountId?: string; awsRegion?: string; sipMediaApplicationId?: string; sipRuleId?: string };
  /** CreateSipMediaApplicationCall requests per second (the service's default quota is about 1). */
  createCallsPerSecond?: number;
}

export type { EmulatorTiming };

const DEFAULT_TIMING: EmulatorTiming = { responseTimeoutMs: 5000, giveUpMs: 20_000, speechMsPerChar: 60, promptDurationsMs: {}, scale: 1, unansweredTimeoutMs: 30_000 };

/** The emulated SMA service. Every method is safe to call from HTTP routes; errors are typed domain errors. */
export class SmaEmulator {
  readonly timing: EmulatorTiming;
  private readonly calls = new Map<string, EmulatedCall>();
  private readonly engine: CallEngine;
  private readonly clock: { now(): number };
  private readonly ids: { transactionId(): string; callId(): string };
  private readonly rate: number;
  private tokens: number;
  private refilledAt: number;

  constructor(private readonly options: SmaEmulatorOptions) {
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.clock = options.clock ?? { now: () => Date.now() };
    this.ids = options.ids ?? { transactionId: () => crypto.randomUUID(), callId: () => crypto.randomUUID() };
    this.engine = new CallEngine({
      invoke: options.invoke,
      validate: options.validate ?? emulatorResponseProblem,
      meetings: options.meetings ?? (() => true),
      timing: this.timing,
      identity: { awsAccountId: '000000000000', awsRegion: 'us-east-1', sipMediaApplicationId: 'local-sma', sipRuleId: 'local-sip-rule', ...options.identity },
    });
    this.rate = options.createCallsPerSecond ?? 1;
    this.tokens = this.rate;
    this.refilledAt = this.clock.now();
  }

  /**
   * A customer dials `to`: NEW_INBOUND_CALL goes to the handler.
   * @throws InvalidPhoneNumberError for a number that is not E.164; UnknownNumberError when `to` has no SIP rule.
   */
  startInbound({ from, to }: { from: string; to: string }): { callId: string } {
    if (!E164.test(from)) throw new InvalidPhoneNumberError('from', from);
    if (!E164.test(to)) throw new InvalidPhoneNumberError('to', to);
    if (!this.options.numbers(to)) throw new UnknownNumberError(to);
    const call = this.newCall('inbound', { From: from, To: to, Direction: 'Inbound', Status: 'Connected' });
    // The first action to run answers the call; an answer with none ("Action list is empty") leaves it to time out.
    call.unanswered = hostFor(this.engine, call).after(this.timing.unansweredTimeoutMs, () =>
      this.engine.endCall(call, { sipResponseCode: '480', reason: `no answer ran an action within ${this.timing.unansweredTimeoutMs} ms: the call attempt timed out unanswered`, by: 'service' }));
    this.engine.enqueue(call, () => this.engine.converse(call, 'NEW_INBOUND_CALL'));
    return { callId: call.transactionId };
  }

  /**
   * CreateSipMediaApplicationCall: NEW_OUTBOUND_CALL, then RINGING; the callee then answers or rejects.
   * @throws ThrottlingError over the request rate; InvalidPhoneNumberError; InvalidRequestError for a `from` we do not own or bad arguments.
   */
  createCall({ fromPhoneNumber, toPhoneNumber, argumentsMap = {} }: { fromPhoneNumber: string; toPhoneNumber: string; argumentsMap?: Record<string, string> }): { transactionId: string } {
    this.takeCreateToken();
    if (!E164.test(fromPhoneNumber)) throw new InvalidPhoneNumberError('fromPhoneNumber', fromPhoneNumber);
    if (!E164.test(toPhoneNumber)) throw new InvalidPhoneNumberError('toPhoneNumber', toPhoneNumber);
    if (!this.options.numbers(fromPhoneNumber)) throw new InvalidRequestError(`FromPhoneNumber ${fromPhoneNumber} is not a number of this SIP media application`);
    checkArguments(argumentsMap, 'ArgumentsMap');
    const call = this.newCall('outbound', { From: fromPhoneNumber, To: toPhoneNumber, Direction: 'Outbound' });
    this.engine.setState(call, 'dialing');
    this.engine.enqueue(call, async () => {
      await this.engine.converse(call, 'NEW_OUTBOUND_CALL', { ActionData: { Type: 'CallCreateRequest', Parameters: { Arguments: { ...argumentsMap } } } });
      if (call.state === 'ended') return;
      this.engine.setState(call, 'ringing');
      await this.engine.converse(call, 'RINGING');
      if (this.timing.autoAnswerMs !== undefined && call.state === 'ringing') hostFor(this.engine, call).after(this.timing.autoAnswerMs, () => this.tryAnswer(call));
    });
    return { transactionId: call.transactionId };
  }

  /**
   * The outbound callee picks up: CALL_ANSWERED, then the call's actions run.
   * @throws CallNotFoundError; CallStateError when the call is not an outbound call still ringing.
   */
  answer(callId: string): void {
    const call = this.find(callId);
    if (call.direction !== 'outbound' || (call.state !== 'dialing' && call.state !== 'ringing') || call.answering) throw new CallStateError(`Call ${callId} is not ringing`);
    this.tryAnswer(call);
  }

  /**
   * The outbound callee declines (486 busy) or never answers (480): HANGUP goes to the handler.
   * @throws CallNotFoundError; CallStateError when the call is not ringing.
   */
  reject(callId: string, reason: 'busy' | 'no-answer'): void {
    const call = this.find(callId);
    if (call.direction !== 'outbound' || (call.state !== 'dialing' && call.state !== 'ringing') || call.answering) throw new CallStateError(`Call ${callId} is not ringing`);
    call.answering = true;
    const code = reason === 'busy' ? '486' : '480';
    this.engine.enqueue(call, async () => {
      if (call.state === 'ended') return;
      this.engine.endCall(call, { sipResponseCode: code, reason: reason === 'busy' ? 'the callee is busy' : 'the callee did not answer', by: 'callee' });
      await this.engine.converse(call, 'HANGUP', { ActionData: this.engine.hangupData(call, code) });
    });
  }

  /**
   * UpdateSipMediaApplicationCall: CALL_UPDATE_REQUESTED with `args`; the answer's actions replace the running ones.
   * @throws CallNotFoundError for an unknown or finished transaction; InvalidRequestError for bad arguments.
   */
  updateCall(transactionId: string, args: Record<string, string>): { TransactionId: string } {
    const call = this.calls.get(transactionId);
    if (!call || call.state === 'ended') throw new CallNotFoundError(transactionId);
    checkArguments(args, 'Arguments');
    this.engine.enqueue(call, () => this.engine.converse(call, 'CALL_UPDATE_REQUESTED', { ActionData: { Type: 'CallUpdateRequest', Parameters: { Arguments: { ...args } } } }));
    return { TransactionId: transactionId };
  }

  /**
   * The caller presses keys; each reaches the running action (a gather, a terminator of PlayAudio or RecordAudio).
   * @throws InvalidRequestError for keys other than 0-9 * # or more than 32; CallNotFoundError; CallStateError when not connected.
   */
  pressDigits(callId: string, digits: string): void {
    if (!DIGITS.test(digits)) throw new InvalidRequestError('digits must be 1–32 of 0-9 * #');
    const call = this.find(callId);
    if (call.state !== 'connected') throw new CallStateError(`Call ${callId} is ${call.state}, not connected`);
    for (const key of digits) {
      if (call.state !== 'connected') break;
      call.digitsPressed.push(key);
      call.current?.digit(key);
      if (!call.current?.capturesDigits) call.digitListener?.press(key);
    }
  }

  /**
   * The caller hangs up: the running action stops and HANGUP goes to the handler (its answer is ignored on a one-leg call).
   * @throws CallNotFoundError; CallStateError when the call has ended; InvalidRequestError for a leg the call does not have.
   */
  hangUp(callId: string, leg: 'LEG-A' | 'LEG-B' = 'LEG-A'): void {
    const call = this.find(callId);
    if (call.state === 'ended') throw new CallStateError(`Call ${callId} has ended`);
    if (!call.legs.some((l) => l.ParticipantTag === leg)) throw new InvalidRequestError(`Call ${callId} has no ${leg}`);
    // A recording in progress ends with the call and still reports where it went (our reading; see the docs).
    const recording = call.current?.flush ? { action: call.current.action, outcome: call.current.flush() } : undefined;
    this.engine.endCall(call, { sipResponseCode: '0', reason: 'the caller hung up', by: 'caller' });
    if (recording?.outcome.ok) {
      const ActionData = { ...actionData(recording.action), ...recording.outcome.data };
      this.engine.enqueue(call, () => this.engine.converse(call, 'ACTION_SUCCESSFUL', { ActionData }, { afterEnd: true }));
    }
    this.engine.enqueue(call, () => this.engine.converse(call, 'HANGUP', { ActionData: this.engine.hangupData(call, '0') }));
  }

  /** @throws CallNotFoundError */
  get(callId: string): CallView {
    return viewOf(this.find(callId));
  }

  list(): CallView[] {
    return [...this.calls.values()].map(viewOf);
  }

  /** Subscribes to what happens on every call; returns the unsubscribe function. */
  on(listener: (activity: CallActivity) => void): () => void {
    this.engine.listeners.add(listener);
    return () => this.engine.listeners.delete(listener);
  }

  /** Stops every timer (tests, shutdown); calls stay readable. */
  dispose(): void {
    for (const call of this.calls.values()) this.engine.endCall(call, { sipResponseCode: '0', reason: 'the emulator stopped', by: 'service' });
    this.engine.listeners.clear();
  }

  private tryAnswer(call: EmulatedCall): void {
    if (call.answering || call.state === 'ended') return;
    call.answering = true;
    this.engine.enqueue(call, async () => {
      if (call.state === 'ended') return;
      call.legs[0]!.Status = 'Connected';
      this.engine.setState(call, 'connected');
      await this.engine.converse(call, 'CALL_ANSWERED');
    });
  }

  private newCall(direction: 'inbound' | 'outbound', leg: Omit<SmaParticipant, 'CallId' | 'ParticipantTag' | 'StartTimeInMilliseconds'>): EmulatedCall {
    const transactionId = this.ids.transactionId();
    const call: EmulatedCall = {
      transactionId,
      direction,
      state: 'connected',
      legs: [{ CallId: this.ids.callId(), ParticipantTag: 'LEG-A', To: leg.To, From: leg.From, Direction: leg.Direction, StartTimeInMilliseconds: String(this.clock.now()), ...(leg.Status ? { Status: leg.Status } : {}) }],
      sequence: 0,
      invocations: 0,
      events: [],
      responses: [],
      heard: [],
      digitsPressed: [],
      unmatchedDigits: [],
      recording: false,
      recordings: [],
      pending: [],
      chain: Promise.resolve(),
      timers: new Set(),
      recordingCounter: 0,
    };
    this.calls.set(transactionId, call);
    return call;
  }

  private find(callId: string): EmulatedCall {
    const call = this.calls.get(callId);
    if (!call) throw new CallNotFoundError(callId);
    return call;
  }

  private takeCreateToken(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.rate, this.tokens + ((now - this.refilledAt) * this.rate) / 1000);
    this.refilledAt = now;
    if (this.tokens < 1) throw new ThrottlingError(Math.max(1, Math.ceil((1 - this.tokens) / this.rate)));
    this.tokens -= 1;
  }
}


function checkArguments(args: Record<string, string>, field: string): void {
  const entries = Object.entries(args ?? {});
  if (entries.length > MAX_ARGUMENTS) throw new InvalidRequestError(`${field} has ${entries.length} pairs; at most ${MAX_ARGUMENTS}`);
  if (entries.some(([, value]) => typeof value !== 'string')) throw new InvalidRequestError(`${field} values must be strings`);
}

function viewOf(call: EmulatedCall): CallView {
  return structuredClone({
    callId: call.transactionId,
    direction: call.direction,
    state: call.state,
    legs: call.legs,
    ...(call.attributes ? { transactionAttributes: call.attributes } : {}),
    events: call.events,
    responses: call.responses,
    heard: call.heard,
    digitsPressed: call.digitsPressed,
    unmatchedDigits: call.unmatchedDigits,
    ...(call.current ? { currentAction: call.current.action.Type } : {}),
    pendingActions: call.pending.map((a) => a.Type),
    recording: call.recording,
    recordings: call.recordings,
    ...(call.meetingId ? { meetingId: call.meetingId } : {}),
    ...(call.meeting ? { meeting: call.meeting } : {}),
    invocations: call.invocations,
    ...(call.ended ? { ended: call.ended } : {}),
  });
}
