/** How calls end: the survey, the voicemail, and a leg hanging up in each phase. */
import type { CallState, FlowTurn } from '../call-state.ts';
import type { CallEffect, CallEvent, RecordingRef } from '../vocabulary.ts';
import { agentLeft } from './holding.ts';
import { callerReachable, NPS_MAX, SURVEY_DIGITS, surveyGather } from './steps.ts';
import { closeContactEffects, ended, finish, isClosing, stale, turn, type FlowEnv } from './turn.ts';

/**
 * The survey's answer: a score 1–5 is stored at once; then, when the flow asks NPS, 0–10 (up to two keys) is stored
 * beside it. A missing or wrong answer is asked once more, then the call says goodbye (an unanswered NPS keeps the score).
 */
export function answerSurvey(env: FlowEnv, state: CallState, digits: string | undefined): FlowTurn {
  const { flow } = env;
  if (!flow.survey) return finish(env, state, [flow.goodbye], { reason: 'no survey' });
  if (state.surveyScore !== undefined) return answerNps(env, state, state.surveyScore, digits);
  if (digits !== undefined && digits.length === 1 && SURVEY_DIGITS.includes(digits)) {
    const score = Number(digits);
    const rated: CallState = { ...state, surveyScore: score };
    const stored: CallEffect = { type: 'store-survey', score };
    if (flow.survey.nps?.enabled) return turn({ ...rated, attempts: 1 }, surveyGather(flow, rated), [stored]);
    return finish(env, rated, [flow.survey.thanks], { reason: 'survey answered', effects: [stored] });
  }
  if (state.attempts < 2) return turn({ ...state, attempts: state.attempts + 1 }, surveyGather(flow, state));
  return finish(env, state, [flow.goodbye], { reason: 'survey not answered' });
}

/** The NPS answer after the score: 0–10 is stored with the score; the thanks either way, the score is kept. */
function answerNps(env: FlowEnv, state: CallState, score: number, digits: string | undefined): FlowTurn {
  const thanks = env.flow.survey!.thanks;
  if (digits !== undefined && /^\d{1,2}$/.test(digits) && Number(digits) <= NPS_MAX) {
    return finish(env, state, [thanks], { reason: 'survey answered with NPS', effects: [{ type: 'store-survey', score, nps: Number(digits) }] });
  }
  if (state.attempts < 2) return turn({ ...state, attempts: state.attempts + 1 }, surveyGather(env.flow, state));
  return finish(env, state, [thanks], { reason: 'NPS not answered' });
}

/** The voicemail recording finished: stored as a callback in the queue's place, or goodbye when empty. */
export function voicemailRecorded(env: FlowEnv, state: CallState, recording: RecordingRef | undefined): FlowTurn {
  const { flow } = env;
  if (!recording || state.queueId === undefined) {
    return finish(env, state, [flow.goodbye], { reason: 'no voicemail was left', ...(recording && { effects: [noQueue(state)] }) });
  }
  // The voicemail's callback contact takes the waiting contact's place.
  const handedOver: CallState = { ...state, voicemail: recording, ...(state.contactStatus !== undefined && { contactStatus: 'done' as const }) };
  return finish(env, handedOver, [flow.voicemail.thanks], { reason: 'voicemail left', effects: [storeVoicemail(state, state.queueId, recording)] });
}

/**
 * The voicemail as a callback contact. The flow sends no caller with a withheld number to voicemail; should one
 * get there anyway (a call begun before that rule), the message is reported rather than stored with nobody to dial.
 */
function storeVoicemail(state: CallState, queueId: string, recording: RecordingRef): CallEffect {
  if (!callerReachable(state)) return { type: 'report', problem: `a voicemail (${recording.location}) from a number that cannot be called back` };
  return { type: 'store-voicemail', phone: state.customer, queueId, recording };
}

function noQueue(state: CallState): CallEffect {
  return { type: 'report', problem: `a voicemail without a queue in phase ${state.phase}` };
}

/** A leg hung up. The caller: the call is over, with the effect its phase needs. The agent: as if the agent left. */
export function legHungUp(env: FlowEnv, state: CallState, event: Extract<CallEvent, { type: 'hang-up' }>): FlowTurn {
  if (event.leg === 'agent') {
    if (state.phase === 'connected' || state.phase === 'on-hold') return agentLeft(env, state);
    return stale(state, 'agent leg hung up');
  }
  if (isClosing(state.phase)) return ended(state, 'caller');
  switch (state.phase) {
    case 'dialing':
      return ended(state, 'caller', [{ type: 'dial-result', result: event.cause ?? (state.rang ? 'no-answer' : 'failed') }]);
    case 'queued':
      return ended({ ...state, contactStatus: 'done' }, 'caller', [{ type: 'abandon-contact', reason: 'caller hung up while waiting' }]);
    case 'connected':
    case 'on-hold':
      return ended({ ...state, contactStatus: 'done' }, 'caller', [{ type: 'end-contact', reason: 'caller hung up' }]);
    case 'voicemail':
      return hungUpInVoicemail(state, event.recording);
    default:
      // Greeting, menu, survey: no contact waits, or the survey simply goes unanswered.
      return ended(state.contactStatus ? { ...state, contactStatus: 'done' } : state, 'caller', closeContactEffects(state, 'caller hung up'));
  }
}

/** The caller hung up while recording: a finished recording is still a voicemail; otherwise an abandon, if a contact was waiting. */
function hungUpInVoicemail(state: CallState, recording: RecordingRef | undefined): FlowTurn {
  if (recording && state.queueId !== undefined) {
    const effects: CallEffect[] = [storeVoicemail(state, state.queueId, recording)];
    return ended({ ...state, voicemail: recording, ...(state.contactStatus && { contactStatus: 'done' as const }) }, 'caller', effects);
  }
  const effects = closeContactEffects(state, 'caller hung up while waiting');
  return ended(state.contactStatus ? { ...state, contactStatus: 'done' } : state, 'caller', effects);
}
