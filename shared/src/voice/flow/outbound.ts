/** Outbound calls (a callback we place): the dialer creates the state; the flow joins the agent on answer. */
import type { CallState, FlowTurn } from '../call-state.ts';
import type { CallStep } from '../vocabulary.ts';
import { connectSteps } from './holding.ts';
import { say } from './steps.ts';
import { apologize, keep, stale, type FlowEnv } from './turn.ts';

/** The leg rings: nothing to do but remember it (a later hang-up is then a no-answer). */
export function outboundRinging(state: CallState): FlowTurn {
  return state.phase === 'dialing' ? keep({ ...state, rang: true }) : stale(state, 'ringing');
}

/** The customer answered: the intro, the consent when recording, then the agent. */
export function outboundAnswered(env: FlowEnv, state: CallState): FlowTurn {
  if (state.phase !== 'dialing') return stale(state, 'answered');
  const { flow } = env;
  const answered = { type: 'dial-result', result: 'answered' } as const;
  const next: CallState = { ...state, phase: 'connected', contactStatus: 'connected' };
  if (!state.target) {
    const sorry = apologize(env, next, 'an outbound call without a target to connect');
    return { ...sorry, effects: [answered, ...sorry.effects] };
  }
  const before: CallStep[] = [];
  if (flow.callback.intro) before.push(say(flow, state, flow.callback.intro));
  if (flow.recording?.enabled && flow.recording.consentPrompt && !state.recording) before.push(say(flow, state, flow.recording.consentPrompt));
  const joined = connectSteps(env, next, before);
  return { ...joined, effects: [answered, ...joined.effects] };
}
