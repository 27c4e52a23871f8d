/** Step builders of the call flow: speech in the call's language and the steps each phase runs. */
import type { CallState } from '../call-state.ts';
import type { CallFlow, FlowText } from '../flow-config.ts';
import type { CallStep, FlowLanguage } from '../vocabulary.ts';

/** The SMA runs at most ten actions per answer; every provider gets the same bound. */
export const MAX_STEPS = 10;
/** Keys of the post-call survey. */
export const SURVEY_DIGITS = '12345';
/** Keys of the NPS question (0–10: one or two keys; `#`, not an answer, ends early). */
export const NPS_DIGITS = '0123456789';
export const NPS_MAX = 10;
/** The key that asks for a callback while holding. */
export const CALLBACK_DIGIT = '1';
const DEFAULT_MENU_TIMEOUT_SECONDS = 5;
const DEFAULT_MENU_ATTEMPTS = 3;
const SURVEY_TIMEOUT_MS = 8000;
const VOICEMAIL_SILENCE_SECONDS = 5;

/** Speaks `text` in the call's language; Russian when the English text is missing. */
export function say(flow: CallFlow, state: CallState, text: FlowText): CallStep {
  const english = state.language === 'en' && text.en !== undefined;
  return sayRaw(flow, state, english ? text.en! : text.ru, english ? 'en' : 'ru');
}

/** Speaks a text already in `language` (the position announcement). */
export function sayRaw(flow: CallFlow, state: CallState, text: string, language: FlowLanguage): CallStep {
  const voice = state.plainVoice ? undefined : flow.voices?.[language];
  return { type: 'say', speech: { text, language, ...(voice !== undefined && { voice }) } };
}

/** One menu level as the engine reads it (the first level and a submenu alike). */
export interface MenuLevel {
  prompt: FlowText;
  invalidInput?: FlowText;
  defaultQueueId: string;
  attempts?: number;
  timeoutSeconds?: number;
  options: Record<string, { label: string; queueId?: string; menuChoice?: string; submenu?: MenuLevel }>;
}

/** The menu the caller is in: the first level, or the submenu of the first key chosen. */
export function currentMenu(flow: CallFlow, state: CallState): MenuLevel | undefined {
  if (!flow.menu) return undefined;
  if (state.menuPath.length === 0) return flow.menu;
  return flow.menu.options[state.menuPath[0]!]?.submenu;
}

/** How many prompts a menu is heard before its default queue. */
export function menuAttempts(menu: { attempts?: number }): number {
  return menu.attempts ?? DEFAULT_MENU_ATTEMPTS;
}

/** One key of the menu, spoken prompt included. */
export function menuGather(flow: CallFlow, state: CallState, menu: MenuLevel): CallStep {
  const speech = say(flow, state, menu.prompt);
  return {
    type: 'gather',
    ...(speech.type === 'say' && { speech: speech.speech }),
    minDigits: 1,
    maxDigits: 1,
    timeoutMs: (menu.timeoutSeconds ?? DEFAULT_MENU_TIMEOUT_SECONDS) * 1000,
    validDigits: Object.keys(menu.options).join(''),
  };
}

/** One key 1–5 after the survey prompt; once scored, the NPS question: 0–10, up to two keys, `#` or a pause ends. */
export function surveyGather(flow: CallFlow, state: CallState): CallStep[] {
  if (!flow.survey) return [];
  const nps = state.surveyScore !== undefined ? flow.survey.nps : undefined;
  const speech = say(flow, state, nps ? nps.prompt : flow.survey.prompt);
  const keys = nps ? { maxDigits: 2, validDigits: NPS_DIGITS } : { maxDigits: 1, validDigits: SURVEY_DIGITS };
  return [{ type: 'gather', ...(speech.type === 'say' && { speech: speech.speech }), minDigits: 1, ...keys, timeoutMs: SURVEY_TIMEOUT_MS }];
}

