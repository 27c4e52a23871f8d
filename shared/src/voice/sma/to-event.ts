/**
 * SMA invocation event → the neutral CallEvent the flow engine reads. The SMA echoes the action it
 * ran, not our step, so the step we were waiting for travels in a transaction attribute written by
 * `toSmaResponse` (PlayAudioAndGetDigits can be a `gather` or an `enqueue`).
 */
import type { CarriedCall } from '../ports.ts';
import type { CallDirection, CallEvent, ConnectTarget, RecordingRef, StepType, UpdateReason } from '../vocabulary.ts';
import { CALL_ATTRIBUTE, carriedCallOf } from './carried-call.ts';
import type { SmaActionData, SmaEvent, SmaParticipant } from './events.ts';

/** The transaction attribute that names the neutral step the SMA's next result belongs to. */
export const AWAITING_ATTRIBUTE = 'awaiting';

export interface SmaLegInfo {
  callId: string;
  from: string;
  to: string;
  direction: CallDirection;
}

export interface SmaInbound {
  /** The SMA transaction id: one per call, across both legs. */
  callId: string;
  legA?: SmaLegInfo;
  legB?: SmaLegInfo;
  /** The flow's own transaction attributes (our bookkeeping keys, `awaiting` and `call`, removed). */
  attributes: Record<string, string>;
  /** The call's record our last answer carried in the `call` attribute (`carried-call.ts`), when it is there and whole. */
  carried?: CarriedCall;
  /**
   * The step the last response ended with. A result for another step (say StartCallRecording
   * reporting success mid-list) means the rest of that response is still queued at the SMA.
   */
  awaiting?: StepType;
  /** NEW_OUTBOUND_CALL: the string arguments given to CreateSipMediaApplicationCall (e.g. the callback's contact). */
  arguments?: Record<string, string>;
  event: CallEvent;
}

/** An event we cannot express in the neutral vocabulary; the handler answers it with the safe apology. */
export class SmaEventMappingError extends Error {
  override readonly name = 'SmaEventMappingError';
  constructor(
    message: string,
    readonly eventType: string,
  ) {
    super(message);
  }
}

/** A callee's SIP refusal as a dial result (486 Busy Here, 480 Temporarily Unavailable, 408 Request Timeout). */
const HANG_UP_CAUSES: Record<string, 'busy' | 'no-answer'> = { '486': 'busy', '480': 'no-answer', '408': 'no-answer' };

/** Which neutral steps each SMA action can stand for; the first is the guess when no attribute says. */
const STEPS_BY_ACTION: Record<string, readonly StepType[]> = {
  Speak: ['say'],
  PlayAudio: ['play', 'enqueue'],
  SpeakAndGetDigits: ['gather'],
  PlayAudioAndGetDigits: ['gather', 'enqueue'],
  CallAndBridge: ['connect'],
  JoinChimeMeeting: ['connect'],
  RecordAudio: ['record'],
  StartCallRecording: ['start-recording'],
  StopCallRecording: ['stop-recording'],
  Pause: ['pause'],
  Hangup: ['hang-up'],
};
const STEP_TYPES: readonly StepType[] = ['say', 'play', 'gather', 'enqueue', 'connect', 'record', 'start-recording', 'stop-recording', 'pause', 'hang-up'];
const isStepType = (value: string | undefined): value is StepType => STEP_TYPES.includes(value as StepType);

/** Failures that are real faults; any other failure of a get-digits action means the caller pressed nothing valid in time. */
const FAULTS = new Set(['InvalidAudioSource', 'InvalidActionParameter', 'MissingRequiredActionParameter', 'SystemException']);
const DIGIT_ACTIONS = new Set(['SpeakAndGetDigits', 'PlayAudioAndGetDigits']);

function stepOf(actionData: SmaActionData | undefined, awaiting: string | undefined): StepType | undefined {
  const candidates = actionData ? STEPS_BY_ACTION[actionData.Type] : undefined;
  if (candidates) return isStepType(awaiting) && candidates.includes(awaiting) ? awaiting : candidates[0];
  return isStepType(awaiting) ? awaiting : undefined;
}

