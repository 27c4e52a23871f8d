/**
 * Neutral CallSteps → one SMA response. One step becomes one action, so a response holds at most ten
 * steps; more is a flow bug and throws `SmaResponseError` (the handler then answers with
 * `safeApologyResponse`) rather than silently dropping, say, the final hang-up.
 */
import type { CarriedCall } from '../ports.ts';
import type { CallStep, FlowLanguage, PromptId, Speech } from '../vocabulary.ts';
import { SMA_MAX_ACTIONS, SmaResponseSchema, smaResponseProblem } from './actions.ts';
import { withCarriedCall } from './carried-call.ts';
import type { SmaAction, SmaActionOf, SmaAudioSource, SmaResponse } from './actions.ts';
import { SMA_SCHEMA_VERSION } from './events.ts';
import { AWAITING_ATTRIBUTE } from './to-event.ts';

export type PromptLibrary = Record<PromptId, { bucket: string; key: string; durationSeconds: number }>;

/** A prompt id that, when the library has it, is used as the (otherwise unused) failure audio of get-digits actions. */
export const SILENCE_PROMPT: PromptId = 'silence';

export interface SmaResponseContext {
  /** LEG-A's CallId: every action runs on the caller's leg. */
  callLegId: string;
  /** LEG-B's CallId once bridged (kept for actions on the agent's leg; none needs it yet). */
  bridgedLegId?: string;
  /** The flow's transaction attributes; `awaiting` (and `call`) are added to them. */
  attributes: Record<string, string>;
  /** The call's record as stored after this turn, carried to the next invocation in the `call` attribute when it fits. */
  record?: CarriedCall;
  prompts: PromptLibrary;
  /** Where `record` and `start-recording` write. */
  recordings?: { bucket: string; prefix: string };
  voices?: { ru?: string; en?: string };
  /** The call's own number (E.164): the caller id shown when a phone is bridged. */
  callNumber?: string;
  /** The Voice Connector (group) ARN that SIP targets are called through. */
  voiceConnectorArn?: string;
}

export type SmaResponseErrorCode = 'too-many-steps' | 'unknown-prompt' | 'missing-context' | 'invalid-target' | 'invalid-response';