/** The voicemail prompt and the recording. */
export function voicemailSteps(flow: CallFlow, state: CallState): CallStep[] {
  return [say(flow, state, flow.voicemail.prompt), recordStep(flow)];
}

/** The voicemail recording, ending on a few seconds of silence. */
export function recordStep(flow: CallFlow): CallStep {
  return { type: 'record', maxSeconds: flow.voicemail.maxSeconds ?? 120, silenceSeconds: VOICEMAIL_SILENCE_SECONDS };
}

function periodSeconds(flow: CallFlow): number {
  return flow.hold?.announceEverySeconds ?? 30;
}

/**
 * Whether the caller's number can be called back: E.164 with a country code. A withheld number comes as
 * `anonymous`, `Restricted`, an empty string or a bare extension, and nobody can dial those.
 */
export function callerReachable(state: CallState): boolean {
  return /^\+[1-9]\d{6,14}$/.test(state.customer);
}

/** Whether key 1 asks for a callback while holding: the flow offers it and the caller's number can be dialled. */
export function callbackOffered(flow: CallFlow, state: CallState): boolean {
  return (flow.hold?.offerCallback ?? true) && callerReachable(state);
}

/** The queue's hold step: the prompt for one announcement period, key 1 accepted when a callback is offered. */
export function enqueueStep(flow: CallFlow, state: CallState, queueId: string): CallStep {
  return {
    type: 'enqueue',
    queueId,
    holdPrompt: flow.hold?.prompt ?? 'hold-music',
    periodSeconds: periodSeconds(flow),
    ...(callbackOffered(flow, state) && { acceptDigits: CALLBACK_DIGIT }),
  };
}

/** What is said while holding without audio: the position, else the flow's hold text, else the apology. */
function spokenHoldLine(flow: CallFlow, state: CallState, position: { ru: string; en: string } | undefined): CallStep {
  if (position) return sayRaw(flow, state, position[state.language], state.language);
  return say(flow, state, flow.hold?.holdText ?? flow.apology);
}

/**
 * One announcement period in the queue: the position (when known), the callback offer (when the flow
 * offers it), then the hold step. Spoken holding (the prompt is broken) says a line and pauses instead.
 */
export function announcementSteps(flow: CallFlow, state: CallState, position: { ru: string; en: string } | undefined): CallStep[] {
  const offer = callbackOffered(flow, state) ? [say(flow, state, flow.callback.offer)] : [];
  if (state.holdBroken) return [spokenHoldLine(flow, state, position), ...offer, pauseStep(flow)];
  const announce = position ? [sayRaw(flow, state, position[state.language], state.language)] : [];
  return [...announce, ...offer, enqueueStep(flow, state, state.queueId!)];
}

/** Keep holding without an announcement (another key was pressed, or the step must be issued again). */
export function keepHoldingSteps(flow: CallFlow, state: CallState, position: { ru: string; en: string } | undefined): CallStep[] {
  return state.holdBroken ? [spokenHoldLine(flow, state, position), pauseStep(flow)] : [enqueueStep(flow, state, state.queueId!)];
}

/** The agent's hold: the prompt, or the spoken line and a pause when the prompt is broken. */
export function agentHoldSteps(flow: CallFlow, state: CallState): CallStep[] {
  if (state.holdBroken) return [spokenHoldLine(flow, state, undefined), pauseStep(flow)];
  return [{ type: 'play', prompt: flow.hold?.prompt ?? 'hold-music' }];
}

function pauseStep(flow: CallFlow): CallStep {
  return { type: 'pause', ms: periodSeconds(flow) * 1000 };
}

/** The same steps without provider voices (a say failed: the voice id may be the cause). */
export function withoutVoices(steps: readonly CallStep[]): CallStep[] {
  return steps.map((step) => {
    if ((step.type === 'say' || step.type === 'gather') && step.speech?.voice !== undefined) {
      const { voice: _voice, ...speech } = step.speech;
      return { ...step, speech };
    }
    return step;
  });
}
