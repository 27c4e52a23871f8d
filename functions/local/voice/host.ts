/** The call's side that running actions see: timers that die with the call, and what the caller hears. */
import type { ActionHost, CallActivity, CallView, EmulatedCall, EmulatorTiming } from './call-model.ts';
import type { SmaEvent, SmaEventType } from './sma-types.ts';
import { listenForDigits } from './digit-listener.ts';

/** What the host needs of the call engine (kept structural so the engine and the host do not import each other). */
export interface HostEngine {
  config: { timing: EmulatorTiming; meetings: (meetingId: string) => boolean };
  emit(activity: CallActivity): void;
  endCall(call: EmulatedCall, ended: NonNullable<CallView['ended']>): void;
  enqueue(call: EmulatedCall, job: () => Promise<void>): void;
  converse(call: EmulatedCall, type: SmaEventType, extra?: Pick<SmaEvent, 'ActionData'>): Promise<void>;
  hangupData(call: EmulatedCall, code: string): Record<string, unknown>;
}

/** Builds the action host of `call`; every timer is tracked so ending the call cancels it. */
export function hostFor(engine: HostEngine, call: EmulatedCall): ActionHost {
  const { timing } = engine.config;
  const callId = call.transactionId;
  const legCallId = call.legs[0]!.CallId;
  const host: ActionHost = {
    legCallId,
    speechMsPerChar: timing.speechMsPerChar,
    scale: timing.scale,
    promptDurationMs: (key) => (Object.hasOwn(timing.promptDurationsMs, key) ? timing.promptDurationsMs[key] : undefined),
    meetingExists: (meetingId) => engine.config.meetings(meetingId),
    after(ms, fn) {
      if (ms <= 0) {
        // Zero-length steps (recording switches, Pause 0) finish at once, without a timer tick.
        let cancelled = false;
        queueMicrotask(() => {
          if (!cancelled) fn();
        });
        return () => {
          cancelled = true;
        };
      }
      const timer = setTimeout(() => {
        call.timers.delete(timer);
        fn();
      }, ms);
      call.timers.add(timer);
      return () => {
        clearTimeout(timer);
        call.timers.delete(timer);
      };
    },
    heard(item) {
      call.heard.push(item);
      engine.emit({ callId, type: 'heard', item });
    },
    setRecording(on) {
      call.recording = on;
      engine.emit({ callId, type: 'recording', on });
    },
    joinedMeeting(meetingId, joinToken) {
      call.meetingId = meetingId;
      call.meeting = { meetingId, joinToken };
      engine.emit({ callId, type: 'meeting-joined', meetingId });
    },
    recordingKey(bucket, prefix) {
      call.recordingCounter++;
      const key = `${prefix}${prefix && !prefix.endsWith('/') ? '/' : ''}${legCallId}-${call.recordingCounter}.wav`;
      call.recordings.push({ bucket, key });
      return key;
    },
    callRecordingLocation(location) {
      // The service's layout: the default prefix when only a bucket is given, then the call's start date.
      const [bucket, ...prefix] = location.split('/');
      const start = new Date(Number(call.legs[0]!.StartTimeInMilliseconds));
      const iso = start.toISOString();
      const day = iso.slice(0, 10).replaceAll('-', '/');
      const stamp = iso.slice(0, 23).replace('T', '-').replaceAll(':', '-').replace('.', '-');
      const key = `${prefix.length > 0 ? prefix.join('/') : 'Amazon-Chime-SMA-Call-Recordings'}/${day}/${stamp}_${callId}_${legCallId}.wav`;
      call.recordings.push({ bucket: bucket!, key });
      return `${bucket}/${key}`;
    },
    hangUpByApplication(sipResponseCode) {
      if (call.state === 'ended') return;
      engine.endCall(call, { sipResponseCode, reason: 'the application hung up (Hangup action)', by: 'application' });
      engine.enqueue(call, () => engine.converse(call, 'HANGUP', { ActionData: engine.hangupData(call, sipResponseCode) }));
    },
    listenForDigits(action) {
      call.digitListener?.stop();
      const ActionData = { Type: action.Type, Parameters: structuredClone(action.Parameters ?? {}) };
      call.digitListener = listenForDigits(
        host,
        action,
        (digits) => {
          engine.enqueue(call, () => engine.converse(call, 'DIGITS_RECEIVED', { ActionData: { ...ActionData, ReceivedDigits: digits } }));
        },
        (digits) => call.unmatchedDigits.push(digits),
      );
    },
  };
  return host;
}