function legInfo(p: SmaParticipant | undefined): SmaLegInfo | undefined {
  if (!p) return undefined;
  return { callId: p.CallId, from: p.From, to: p.To, direction: p.Direction === 'Inbound' ? 'inbound' : 'outbound' };
}

/** Digits as pressed, without a trailing terminator key the service may include. */
function receivedDigits(actionData: SmaActionData | undefined): string {
  const digits = actionData?.ReceivedDigits ?? '';
  const terminators = actionData?.Parameters?.TerminatorDigits;
  const last = digits.at(-1);
  return Array.isArray(terminators) && last !== undefined && terminators.includes(last) ? digits.slice(0, -1) : digits;
}

function recordingOf(actionData: SmaActionData | undefined): RecordingRef | undefined {
  const key = actionData?.RecordingDestination?.Key;
  return key ? { location: key } : undefined;
}

const arg = (args: Record<string, unknown>, key: string): string | undefined => {
  const value = args[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** The UpdateSipMediaApplicationCall `Arguments` keys we send (strings only, at most 20 pairs). */
export const CALL_UPDATE_KEYS = ['reason', 'agentId', 'targetKind', 'meetingId', 'joinToken', 'sipUri', 'phone'] as const;

/** Arguments for UpdateSipMediaApplicationCall, read back by `fromSmaEvent` as `update-requested`. */
export function encodeCallUpdate(reason: UpdateReason, agentId?: string, target?: ConnectTarget): Record<string, string> {
  const args: Record<string, string> = { reason };
  if (agentId !== undefined) args['agentId'] = agentId;
  if (target?.kind === 'meeting') Object.assign(args, { targetKind: 'meeting', meetingId: target.meetingId, joinToken: target.joinToken });
  if (target?.kind === 'sip') Object.assign(args, { targetKind: 'sip', sipUri: target.uri });
  if (target?.kind === 'phone') Object.assign(args, { targetKind: 'phone', phone: target.e164 });
  return args;
}

const REASONS: readonly UpdateReason[] = ['agent-connected', 'agent-left', 'removed-from-queue', 'hold', 'resume'];
/** The older `command` spelling (the wire sample's `join-meeting`). */
const COMMANDS: Record<string, UpdateReason> = {
  'join-meeting': 'agent-connected',
  'leave-meeting': 'agent-left',
  'agent-left': 'agent-left',
  'remove-from-queue': 'removed-from-queue',
  hold: 'hold',
  resume: 'resume',
};

export function decodeCallUpdate(args: Record<string, unknown>): Extract<CallEvent, { type: 'update-requested' }> {
  const reasonArg = arg(args, 'reason');
  const commandArg = arg(args, 'command');
  const reason = REASONS.find((r) => r === reasonArg) ?? (commandArg !== undefined ? COMMANDS[commandArg] : undefined);
  if (!reason) throw new SmaEventMappingError(`call update without a known reason (${reasonArg ?? commandArg ?? 'none'})`, 'CALL_UPDATE_REQUESTED');
  const event: Extract<CallEvent, { type: 'update-requested' }> = { type: 'update-requested', reason };
  const agentId = arg(args, 'agentId');
  if (agentId) event.agentId = agentId;
  const meetingId = arg(args, 'meetingId');
  const joinToken = arg(args, 'joinToken');
  const sipUri = arg(args, 'sipUri');
  const phone = arg(args, 'phone');
  // A meeting without its join token cannot be joined: leave the target out rather than invent one.
  if (meetingId && joinToken) event.target = { kind: 'meeting', meetingId, joinToken };
  else if (sipUri) event.target = { kind: 'sip', uri: sipUri };
  else if (phone) event.target = { kind: 'phone', e164: phone };
  return event;
}

function toCallEvent(e: SmaEvent, legA: SmaLegInfo | undefined, awaiting: string | undefined): CallEvent {
  const data = e.ActionData;
  const type = e.InvocationEventType;
  switch (type) {
    case 'NEW_INBOUND_CALL':
    case 'NEW_OUTBOUND_CALL':
      if (!legA) throw new SmaEventMappingError('a new call without its LEG-A participant', type);
      return { type: 'call-started', direction: type === 'NEW_INBOUND_CALL' ? 'inbound' : 'outbound', from: legA.from, to: legA.to };
    case 'RINGING':
      return { type: 'ringing' };
    case 'CALL_ANSWERED':
      return { type: 'answered' };
    case 'ACTION_SUCCESSFUL': {
      const step = stepOf(data, awaiting);
      if (!step) throw new SmaEventMappingError(`no neutral step for a successful ${data?.Type ?? 'unnamed'} action`, type);
      const event: Extract<CallEvent, { type: 'step-done' }> = { type: 'step-done', step };
      if (data?.ReceivedDigits !== undefined) event.digits = receivedDigits(data);
      const recording = recordingOf(data);
      if (recording) event.recording = recording;
      return event;
    }
    case 'ACTION_FAILED': {
      const step = stepOf(data, awaiting);
      if (!step) throw new SmaEventMappingError(`no neutral step for a failed ${data?.Type ?? 'unnamed'} action`, type);
      if (data && DIGIT_ACTIONS.has(data.Type) && !FAULTS.has(data.ErrorType ?? '')) {
        // No valid key in time: an ordinary result of a gather (the engine counts attempts) or the end of a hold period.
        return step === 'gather' ? { type: 'step-done', step, digits: '' } : { type: 'step-done', step };
      }
      const event: Extract<CallEvent, { type: 'step-failed' }> = { type: 'step-failed', step, error: data?.ErrorType ?? 'UnknownError' };
      if (data?.ErrorMessage !== undefined) event.message = data.ErrorMessage;
      return event;
    }
    case 'ACTION_INTERRUPTED': {
      const step = stepOf(data, awaiting);
      return step ? { type: 'step-interrupted', step } : { type: 'step-interrupted' };
    }
    case 'HANGUP': {
      const leg = data?.Parameters?.ParticipantTag === 'LEG-B' ? 'agent' : 'caller';
      // Only the customer's leg can refuse a dial we placed; the agent leg's code says nothing of the callback.
      const cause = leg === 'caller' ? HANG_UP_CAUSES[String(data?.Parameters?.SipResponseCode ?? '')] : undefined;
      return { type: 'hang-up', leg, ...(cause && { cause }) };
    }
    case 'CALL_UPDATE_REQUESTED': {
      const args = data?.Parameters?.Arguments;
      return decodeCallUpdate(args !== null && typeof args === 'object' ? (args as Record<string, unknown>) : {});
    }
    case 'DIGITS_RECEIVED':
      return { type: 'digits', digits: receivedDigits(data) };
    case 'INVALID_LAMBDA_RESPONSE':
      return { type: 'invalid-response', error: e.ErrorType ?? data?.ErrorType ?? 'UnknownError' };
  }
}

/** Translate one parsed SMA event (see `SmaEventSchema`) into the neutral vocabulary. */
export function fromSmaEvent(event: SmaEvent): SmaInbound {
  const details = event.CallDetails;
  const { [AWAITING_ATTRIBUTE]: awaiting, [CALL_ATTRIBUTE]: call, ...attributes } = details.TransactionAttributes ?? {};
  const legA = legInfo(details.Participants.find((p) => p.ParticipantTag === 'LEG-A'));
  const legB = legInfo(details.Participants.find((p) => p.ParticipantTag === 'LEG-B'));
  const inbound: SmaInbound = { callId: details.TransactionId, attributes, event: toCallEvent(event, legA, awaiting) };
  if (isStepType(awaiting)) inbound.awaiting = awaiting;
  const carried = carriedCallOf(call, details.TransactionId);
  if (carried) inbound.carried = carried;
  const args = event.ActionData?.Parameters?.Arguments;
  if (event.InvocationEventType === 'NEW_OUTBOUND_CALL' && args !== null && typeof args === 'object') {
    inbound.arguments = Object.fromEntries(Object.entries(args).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }
  if (legA) inbound.legA = legA;
  if (legB) inbound.legB = legB;
  return inbound;
}
