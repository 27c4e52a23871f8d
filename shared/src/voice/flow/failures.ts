/**
 * Failed, interrupted and refused steps. The rule: never a silent line, never a caller stuck. A failed
 * step is retried in a safer form (no voice id, spoken holding) or the call moves on (no input) or ends
 * politely; every failure is reported.
 */
import type { CallState, FlowTurn } from '../call-state.ts';
import type { CallEffect, CallEvent, CallStep, StepType } from '../vocabulary.ts';
import { answerSurvey } from './endings.ts';
import { holdPeriodEnded } from './holding.ts';
import { answerMenu } from './menu.ts';
import { agentHoldSteps, announcementSteps, currentMenu, keepHoldingSteps, menuGather, recordStep, say, surveyGather, withoutVoices } from './steps.ts';
import { apologize, ended, finish, isClosing, keep, turn, type FlowEnv } from './turn.ts';

type Failed = Extract<CallEvent, { type: 'step-failed' }>;

/** Failures in a row after which the call ends instead of trying yet another form of the step. */
export const MAX_FAILURES_IN_A_ROW = 5;

/** Whether the last answer held a step of this type (only its steps can fail or be cut short). */
export function wasIssued(state: CallState, step: StepType): boolean {
  return (state.lastSteps ?? []).some((s) => s.type === step);
}

/** The steps that carry the current phase on, issued again after an interruption or a failed side step. */
export function currentSteps(env: FlowEnv, state: CallState): CallStep[] {
  const { flow } = env;
  switch (state.phase) {
    case 'menu': {
      const menu = currentMenu(flow, state);
      return menu ? [menuGather(flow, state, menu)] : [];
    }
    case 'queued':
      return state.queueId !== undefined ? keepHoldingSteps(flow, state, env.context.position?.text) : [];
    case 'connected':
      return state.target ? [{ type: 'connect', target: state.target }] : [];
    case 'on-hold':
      return agentHoldSteps(flow, state);
    case 'survey':
      return surveyGather(flow, state);
    case 'voicemail':
      return [recordStep(flow)];
    case 'goodbye':
    case 'callback-confirm':
    case 'closed':
      return [{ type: 'hang-up', cause: 'normal' }];
    default:
      return [];
  }
}

/** A step was cut short: expected after an update (the new steps run), else the phase's step again. */
export function stepInterrupted(env: FlowEnv, state: CallState, step: StepType | undefined): FlowTurn {
  if (state.phase === 'dialing') return keep(state); // nothing of ours runs before the answer
  if (state.replacedStep !== undefined && (step === undefined || step === state.replacedStep)) {
    const next = { ...state };
    delete next.replacedStep;
    return keep(next);
  }
  if (step !== undefined && !wasIssued(state, step)) return keep(state);
  const again = currentSteps(env, state);
  if (again.length === 0) return apologize(env, state, `interrupted ${step ?? 'step'} in phase ${state.phase} cannot be resumed`);
  return turn(state, again);
}

/** The provider refused our last answer: end politely (only the hang-up when the last words were refused). */
export function responseRefused(env: FlowEnv, state: CallState, error: string): FlowTurn {
  const report: CallEffect = { type: 'report', problem: `the provider refused the answer: ${error}` };
  // Nothing of ours runs now (the provider refused it): an empty answer would leave the line silent, so the call is
  // hung up (a refused hang-up too: a second refusal, and the provider hangs up itself).
  if (state.phase === 'dialing') return turn({ ...state, phase: 'goodbye', endedBy: 'flow' }, [{ type: 'hang-up', cause: 'normal' }], [{ type: 'dial-result', result: 'failed' }, report]);
  if (!isClosing(state.phase)) return apologize(env, state, report.problem);
  return turn(state, [{ type: 'hang-up', cause: 'normal' }], [report]);
}

/** A step failed. */
export function stepFailed(env: FlowEnv, state: CallState, event: Failed): FlowTurn {
  if (state.phase === 'dialing') return ended(state, 'flow', [{ type: 'dial-result', result: 'failed' }, report(event)]);
  const failing: CallState = { ...state, failures: (state.failures ?? 0) + 1 };
  // A failure clears the provider's list, so an empty answer would leave the line silent: a step we did not issue
  // (an older answer's) brings the phase's steps again.
  if (!wasIssued(state, event.step)) return withReport(event, again(env, failing));
  if (failing.failures! >= MAX_FAILURES_IN_A_ROW) {
    // Every answer fails: stop retrying in safer forms, end politely (words only while speech works).
    const words = event.step === 'say' || event.step === 'hang-up' || state.plainVoice ? [] : [env.flow.apology];
    return finish(env, failing, words, { reason: `the call ended after ${failing.failures} failures in a row`, effects: [report(event)] });
  }
  return handleFailure(env, failing, event);
}