export class SmaResponseError extends Error {
  override readonly name = 'SmaResponseError';
  constructor(
    readonly code: SmaResponseErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const LANGUAGE_CODES: Record<FlowLanguage, string> = { ru: 'ru-RU', en: 'en-US' };
/** Polly has no neural Russian voice, so every voice is asked for on the standard engine. */
const DEFAULT_VOICES: Record<FlowLanguage, string> = { ru: 'Tatyana', en: 'Joanna' };
/** Said when a get-digits attempt fails: nothing, since the flow engine decides what comes next. */
const SILENT_SSML = '<speak><break time="100ms"/></speak>';
const DTMF_KEYS = ['#', '*', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const HANGUP_CODES = { normal: '0', busy: '486', unavailable: '480' } as const;
const TRACKS = { both: 'BOTH', caller: 'INCOMING', agent: 'OUTGOING' } as const;
const BRIDGE_TIMEOUT_SECONDS = 30;

const positiveInt = (n: number) => Math.max(1, Math.round(n));

function speechParameters(speech: Speech, ctx: SmaResponseContext) {
  const ssml = /^\s*<speak>/.test(speech.text);
  return {
    Text: speech.text,
    Engine: 'standard' as const,
    LanguageCode: LANGUAGE_CODES[speech.language],
    TextType: ssml ? ('ssml' as const) : ('text' as const),
    VoiceId: speech.voice ?? ctx.voices?.[speech.language] ?? DEFAULT_VOICES[speech.language],
  };
}

function audio(prompt: PromptId, ctx: SmaResponseContext): SmaAudioSource {
  const entry = ctx.prompts[prompt];
  if (!entry) throw new SmaResponseError('unknown-prompt', `prompt "${prompt}" is not in the prompt library`);
  return { Type: 'S3', BucketName: entry.bucket, Key: entry.key };
}

const failureAudio = (prompt: PromptId, ctx: SmaResponseContext) => audio(ctx.prompts[SILENCE_PROMPT] ? SILENCE_PROMPT : prompt, ctx);

/** `^[keys]{min,max}$`, plus an optional trailing terminator in case the service keeps it in the digits. */
function digitsRegex(keys: string, min: number, max: number, terminator: string | undefined): string {
  const set = [...new Set(keys)].map((k) => (k === '*' ? '\\*' : k)).join('');
  return `^[${set}]{${min},${max}}${terminator ? `${terminator === '*' ? '\\*' : terminator}?` : ''}$`;
}

/** A key that ends input early and is not itself a valid answer (`#` unless `#` is an answer). */
const terminatorFor = (keys: string) => DTMF_KEYS.find((k) => !keys.includes(k));

function gatherAction(step: Extract<CallStep, { type: 'gather' }>, ctx: SmaResponseContext): SmaAction {
  const keys = step.validDigits && step.validDigits.length > 0 ? step.validDigits : '0123456789*#';
  const min = Math.max(0, Math.round(step.minDigits));
  const max = Math.max(min, 1, Math.round(step.maxDigits));
  const terminator = terminatorFor(keys);
  const collection = {
    InputDigitsRegex: digitsRegex(keys, min, max, terminator),
    MinNumberOfDigits: min,
    MaxNumberOfDigits: max,
    ...(terminator ? { TerminatorDigits: [terminator as (typeof DTMF_KEYS)[number]] } : {}),
    InBetweenDigitsDurationInMilliseconds: positiveInt(step.timeoutMs),
    Repeat: 1, // one attempt: the flow engine counts retries
    RepeatDurationInMilliseconds: positiveInt(step.timeoutMs),
  };
  if (step.prompt !== undefined && step.speech === undefined) {
    return {
      Type: 'PlayAudioAndGetDigits',
      Parameters: { CallId: ctx.callLegId, AudioSource: audio(step.prompt, ctx), FailureAudioSource: failureAudio(step.prompt, ctx), ...collection },
    };
  }
  const language = step.speech?.language ?? 'ru';
  const main = step.speech ?? { text: SILENT_SSML, language };
  return {
    Type: 'SpeakAndGetDigits',
    Parameters: {
      CallId: ctx.callLegId,
      SpeechParameters: speechParameters(main, ctx),
      FailureSpeechParameters: speechParameters({ ...main, text: SILENT_SSML }, ctx),
      ...collection,
    },
  };
}

function enqueueAction(step: Extract<CallStep, { type: 'enqueue' }>, ctx: SmaResponseContext): SmaAction {
  const hold = audio(step.holdPrompt, ctx);
  const duration = ctx.prompts[step.holdPrompt]?.durationSeconds ?? 0;
  const periodMs = positiveInt(step.periodSeconds * 1000);
  if (step.acceptDigits !== undefined && step.acceptDigits.length > 0) {
    // One attempt lasting the period: the hold prompt plays once, a key ends the wait early.
    const terminator = terminatorFor(step.acceptDigits);
    return {
      Type: 'PlayAudioAndGetDigits',
      Parameters: {
        CallId: ctx.callLegId,
        AudioSource: hold,
        FailureAudioSource: failureAudio(step.holdPrompt, ctx),
        InputDigitsRegex: digitsRegex(step.acceptDigits, 1, 1, terminator),
        MinNumberOfDigits: 1,
        MaxNumberOfDigits: 1,
        Repeat: 1,
        RepeatDurationInMilliseconds: periodMs,
      },
    };
  }
  const repeat = duration > 0 ? Math.max(1, Math.ceil(step.periodSeconds / duration)) : 1;
  return { Type: 'PlayAudio', Parameters: { CallId: ctx.callLegId, Repeat: String(repeat), AudioSource: hold } };
}

/** The user part of a SIP URI (`sip:agent-7@pbx.example` → `agent-7`). */
function sipUser(uri: string): string {
  const match = /^sips?:([^@;]+)@/i.exec(uri);
  if (!match?.[1]) throw new SmaResponseError('invalid-target', `"${uri}" is not a sip:user@host URI`);
  return match[1];
}

function connectAction(step: Extract<CallStep, { type: 'connect' }>, ctx: SmaResponseContext): SmaAction {
  const target = step.target;
  if (target.kind === 'meeting') {
    return { Type: 'JoinChimeMeeting', Parameters: { CallId: ctx.callLegId, MeetingId: target.meetingId, JoinToken: target.joinToken } };
  }
  if (!ctx.callNumber) throw new SmaResponseError('missing-context', 'bridging needs the call number as caller id');
  const endpoint: SmaActionOf<'CallAndBridge'>['Parameters']['Endpoints'][number] =
    target.kind === 'phone'
      ? { BridgeEndpointType: 'PSTN', Uri: target.e164 }
      : (() => {
          if (!ctx.voiceConnectorArn) throw new SmaResponseError('missing-context', 'a SIP target needs the Voice Connector ARN');
          return { BridgeEndpointType: 'AWS' as const, Arn: ctx.voiceConnectorArn, Uri: sipUser(target.uri) };
        })();
  return { Type: 'CallAndBridge', Parameters: { CallTimeoutSeconds: BRIDGE_TIMEOUT_SECONDS, CallerIdNumber: ctx.callNumber, Endpoints: [endpoint] } };
}

function recordings(ctx: SmaResponseContext) {
  if (!ctx.recordings) throw new SmaResponseError('missing-context', 'recording needs the recordings bucket');
  return ctx.recordings;
}

function toAction(step: CallStep, ctx: SmaResponseContext): SmaAction {
  const CallId = ctx.callLegId;
  switch (step.type) {
    case 'say':
      return { Type: 'Speak', Parameters: { CallId, ...speechParameters(step.speech, ctx) } };
    case 'play':
      return { Type: 'PlayAudio', Parameters: { CallId, Repeat: String(positiveInt(step.repeat ?? 1)), AudioSource: audio(step.prompt, ctx) } };
    case 'gather':
      return gatherAction(step, ctx);
    case 'enqueue':
      return enqueueAction(step, ctx);
    case 'connect':
      return connectAction(step, ctx);
    case 'record': {
      const { bucket, prefix } = recordings(ctx);
      return {
        Type: 'RecordAudio',
        Parameters: {
          CallId,
          DurationInSeconds: String(positiveInt(step.maxSeconds)),
          SilenceDurationInSeconds: Math.min(1000, positiveInt(step.silenceSeconds)),
          RecordingTerminators: ['#'],
          RecordingDestination: { Type: 'S3', BucketName: bucket, ...(prefix ? { Prefix: prefix } : {}) },
        },
      };
    }
    case 'start-recording': {
      const { bucket, prefix } = recordings(ctx);
      const Location = prefix ? `${bucket}/${prefix.replace(/^\/+/, '')}` : bucket;
      return { Type: 'StartCallRecording', Parameters: { CallId, Track: TRACKS[step.track], Destination: { Type: 'S3', Location } } };
    }
    case 'stop-recording':
      return { Type: 'StopCallRecording', Parameters: { CallId } };
    case 'pause':
      return { Type: 'Pause', Parameters: { CallId, DurationInMilliseconds: String(positiveInt(step.ms)) } };
    case 'hang-up':
      return { Type: 'Hangup', Parameters: { CallId, SipResponseCode: HANGUP_CODES[step.cause ?? 'normal'] } };
  }
}

/**
 * The SMA answer for `steps`, with the last step written to the `awaiting` attribute (the step the
 * SMA's next result reports on) and the call's record to the `call` attribute. Always valid against `SmaResponseSchema`, or throws `SmaResponseError`.
 */
export function toSmaResponse(steps: readonly CallStep[], ctx: SmaResponseContext): SmaResponse {
  if (steps.length > SMA_MAX_ACTIONS) {
    throw new SmaResponseError('too-many-steps', `${steps.length} steps do not fit one response (at most ${SMA_MAX_ACTIONS})`);
  }
  const { [AWAITING_ATTRIBUTE]: _previous, ...attributes } = withCarriedCall(ctx.attributes, ctx.record);
  const last = steps.at(-1);
  const response: SmaResponse = {
    SchemaVersion: SMA_SCHEMA_VERSION,
    Actions: steps.map((step) => toAction(step, ctx)),
    TransactionAttributes: last ? { ...attributes, [AWAITING_ATTRIBUTE]: last.type } : attributes,
  };
  const problem = smaResponseProblem(response);
  if (problem !== undefined) throw new SmaResponseError('invalid-response', problem);
  return SmaResponseSchema.parse(response);
}

const APOLOGY: Record<FlowLanguage, string> = {
  ru: 'Извините, произошла ошибка. Пожалуйста, перезвоните позже.',
  en: 'Sorry, something went wrong. Please call again later.',
};

/** The handler's last resort: an apology, then a normal hang-up. Leaves the stored attributes alone. */
export function safeApologyResponse(callLegId: string, language: FlowLanguage): SmaResponse {
  return {
    SchemaVersion: SMA_SCHEMA_VERSION,
    Actions: [
      {
        Type: 'Speak',
        Parameters: { CallId: callLegId, Text: APOLOGY[language], Engine: 'standard', LanguageCode: LANGUAGE_CODES[language], TextType: 'text', VoiceId: DEFAULT_VOICES[language] },
      },
      { Type: 'Hangup', Parameters: { CallId: callLegId, SipResponseCode: '0' } },
    ],
  };
}
