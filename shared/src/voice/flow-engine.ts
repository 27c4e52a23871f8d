/**
 * The call flow engine: one provider event in, the provider's next steps, the contact center's effects
 * and the new call state out. Pure and total: every event in every phase has an answer, and an
 * internal surprise becomes an apology, a hang-up and a report instead of an exception.
 *
 * Stale events (a step the call does not await, keys while talking to an agent…) are reported and
 * answered with no steps, so whatever the provider runs now goes on; an event for a call without state
 * gets an apology and the hang-up. docs/voice.md tells the whole story.
 */
import type { CallState, FlowEngine, FlowTurn } from './call-state.ts';
import type { CallFlow } from './flow-config.ts';
import type { CallEvent, CallStep } from './vocabulary.ts';
import { answerSurvey, legHungUp, voicemailRecorded } from './flow/endings.ts';
import { responseRefused, stepFailed, stepInterrupted } from './flow/failures.ts';
import { agentLeft, applyUpdate, digitsWhileHolding, holdPeriodEnded } from './flow/holding.ts';
import { answerMenu, startCall } from './flow/menu.ts';
import { outboundAnswered, outboundRinging } from './flow/outbound.ts';
import { agentHoldSteps, MAX_STEPS, say } from './flow/steps.ts';
import { apologize, closeContactEffects, ended, keep, stale, turn, type FlowEnv } from './flow/turn.ts';

/** Runs one event through the call's flow (see the `FlowEngine` contract). */
export const runFlow: FlowEngine = (event, state, flow, context, call) => {
  try {
    return settle(state, decide(event, state, { flow, context }, call));
  } catch (error) {
    return surprise(error, event, state, flow, call);
  }
};

function decide(event: CallEvent, state: CallState | undefined, env: FlowEnv, call: { callId: string; tenantId: string }): FlowTurn {
  if (!state) {
    if (event.type === 'call-started' && event.direction === 'inbound') return startCall(env, event, call);
    return apologize(env, unknownCall(call), `event ${event.type} for a call without state`);
  }
  const counted: CallState = { ...state, events: state.events + 1 };
  // After the end nothing more happens: no steps, and above all no effect a second time.
  if (state.phase === 'ended') return keep(counted);
  // The expected interruption comes right after the update, or not at all.
  if (event.type !== 'step-interrupted') delete counted.replacedStep;
  if (event.type === 'step-done' && event.step === state.awaiting) delete counted.failures;
  return decideLive(event, counted, env);
}

function decideLive(event: CallEvent, state: CallState, env: FlowEnv): FlowTurn {
  switch (event.type) {
    case 'call-started':
      // The provider placing the dialer's call, or a retried first invocation (our answer was lost):
      // the first answer again, without its effects.
      if (state.phase === 'dialing') return keep(state);
      return state.events === 2 && state.lastSteps?.length ? turn(state, state.lastSteps) : stale(state, 'call-started');
    case 'ringing':
      return outboundRinging(state);
    case 'answered':
      return outboundAnswered(env, state);
    case 'digits':
      if (state.phase === 'queued') return digitsWhileHolding(env, state, event.digits, false);
      return stale(state, `digits in phase ${state.phase}`);
    case 'step-done':
      return stepDone(env, state, event);
    case 'step-failed':
      return stepFailed(env, state, event);
    case 'step-interrupted':
      return stepInterrupted(env, state, event.step);
    case 'hang-up':
      return legHungUp(env, state, event);
    case 'update-requested':
      return applyUpdate(env, state, event);
    case 'invalid-response':
      return responseRefused(env, state, event.error);
    default:
      return stale(state, `unknown event ${String((event as { type: unknown }).type)}`);
  }
}

/** The step the call awaited finished: what the phase does next. */
function stepDone(env: FlowEnv, state: CallState, event: Extract<CallEvent, { type: 'step-done' }>): FlowTurn {
  if (event.step !== state.awaiting) return stale(state, `step-done ${event.step} while awaiting ${state.awaiting ?? 'nothing'}`);
  switch (state.phase) {
    case 'menu':
      return answerMenu(env, state, event.digits);
    case 'queued':
      return holdPeriodEnded(env, state, event.digits);
    case 'on-hold':
      // One round of the hold prompt (or of the spoken hold) is over: the next one.
      return turn(state, agentHoldSteps(env.flow, state));
    case 'connected':
      // The join itself (the SMA reports JoinChimeMeeting, CallAndBridge and StartCallRecording as they succeed):
      // the caller is with the agent now, nothing more to do.
      if (event.step === 'connect' || event.step === 'start-recording') return turn(state, []);
      // Any other step of a live conversation ending: the bridge ended on the provider's side, as if the agent left.
      return agentLeft(env, state);
    case 'survey':
      return answerSurvey(env, state, event.digits);
    case 'voicemail':
      return voicemailRecorded(env, state, event.recording);
    case 'goodbye':
    case 'callback-confirm':
    case 'closed':
      return ended(state, 'flow');
    default:
      return stale(state, `step-done ${event.step}`);
  }
}

/** Records what the provider now runs, and keeps a turn within the provider's step limit. */
function settle(before: CallState | undefined, next: FlowTurn): FlowTurn {
  let { steps, effects } = next;
  if (steps.length > MAX_STEPS) {
    // Never expected (the longest turn is four steps); cut rather than have the provider refuse it.
    effects = [...effects, { type: 'report', problem: `a turn of ${steps.length} steps was cut to ${MAX_STEPS}` }];
    steps = steps.slice(0, MAX_STEPS);
  }
  const state: CallState = { ...next.state };
  if (state.phase === 'ended') {
    delete state.awaiting;
    delete state.lastSteps;
  } else if (steps.length > 0) {
    state.awaiting = steps[steps.length - 1]!.type;
    state.lastSteps = steps;
  } else if (before === undefined) {
    delete state.awaiting;
  }
  return { state, steps, effects };
}

/** The state of a call the engine has never seen (its state is lost, or the event came first). */
function unknownCall(call: { callId: string; tenantId: string }): CallState {
  return { callId: call.callId, tenantId: call.tenantId, number: '', direction: 'inbound', customer: '', phase: 'goodbye', language: 'ru', menuPath: [], attempts: 0, recording: false, events: 1 };
}

/** An exception inside the engine: apologise and hang up, closing the contact; the report says what broke. */
function surprise(error: unknown, event: CallEvent, state: CallState | undefined, flow: CallFlow, call: { callId: string; tenantId: string }): FlowTurn {
  const problem = `the flow failed on ${safeType(event)}: ${error instanceof Error ? error.message : String(error)}`;
  const base: CallState = state ? { ...state, events: (Number(state.events) || 0) + 1 } : unknownCall(call);
  if (base.phase === 'ended') return { state: base, steps: [], effects: [{ type: 'report', problem }] };
  const steps: CallStep[] = [];
  try {
    steps.push(say(flow, base, flow.apology));
  } catch {
    // Not even the apology can be built from this flow: hang up without words.
  }
  steps.push({ type: 'hang-up', cause: 'normal' });
  let closing: FlowTurn['effects'];
  try {
    closing = closeContactEffects(base, problem);
  } catch {
    closing = [];
  }
  const next: CallState = { ...base, phase: 'goodbye', endedBy: 'flow', awaiting: 'hang-up', lastSteps: steps, ...(closing.length > 0 && { contactStatus: 'done' as const }) };
  return { state: next, steps, effects: [{ type: 'report', problem }, ...closing] };
}

function safeType(event: CallEvent): string {
  try {
    return String(event.type);
  } catch {
    return 'an unreadable event';
  }
}