function handleFailure(env: FlowEnv, state: CallState, event: Failed): FlowTurn {
  const { flow } = env;
  switch (event.step) {
    case 'say':
      return sayFailed(env, state, event);
    case 'gather':
      if (state.phase === 'menu') return answerMenu(env, state, undefined);
      if (state.phase === 'survey') return answerSurvey(env, state, undefined);
      return withReport(event, again(env, state));
    case 'enqueue':
    case 'play': {
      // The audio source is broken: hold on with speech from now on.
      const spoken: CallState = { ...state, holdBroken: true };
      if (state.phase === 'queued' && state.queueId !== undefined) return withReport(event, turn(spoken, announcementSteps(flow, spoken, env.context.position?.text)));
      if (state.phase === 'on-hold') return withReport(event, turn(spoken, agentHoldSteps(flow, spoken)));
      return withReport(event, again(env, spoken));
    }
    case 'connect':
      return connectFailed(env, state, event);
    case 'record':
      return apologize(env, state, describe(event));
    case 'start-recording':
    case 'stop-recording':
      return sideStepFailed(env, state, event);
    case 'pause':
      if (state.phase === 'queued') return withReport(event, holdPeriodEnded(env, state, undefined));
      return withReport(event, again(env, state));
    case 'hang-up':
      // The line is still up and nothing runs: hang up again rather than leave it silent.
      return withReport(event, turn(state, [{ type: 'hang-up', cause: 'normal' }]));
    default:
      return apologize(env, state, describe(event));
  }
}

/** A say failed: the same steps once more without the voice id (a bad voice is the usual cause), then the hang-up. */
function sayFailed(env: FlowEnv, state: CallState, event: Failed): FlowTurn {
  if (!state.plainVoice) {
    const plain: CallState = { ...state, plainVoice: true };
    return withReport(event, turn(plain, withoutVoices(state.lastSteps ?? currentSteps(env, state))));
  }
  // Speech itself fails: no more words, only the hang-up.
  return finish(env, state, [], { reason: `the call ended after a failure: ${describe(event)}`, effects: [report(event)] });
}

/** The agent could not be joined: an apology and back to holding (outbound: nothing to hold for, so the end). */
function connectFailed(env: FlowEnv, state: CallState, event: Failed): FlowTurn {
  if (state.talked) {
    // The conversation is under way and the contact is the agent's: back on hold, to resume or transfer again.
    const held: CallState = { ...state, phase: 'on-hold' };
    return withReport(event, turn(held, [say(env.flow, held, env.flow.apology), ...agentHoldSteps(env.flow, held)]));
  }
  if (state.direction === 'outbound' || state.queueId === undefined) return apologize(env, state, describe(event));
  const back: CallState = { ...state, phase: 'queued', contactStatus: 'waiting' };
  delete back.agentId;
  delete back.target;
  return withReport(event, turn(back, [say(env.flow, back, env.flow.apology), ...keepHoldingSteps(env.flow, back, env.context.position?.text)]));
}

/** Recording could not start or stop: noted, and the rest of the last answer goes on. */
function sideStepFailed(env: FlowEnv, state: CallState, event: Failed): FlowTurn {
  const recording = event.step === 'start-recording' ? false : state.recording;
  const next: CallState = { ...state, recording };
  const rest = (state.lastSteps ?? []).filter((s) => s.type !== event.step);
  const steps = rest.length > 0 ? rest : currentSteps(env, next);
  const effects: CallEffect[] = [report(event), ...(event.step === 'start-recording' && state.recording ? [{ type: 'recording-changed' as const, recording: false }] : [])];
  if (steps.length === 0) return apologize(env, next, describe(event));
  return turn(next, steps, effects);
}

function again(env: FlowEnv, state: CallState): FlowTurn {
  const steps = currentSteps(env, state);
  return steps.length > 0 ? turn(state, steps) : apologize(env, state, `nothing to resume in phase ${state.phase}`);
}

function describe(event: Failed): string {
  return `step ${event.step} failed: ${event.error}${event.message ? ` (${event.message})` : ''}`;
}

function report(event: Failed): CallEffect {
  return { type: 'report', problem: describe(event) };
}

function withReport(event: Failed, next: FlowTurn): FlowTurn {
  return { ...next, effects: [report(event), ...next.effects] };
}
