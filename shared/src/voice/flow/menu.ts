/** The call's start: greeting, consent, the menu (two levels at most) and the way into a queue. */
import type { CallState, FlowTurn } from '../call-state.ts';
import type { CallEffect, CallEvent, CallStep } from '../vocabulary.ts';
import { callerReachable, currentMenu, enqueueStep, menuAttempts, menuGather, say, voicemailSteps, type MenuLevel } from './steps.ts';
import { apologize, finish, turn, type FlowEnv } from './turn.ts';

/** A new inbound call: its state, the greeting, the consent prompt and the menu (or the queue). */
export function startCall(env: FlowEnv, event: Extract<CallEvent, { type: 'call-started' }>, call: { callId: string; tenantId: string }): FlowTurn {
  const { flow } = env;
  const state: CallState = {
    callId: call.callId,
    tenantId: call.tenantId,
    number: event.to,
    direction: event.direction,
    customer: event.from,
    phase: 'greeting',
    language: flow.language ?? 'ru',
    menuPath: [],
    attempts: 0,
    recording: false,
    events: 1,
  };
  const intro: CallStep[] = [say(flow, state, flow.greeting)];
  if (flow.recording?.enabled && flow.recording.consentPrompt) intro.push(say(flow, state, flow.recording.consentPrompt));
  const menu = currentMenu(flow, state);
  if (menu) return turn({ ...state, phase: 'menu', attempts: 1 }, [...intro, menuGather(flow, state, menu)]);
  if (flow.queueId === undefined) return apologize(env, state, 'the flow has neither a menu nor a queue');
  return prefix(intro, goToQueue(env, state, flow.queueId, { fallbackQueueId: undefined }));
}

/** The caller's answer to a menu prompt: `digits` (`''` or undefined for none, as after a failed gather). */
export function answerMenu(env: FlowEnv, state: CallState, digits: string | undefined): FlowTurn {
  const { flow } = env;
  const menu = currentMenu(flow, state);
  if (!menu) return apologize(env, state, `no menu at path ${state.menuPath.join('/') || '(top)'}`);
  const option = digits !== undefined && digits.length === 1 ? menu.options[digits] : undefined;
  if (!option) return repeatMenu(env, state, menu);
  const menuPath = [...state.menuPath, digits!];
  if (option.submenu && state.menuPath.length === 0) {
    // The first level's choice stands if the submenu ends in its default queue; a leaf replaces it.
    const next: CallState = { ...state, menuPath, attempts: 1, menuChoice: option.menuChoice ?? option.label };
    return turn(next, [menuGather(flow, next, option.submenu)]);
  }
  if (option.queueId === undefined) return repeatMenu(env, state, menu);
  const chosen: CallState = { ...state, menuPath, menuChoice: option.menuChoice ?? option.label };
  return goToQueue(env, chosen, option.queueId, { fallbackQueueId: menu.defaultQueueId });
}

/** No valid key: the invalid-input text and the prompt again, or the default queue after the last attempt. */
function repeatMenu(env: FlowEnv, state: CallState, menu: MenuLevel): FlowTurn {
  if (state.attempts >= menuAttempts(menu)) return goToQueue(env, state, menu.defaultQueueId, { fallbackQueueId: undefined });
  const next: CallState = { ...state, attempts: state.attempts + 1 };
  const sorry = menu.invalidInput ? [say(env.flow, next, menu.invalidInput)] : [];
  return turn(next, [...sorry, menuGather(env.flow, next, menu)]);
}

/**
 * Into a queue: closed → the closed message and its `then`; unknown → reported, and the fallback queue
 * when there is one; open → the contact is created, recording starts (consent was said), holding begins.
 */
export function goToQueue(env: FlowEnv, state: CallState, queueId: string, options: { fallbackQueueId: string | undefined }): FlowTurn {
  const { flow, context } = env;
  const facts = context.queues[queueId];
  if (!facts) {
    const problem = `unknown queue ${queueId}`;
    const fallback = options.fallbackQueueId;
    if (fallback === undefined || fallback === queueId) return apologize(env, state, problem);
    return withEffects([{ type: 'report', problem }], goToQueue(env, state, fallback, { fallbackQueueId: undefined }));
  }
  const at: CallState = { ...state, queueId };
  if (!facts.open) return closedQueue(env, at);
  const effects: CallEffect[] = [{ type: 'enqueue-contact', queueId, ...(state.menuChoice !== undefined && { menuChoice: state.menuChoice }) }];
  const steps: CallStep[] = [];
  let next: CallState = { ...at, phase: 'queued', contactStatus: 'waiting', enqueuedAt: context.now, attempts: 0 };
  if (flow.recording?.enabled && !state.recording) {
    steps.push({ type: 'start-recording', track: 'both' });
    effects.push({ type: 'recording-changed', recording: true });
    next = { ...next, recording: true };
  }
  steps.push(enqueueStep(flow, next, queueId));
  return turn(next, steps, effects);
}

/**
 * The queue is closed: its message, then voicemail, a callback request or goodbye. A caller whose number
 * is withheld gets goodbye: a voicemail promises a call back too, and there is no number to dial.
 */
function closedQueue(env: FlowEnv, state: CallState): FlowTurn {
  const { flow } = env;
  const message = say(flow, state, flow.closed.message);
  const then = callerReachable(state) ? (flow.closed.then ?? 'voicemail') : 'hang-up';
  if (then === 'voicemail') return turn({ ...state, phase: 'voicemail' }, [message, ...voicemailSteps(flow, state)]);
  if (then === 'callback') {
    const request: CallEffect = { type: 'request-callback', phone: state.customer, ...(state.queueId !== undefined && { queueId: state.queueId }) };
    return finish(env, state, [flow.closed.message, flow.callback.confirmed], { reason: 'callback requested', effects: [request], phase: 'callback-confirm' });
  }
  return finish(env, state, [flow.closed.message, flow.goodbye], { reason: 'the queue is closed', phase: 'closed' });
}

function prefix(steps: CallStep[], next: FlowTurn): FlowTurn {
  return { ...next, steps: [...steps, ...next.steps] };
}

function withEffects(effects: CallEffect[], next: FlowTurn): FlowTurn {
  return { ...next, effects: [...effects, ...next.effects] };
}
