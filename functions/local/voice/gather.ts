/**
 * SpeakAndGetDigits and PlayAudioAndGetDigits: play the prompt, collect keys until the maximum, a
 * terminator, the gap between keys or the attempt's time runs out; a wrong answer plays the failure
 * prompt and tries again, up to `Repeat` attempts. Keys pressed during the prompt count (barge-in).
 */
import type { ActionHost, ActionOutcome, HeardItem, RunningAction } from './call-model.ts';
import type { SmaAction } from './sma-types.ts';
import { numberParam, promptOf, speechOf, speechProblem, type Prompt } from './params.ts';

/** Starts a gather; `done` gets the digits (the terminator included, as the docs' regexes expect) or InvalidDigitsReceived. */
export function startGather(host: ActionHost, action: SmaAction, done: (outcome: ActionOutcome) => void): RunningAction {
  const p = action.Parameters ?? {};
  const isSpeak = action.Type === 'SpeakAndGetDigits';
  const main = isSpeak ? speechOf(p.SpeechParameters) : promptOf(p.AudioSource);
  const failure = isSpeak ? speechOf(p.FailureSpeechParameters, p.SpeechParameters) : promptOf(p.FailureAudioSource);
  const minDigits = numberParam(p.MinNumberOfDigits, 0);
  const maxDigits = numberParam(p.MaxNumberOfDigits, 128);
  const terminators = Array.isArray(p.TerminatorDigits) ? p.TerminatorDigits.map(String) : ['#'];
  const attemptMs = numberParam(p.RepeatDurationInMilliseconds, 10_000) * host.scale;
  const betweenMs = numberParam(p.InBetweenDigitsDurationInMilliseconds, numberParam(p.RepeatDurationInMilliseconds, 10_000)) * host.scale;
  const repeat = Math.max(1, numberParam(p.Repeat, 1));
  let regex: RegExp | undefined;
  try {
    regex = typeof p.InputDigitsRegex === 'string' ? new RegExp(p.InputDigitsRegex) : undefined;
  } catch {
    regex = undefined;
  }

  const speechIssue = [main, failure].map((prompt) => prompt && speechProblem(prompt)).find(Boolean);
  const refusal: ActionOutcome | undefined = !main
    ? { ok: false, errorType: isSpeak ? 'MissingRequiredActionParameter' : 'InvalidAudioSource', errorMessage: isSpeak ? 'SpeechParameters.Text is required' : 'Audio Source parameter value is invalid.' }
    : speechIssue
      ? { ok: false, errorType: 'InvalidActionParameter', errorMessage: speechIssue }
      : undefined;
  if (!main || refusal) {
    const cancel = host.after(0, () => done(refusal!));
    return { action, interruptible: false, reportsAlways: true, digit: () => {}, stop: cancel };
  }

  let attempt = 0;
  let digits = '';
  let listening = false;
  let cancel: () => void = () => {};
  let finished = false;

  const play = (prompt: Prompt, then: () => void) => {
    const durationMs = announce(host, prompt);
    if (durationMs === undefined) {
      finish({ ok: false, errorType: 'InvalidAudioSource', errorMessage: 'Audio Source parameter value is invalid.' });
      return;
    }
    cancel = host.after(durationMs, then);
  };
  const finish = (outcome: ActionOutcome) => {
    if (finished) return;
    finished = true;
    cancel();
    done(outcome);
  };
  const startAttempt = () => {
    attempt++;
    digits = '';
    listening = true;
    host.heard({ kind: 'gather', action: action.Type as 'SpeakAndGetDigits', attempt, minDigits, maxDigits });
    play(main, () => waitFor(attemptMs));
  };
  const waitFor = (ms: number) => {
    cancel();
    cancel = host.after(ms, endAttempt);
  };
  const endAttempt = () => {
    listening = false;
    cancel();
    const counted = digits.length;
    const valid = counted >= minDigits && (!regex || regex.test(digits));
    if (valid) return finish({ ok: true, data: { ReceivedDigits: digits } });
    if (attempt >= repeat) return finish({ ok: false, errorType: 'InvalidDigitsReceived', errorMessage: `Expected ${minDigits}–${maxDigits} digits${regex ? ` matching ${regex.source}` : ''}, got ${JSON.stringify(digits)}` });
    if (failure) play(failure, startAttempt);
    else startAttempt();
  };

  startAttempt();
  return {
    action,
    interruptible: false,
    reportsAlways: true,
    capturesDigits: true,
    digit(key) {
      if (!listening || finished) return;
      digits += key;
      if (terminators.includes(key) || digits.length >= maxDigits) return endAttempt();
      waitFor(betweenMs);
    },
    stop() {
      finished = true;
      cancel();
    },
  };
}

/** Tells the host what the caller hears and returns how long it takes, or undefined for an unknown audio key. */
export function announce(host: ActionHost, prompt: Prompt, repeat = 1): number | undefined {
  if (prompt.kind === 'speech') {
    host.heard({ kind: 'speech', text: prompt.text, language: prompt.language, voice: prompt.voice, ssml: prompt.ssml });
    return plainText(prompt.text, prompt.ssml).length * host.speechMsPerChar * host.scale * repeat;
  }
  const duration = host.promptDurationMs(prompt.key);
  if (duration === undefined) return undefined;
  const item: HeardItem = { kind: 'prompt', key: prompt.key, repeat };
  if (prompt.bucket) item.bucket = prompt.bucket;
  host.heard(item);
  return duration * repeat * host.scale;
}

/** The spoken characters of a text: SSML tags are not read aloud. */
function plainText(text: string, ssml: boolean): string {
  return ssml ? text.replace(/<[^>]*>/g, '') : text;
}
