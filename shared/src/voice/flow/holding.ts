/** Holding in the queue, the agent's conversation and the updates the contact center sends. */
import type { CallState, FlowTurn } from '../call-state.ts';
import type { CallEffect, CallEvent, CallStep } from '../vocabulary.ts';
import { agentHoldSteps, announcementSteps, CALLBACK_DIGIT, callbackOffered, callerReachable, keepHoldingSteps, surveyGather, voicemailSteps } from './steps.ts';
import { finish, keep, stale, turn, type FlowEnv } from './turn.ts';

type Update = Extract<CallEvent, { type: 'update-requested' }>;

/** Whether the caller held longer than the queue allows (and the queue has no overflow of its own). */
function waitedTooLong(env: FlowEnv, state: CallState): boolean {
  const facts = state.queueId !== undefined ? env.context.queues[state.queueId] : undefined;
  if (!facts || facts.hasOverflow || facts.maxWaitSeconds === undefined || state.enqueuedAt === undefined) return false;
  const waited = (Date.parse(env.context.now) - Date.parse(state.enqueuedAt)) / 1000;
  return Number.isFinite(waited) && waited >= facts.maxWaitSeconds;
}

/**
 * One hold period ended (`digits` pressed during it, if any): a callback, voicemail after the maximum wait, or
 * the next announcement. A withheld number keeps holding past the maximum wait: its voicemail could not be returned.
 */
export function holdPeriodEnded(env: FlowEnv, state: CallState, digits: string | undefined): FlowTurn {
  if (digits) return digitsWhileHolding(env, state, digits, true);
  if (waitedTooLong(env, state) && callerReachable(state)) return turn({ ...state, phase: 'voicemail' }, voicemailSteps(env.flow, state));
  return turn(state, announcementSteps(env.flow, state, env.context.position?.text));
}

/**
 * Keys while holding: `1` asks for a callback when offered; other keys are ignored. `restart` tells
 * whether the hold step has ended (a step-done) and must be issued again, or still runs (a digits event).
 */
export function digitsWhileHolding(env: FlowEnv, state: CallState, digits: string, restart: boolean): FlowTurn {
  if (callbackOffered(env.flow, state) && digits.includes(CALLBACK_DIGIT)) return requestCallback(env, state);
  return restart ? turn(state, keepHoldingSteps(env.flow, state, env.context.position?.text)) : keep(state);
}

/** The caller chose a callback: it takes the waiting contact's place; confirmation, then a polite end. */
function requestCallback(env: FlowEnv, state: CallState): FlowTurn {
  const request: CallEffect = { type: 'request-callback', phone: state.customer, ...(state.queueId !== undefined && { queueId: state.queueId }) };
  // The callback contact replaces the waiting one: nothing to abandon when the call ends.
  const handedOver: CallState = { ...state, contactStatus: 'done' };
  return finish(env, handedOver, [env.flow.callback.confirmed], { reason: 'callback requested', effects: [request], phase: 'callback-confirm' });
}

/** The contact center asks the flow to change: an agent joins or leaves, hold and resume, removal from the queue. */
export function applyUpdate(env: FlowEnv, state: CallState, update: Update): FlowTurn {
  switch (update.reason) {
    case 'agent-connected':
      return agentConnected(env, state, update);
    case 'agent-left':
      return state.phase === 'connected' || state.phase === 'on-hold' ? agentLeft(env, state) : stale(state, 'agent-left');
    case 'hold':
      if (state.phase !== 'connected') return stale(state, 'hold');
      return replacing(turn({ ...state, phase: 'on-hold', talked: true }, agentHoldSteps(env.flow, state)));
    case 'resume':
      if (state.phase !== 'on-hold' || !state.target) return stale(state, 'resume');
      return replacing(turn({ ...state, phase: 'connected' }, [{ type: 'connect', target: state.target }]));
    case 'removed-from-queue':
      return removedFromQueue(env, state);
    default:
      return stale(state, `update ${String((update as { reason: unknown }).reason)}`);
  }
}

/** Routing joined an agent: connect, and start the recording when the flow records and it has not started. */
function agentConnected(env: FlowEnv, state: CallState, update: Update): FlowTurn {
  const joinable = state.contactStatus === 'waiting' || state.phase === 'connected' || state.phase === 'on-hold';
  if (!joinable || !update.target) return stale(state, update.target ? 'agent-connected' : 'agent-connected without a target');
  // A new agent while talking is a transfer: the caller has talked to the first one.
  const transfer = state.phase === 'connected' || state.phase === 'on-hold';
  const next: CallState = { ...state, phase: 'connected', target: update.target, contactStatus: 'connected', ...(update.agentId !== undefined && { agentId: update.agentId }), ...(transfer && { talked: true }) };
  return replacing(connectSteps(env, next));
}

/** The connect step, then the recording when it is due (the caller heard the consent before). */
export function connectSteps(env: FlowEnv, state: CallState, before: CallStep[] = []): FlowTurn {
  const steps: CallStep[] = [...before, { type: 'connect', target: state.target! }];
  const effects: CallEffect[] = [];
  let next = state;
  if (env.flow.recording?.enabled && !state.recording) {
    steps.push({ type: 'start-recording', track: 'both' });
    effects.push({ type: 'recording-changed', recording: true });
    next = { ...state, recording: true };
  }
  return turn(next, steps, effects);
}

/** The agent left (or the bridge ended): recording stops, then the survey or goodbye. */
export function agentLeft(env: FlowEnv, state: CallState): FlowTurn {
  const steps: CallStep[] = [];
  const effects: CallEffect[] = [];
  let next: CallState = { ...state, contactStatus: 'done' };
  if (state.recording) {
    steps.push({ type: 'stop-recording' });
    effects.push({ type: 'recording-changed', recording: false });
    next = { ...next, recording: false };
  }
  const survey = env.flow.survey;
  if (survey && survey.enabled !== false) {
    effects.push({ type: 'survey-asked', nps: survey.nps?.enabled === true });
    return replacing(turn({ ...next, phase: 'survey', attempts: 1 }, [...steps, ...surveyGather(env.flow, next)], effects));
  }
  const goodbye = finish(env, next, [env.flow.goodbye], { reason: 'the agent left' });
  return replacing({ ...goodbye, steps: [...steps, ...goodbye.steps], effects: [...effects, ...goodbye.effects] });
}

/** The waiting contact is gone from the queue (moved by a supervisor or overflow): apologise and end. */
function removedFromQueue(env: FlowEnv, state: CallState): FlowTurn {
  if (state.contactStatus !== 'waiting') return stale(state, 'removed-from-queue');
  // The contact has already moved on: nothing to abandon.
  const moved: CallState = { ...state, contactStatus: 'done' };
  if (state.phase === 'voicemail') return keep(moved); // the message being recorded still becomes a callback
  return replacing(finish(env, moved, [env.flow.apology], { reason: 'removed from the queue' }));
}

/** Marks a turn whose steps replace a running one, so the interruption of that step is expected. */
function replacing(next: FlowTurn): FlowTurn {
  const running = next.state.awaiting;
  return next.steps.length > 0 && running !== undefined ? { ...next, state: { ...next.state, replacedStep: running } } : next;
}
