/**
 * Runs one SMA action on the caller's leg in simulated time. Interruptible actions (PlayAudio,
 * RecordAudio, Pause, per the update-call docs) can be cut short by an update; the others finish.
 */
import type { ActionHost, ActionOutcome, RunningAction } from './call-model.ts';
import type { SmaAction } from './sma-types.ts';
import { announce, startGather } from './gather.ts';
import { numberParam, promptOf, speechOf, speechProblem } from './params.ts';

/** Actions that report ACTION_SUCCESSFUL on their own; the rest only when they end the list. */
const REPORTING = new Set(['PlayAudioAndGetDigits', 'SpeakAndGetDigits', 'RecordAudio', 'StartCallRecording', 'JoinChimeMeeting', 'CallAndBridge']);
const INTERRUPTIBLE = new Set(['PlayAudio', 'RecordAudio', 'Pause']);

const failed = (errorType: string, errorMessage: string): ActionOutcome => ({ ok: false, errorType, errorMessage });

/** Starts `action`; `done` is called once with its outcome unless the action is stopped first (or hangs up). */
export function startAction(host: ActionHost, action: SmaAction, done: (outcome: ActionOutcome) => void): RunningAction {
  const p = action.Parameters ?? {};
  let cancel: () => void = () => {};
  let onDigit: (key: string) => void = () => {};
  const finishAfter = (ms: number, outcome: ActionOutcome = { ok: true }) => {
    cancel = host.after(ms, () => done(outcome));
  };
  const now = (outcome: ActionOutcome) => finishAfter(0, outcome);
  let flush: (() => ActionOutcome) | undefined;
  // One leg only: a CallId other than LEG-A's, or LEG-B, names a leg the call does not have.
  const wrongLeg = (typeof p.CallId === 'string' && p.CallId !== host.legCallId) || (p.CallId === undefined && p.ParticipantTag === 'LEG-B');
  if (!wrongLeg && (action.Type === 'SpeakAndGetDigits' || action.Type === 'PlayAudioAndGetDigits')) return startGather(host, action, done);

  switch (wrongLeg ? 'wrong-leg' : action.Type) {
    case 'wrong-leg':
      now(failed('InvalidActionParameter', 'CallId or ParticipantTag parameter for the action is invalid.'));
      break;
    case 'Pause':
      finishAfter(numberParam(p.DurationInMilliseconds, 0) * host.scale);
      break;
    case 'Speak': {
      const speech = speechOf(p);
      const problem = speech && speechProblem(speech);
      if (!speech) now(failed('MissingRequiredActionParameter', 'Text is a required parameter.'));
      else if (problem) now(failed('InvalidActionParameter', problem));
      else finishAfter(announce(host, speech) ?? 0);
      break;
    }
    case 'PlayAudio': {
      const prompt = promptOf(p.AudioSource);
      const duration = prompt && announce(host, prompt, Math.max(1, numberParam(p.Repeat, 1)));
      if (duration === undefined) {
        now(failed('InvalidAudioSource', 'Cannot access S3 bucket or audio file.'));
        break;
      }
      finishAfter(duration);
      const terminators = Array.isArray(p.PlaybackTerminators) ? p.PlaybackTerminators.map(String) : [];
      onDigit = (key) => {
        if (!terminators.includes(key)) return;
        cancel();
        now({ ok: true });
      };
      break;
    }
    case 'RecordAudio': {
      const seconds = numberParam(p.DurationInSeconds, 0);
      const destination = (p.RecordingDestination ?? {}) as Record<string, unknown>;
      if (seconds <= 0 || typeof destination.BucketName !== 'string') {
        now(failed('InvalidActionParameter', 'DurationInSeconds and RecordingDestination.BucketName are required.'));
        break;
      }
      host.heard({ kind: 'recording-prompt', durationSeconds: seconds });
      const result = () => ({
        ok: true as const,
        data: { RecordingDestination: { Type: 'S3', BucketName: destination.BucketName, Key: host.recordingKey(destination.BucketName as string, typeof destination.Prefix === 'string' ? destination.Prefix : '') } },
      });
      cancel = host.after(seconds * 1000 * host.scale, () => done(result()));
      flush = () => {
        cancel();
        return result();
      };
      const terminators = Array.isArray(p.RecordingTerminators) ? p.RecordingTerminators.map(String) : ['#'];
      onDigit = (key) => {
        if (!terminators.includes(key)) return;
        cancel();
        cancel = host.after(0, () => done(result()));
      };
      break;
    }
    case 'StartCallRecording': {
      const location = (p.Destination as { Location?: unknown } | undefined)?.Location;
      if (typeof location !== 'string' || location === '') {
        now(failed('InvalidActionParameter', 'Destination.Location is required.'));
        break;
      }
      host.setRecording(true);
      now({ ok: true, data: { CallRecordingDestination: { Type: 'S3', Location: host.callRecordingLocation(location) } } });
      break;
    }
    case 'StopCallRecording':
      host.setRecording(false);
      now({ ok: true });
      break;
    case 'ReceiveDigits':
      host.listenForDigits(action);
      now({ ok: true, data: { ReceivedDigits: '' } });
      break;
    case 'JoinChimeMeeting': {
      const meetingId = typeof p.MeetingId === 'string' ? p.MeetingId : undefined;
      if (!meetingId || !host.meetingExists(meetingId)) {
        now(failed('InvalidActionParameter', `Meeting ${meetingId ?? '(none)'} does not exist or the JoinToken is invalid.`));
        break;
      }
      host.joinedMeeting(meetingId, typeof p.JoinToken === 'string' ? p.JoinToken : '');
      now({ ok: true });
      break;
    }
    case 'Hangup': {
      const code = typeof p.SipResponseCode === 'string' || typeof p.SipResponseCode === 'number' ? String(p.SipResponseCode) : '0';
      cancel = host.after(0, () => host.hangUpByApplication(code, action));
      break;
    }
    default:
      now(failed('SystemException', `The local emulator does not run ${action.Type} yet.`));
  }
  return {
    action,
    interruptible: INTERRUPTIBLE.has(action.Type),
    reportsAlways: REPORTING.has(action.Type),
    capturesDigits: action.Type === 'RecordAudio',
    digit: (key) => onDigit(key),
    stop: () => cancel(),
    ...(flush ? { flush } : {}),
  };
}
