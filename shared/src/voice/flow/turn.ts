/** Building a turn: the phase's steps, the contact center's effects, and the endings every phase shares. */
import type { CallPhase, CallState, FlowContext, FlowTurn } from '../call-state.ts';
import type { CallFlow, FlowText } from '../flow-config.ts';
import type { CallEffect, CallStep } from '../vocabulary.ts';
import { say } from './steps.ts';

/** What every phase handler reads besides the event and the state. */
export interface FlowEnv {
  flow: CallFlow;
  context: FlowContext;
}

/** Phases whose last words are said and whose hang-up step is running. */
export const CLOSING_PHASES: readonly CallPhase[] = ['goodbye', 'callback-confirm', 'closed'];

/** Whether the call is saying its last words (its contact effects are all sent). */
export function isClosing(phase: CallPhase): boolean {
  return CLOSING_PHASES.includes(phase);
}

/** A turn that moves the call on: new steps (and effects). */
export function turn(state: CallState, steps: CallStep[], effects: CallEffect[] = []): FlowTurn {
  return { state, steps, effects };
}

/**
 * A turn that leaves the running step alone: no steps, so the provider's current action goes on
 * (an answer with actions would replace it).
 */
export function keep(state: CallState, effects: CallEffect[] = []): FlowTurn {
  return { state, steps: [], effects };
}

/** An event the call cannot place now: reported; the running step goes on. */
export function stale(state: CallState, what: string): FlowTurn {
  return keep(state, [{ type: 'report', problem: `stale event in phase ${state.phase}: ${what}` }]);
}

/** The effect that closes the call's contact when the call ends now, if it is still open. */
export function closeContactEffects(state: CallState, reason: string): CallEffect[] {
  if (state.contactStatus === 'waiting') return [{ type: 'abandon-contact', reason }];
  if (state.contactStatus === 'connected') return [{ type: 'end-contact', reason }];
  return [];
}

/**
 * The flow ends the call: `words` are said, then the hang-up; an open contact is closed with `reason`.
 * The phase is a closing one until the provider confirms the hang-up.
 */
export function finish(
  env: FlowEnv,
  state: CallState,
  words: readonly FlowText[],
  options: { reason: string; effects?: CallEffect[]; phase?: CallPhase },
): FlowTurn {
  const effects = [...(options.effects ?? []), ...closeContactEffects(state, options.reason)];
  const next: CallState = { ...state, phase: options.phase ?? 'goodbye', contactStatus: state.contactStatus && 'done', endedBy: 'flow' };
  if (next.contactStatus === undefined) delete next.contactStatus;
  return turn(next, [...words.map((text) => say(env.flow, next, text)), { type: 'hang-up', cause: 'normal' }], effects);
}

/** Apology, hang-up and a report: the answer to every failure the flow cannot recover from. */
export function apologize(env: FlowEnv, state: CallState, problem: string): FlowTurn {
  return finish(env, state, [env.flow.apology], { reason: `the call ended after a failure: ${problem}`, effects: [{ type: 'report', problem }] });
}

/** The call is over: no steps, no effects from now on. */
export function ended(state: CallState, by: CallState['endedBy'], effects: CallEffect[] = []): FlowTurn {
  const next: CallState = { ...state, phase: 'ended', endedBy: state.endedBy ?? by };
  delete next.awaiting;
  return keep(next, effects);
}
