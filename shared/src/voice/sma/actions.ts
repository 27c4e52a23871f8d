/**
 * The answer a SIP media application expects from its Lambda: up to ten actions plus the
 * transaction's attributes. Strict on purpose (unknown parameters and action types are refused):
 * the voice handler checks every answer before returning it, and the local SMA emulator refuses
 * what these schemas refuse, so a mistake shows up in tests instead of as a dropped call.
 * Parameter types follow the developer guide, including the ones sent as strings (see NOTES in
 * test/fixtures/wire/chime-sma/NOTES.md).
 */
import * as z from 'zod';
import { lazySchema } from '../../lazy-schema.ts';
import { ParticipantTagSchema, SMA_SCHEMA_VERSION } from './events.ts';

export const SMA_MAX_ACTIONS = 10;
export const SMA_MAX_ATTRIBUTES = 100;
export const SMA_MAX_ATTRIBUTES_BYTES = 20 * 1024;
export const SMA_MAX_CALL_TIMEOUT_SECONDS = 120;

const nonEmpty = lazySchema(() => z.string().min(1));
/** A whole number written as a string, as a few parameters are ("1000", "10"). */
const countString = (what: string) => z.string().regex(/^[1-9]\d*$/, { error: `${what} must be a positive whole number written as a string` });
const dtmfKey = lazySchema(() => z.enum(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '#', '*']));
const dtmfKeys = lazySchema(() => z.array(dtmfKey));
const count = lazySchema(() => z.number().int().positive());
const e164 = lazySchema(() => z.string().regex(/^\+[1-9]\d{1,14}$/, { error: 'must be an E.164 phone number (+ and up to 15 digits)' }));

export const SmaAudioSourceSchema = lazySchema(() => z.strictObject({
  Type: z.literal('S3'),
  BucketName: nonEmpty,
  Key: nonEmpty,
}));
export type SmaAudioSource = z.infer<typeof SmaAudioSourceSchema>;

/** Polly speech: the text plus how to say it. */
const speechFields = lazySchema(() => ({
  // Longer texts fail at run time (ACTION_FAILED), which is as bad for the caller as a refusal.
  Text: nonEmpty.max(1000, { error: 'a spoken Text is at most 1000 characters' }),
  Engine: z.enum(['standard', 'neural']).optional(),
  LanguageCode: nonEmpty.optional(),
  TextType: z.enum(['text', 'ssml']).optional(),
  VoiceId: nonEmpty.optional(),
}));
export const SmaSpeechParametersSchema = lazySchema(() => z.strictObject(speechFields));

/** Most actions name their leg by CallId, ParticipantTag or both. */
const legFields = lazySchema(() => ({ CallId: nonEmpty.optional(), ParticipantTag: ParticipantTagSchema.optional() }));
const onLeg = { CallId: nonEmpty };

const digitCollection = lazySchema(() => ({
  InputDigitsRegex: nonEmpty.optional(),
  MinNumberOfDigits: z.number().int().nonnegative().optional(),
  MaxNumberOfDigits: count.optional(),
  TerminatorDigits: dtmfKeys.optional(),
  InBetweenDigitsDurationInMilliseconds: count.optional(),
  Repeat: count.optional(),
  /** The guide marks the per-attempt timeout as required for both get-digits actions. */
  RepeatDurationInMilliseconds: count,
}));
const digitsInOrder = (p: { MinNumberOfDigits?: number; MaxNumberOfDigits?: number }) =>
  p.MinNumberOfDigits === undefined || p.MaxNumberOfDigits === undefined || p.MinNumberOfDigits <= p.MaxNumberOfDigits;
const digitsOrderError = { error: 'MinNumberOfDigits must not exceed MaxNumberOfDigits', path: ['MaxNumberOfDigits'] };

const action = <T extends string, P extends z.ZodType>(type: T, parameters: P) =>
  z.strictObject({ Type: z.literal(type), Parameters: parameters });

export const SpeakActionSchema = lazySchema(() => action('Speak', z.strictObject({ ...onLeg, ...speechFields })));

export const SpeakAndGetDigitsActionSchema = lazySchema(() => action(
  'SpeakAndGetDigits',
  z
    .strictObject({
      ...onLeg,
      SpeechParameters: SmaSpeechParametersSchema,
      FailureSpeechParameters: SmaSpeechParametersSchema,
      ...digitCollection,
    })
    .refine(digitsInOrder, digitsOrderError),
));

export const PlayAudioActionSchema = lazySchema(() => action(
  'PlayAudio',
  z.strictObject({
    ...legFields,
    PlaybackTerminators: dtmfKeys.optional(),
    Repeat: countString('Repeat').optional(),
    AudioSource: SmaAudioSourceSchema,
  }),
));

export const PlayAudioAndGetDigitsActionSchema = lazySchema(() => action(
  'PlayAudioAndGetDigits',
  z
    .strictObject({
      ...legFields,
      AudioSource: SmaAudioSourceSchema,
      FailureAudioSource: SmaAudioSourceSchema,
      ...digitCollection,
    })
    .refine(digitsInOrder, digitsOrderError),
));

/** Custom SIP headers must be `x-…` (any case) or one of the two standard ones the service passes. */
const allowedSipHeader = (name: string) => /^x-[A-Za-z0-9-]+$/i.test(name) || name === 'User-to-User' || name === 'Diversion';
const sipHeaders = lazySchema(() => z.record(z.string(), z.string()).check((ctx) => {
  const bad = Object.keys(ctx.value).find((name) => !allowedSipHeader(name));
  if (bad !== undefined) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      path: [bad],
      message: `SIP header "${bad}" is not allowed (only x-…, User-to-User, Diversion)`,
    });
  }
}));

export const SmaBridgeEndpointSchema = lazySchema(() => z.discriminatedUnion('BridgeEndpointType', [
  z.strictObject({ BridgeEndpointType: z.literal('PSTN'), Uri: e164 }),
  /** A Voice Connector (group): its ARN, and the user part to call on it. */
  z.strictObject({
    BridgeEndpointType: z.literal('AWS'),
    Arn: z.string().startsWith('arn:aws:chime:'),
    // The user part of the Request-URI: 1–30 characters from a restricted set.
    Uri: z.string().regex(/^[A-Za-z0-9&=+$/%\-_!~*(),.]{1,30}$/, { error: 'an AWS endpoint Uri is 1–30 characters of a-z A-Z 0-9 &=+$/%-_!~*(),.' }),
  }),
]));

export const CallAndBridgeActionSchema = lazySchema(() => action(
  'CallAndBridge',
  z.strictObject({
    CallTimeoutSeconds: z
      .number()
      .int()
      .min(0)
      .max(SMA_MAX_CALL_TIMEOUT_SECONDS, { error: `CallTimeoutSeconds must be at most ${SMA_MAX_CALL_TIMEOUT_SECONDS}` })
      .optional(),
    CallerIdNumber: e164,
    Endpoints: z.array(SmaBridgeEndpointSchema).length(1, { error: 'CallAndBridge needs exactly one endpoint' }),
    SipHeaders: sipHeaders.optional(),
    RingbackTone: SmaAudioSourceSchema.optional(),
  }),
));

export const JoinChimeMeetingActionSchema = lazySchema(() => action(
  'JoinChimeMeeting',
  // Only the caller's leg can join a meeting.
  z.strictObject({ CallId: nonEmpty.optional(), ParticipantTag: z.literal('LEG-A').optional(), JoinToken: nonEmpty, MeetingId: nonEmpty.optional() }),
));

export const ModifyChimeMeetingAttendeesActionSchema = lazySchema(() => action(
  'ModifyChimeMeetingAttendees',
  z.strictObject({
    ...legFields,
    Operation: z.enum(['Mute', 'Unmute']),
    MeetingId: nonEmpty,
    AttendeeList: z.array(nonEmpty).min(1),
  }),
));

export const StartCallRecordingActionSchema = lazySchema(() => action(
  'StartCallRecording',
  z.strictObject({
    ...onLeg,
    Track: z.enum(['BOTH', 'INCOMING', 'OUTGOING']),
    /** `Location` is the bucket name, optionally followed by `/prefix`. */
    Destination: z.strictObject({ Type: z.literal('S3'), Location: nonEmpty }),
  }),
));
export const StopCallRecordingActionSchema = lazySchema(() => action('StopCallRecording', z.strictObject(onLeg)));
export const PauseCallRecordingActionSchema = lazySchema(() => action('PauseCallRecording', z.strictObject(onLeg)));
export const ResumeCallRecordingActionSchema = lazySchema(() => action('ResumeCallRecording', z.strictObject(onLeg)));

export const RecordAudioActionSchema = lazySchema(() => action(
  'RecordAudio',
  z
    .strictObject({
      ...legFields,
      DurationInSeconds: countString('DurationInSeconds').optional(),
      SilenceDurationInSeconds: z.number().int().min(1).max(1000).optional(),
      SilenceThreshold: z.number().int().min(1).max(1000).optional(),
      RecordingTerminators: dtmfKeys.min(1),
      RecordingDestination: z.strictObject({ Type: z.literal('S3'), BucketName: nonEmpty, Prefix: z.string().optional() }),
    })
    // The guide allows one way of naming the leg here, not both.
    .refine((p) => p.CallId === undefined || p.ParticipantTag === undefined, {
      error: 'RecordAudio takes CallId or ParticipantTag, not both',
      path: ['ParticipantTag'],
    }),
));

export const PauseActionSchema = lazySchema(() => action(
  'Pause',
  z.strictObject({ ...legFields, DurationInMilliseconds: countString('DurationInMilliseconds') }),
));

export const HangupActionSchema = lazySchema(() => action(
  'Hangup',
  z.strictObject({
    ...legFields,
    SipResponseCode: z.enum(['0', '480', '486'], { error: 'SipResponseCode must be the string "0", "480" or "486"' }).optional(),
  }),
));

export const ReceiveDigitsActionSchema = lazySchema(() => action(
  'ReceiveDigits',
  z.strictObject({
    ...legFields,
    InputDigitsRegex: nonEmpty,
    InBetweenDigitsDurationInMilliseconds: count,
    FlushDigitsDurationInMilliseconds: count,
  }),
));

export const SendDigitsActionSchema = lazySchema(() => action(
  'SendDigits',
  z.strictObject({
    ...onLeg,
    // A comma is a pause between tones.
    Digits: z.string().regex(/^[0-9#*A-D,]+$/, { error: 'Digits must be made of 0-9 # * A-D and commas' }),
    ToneDurationInMilliseconds: z.number().int().min(50).max(24000).optional(),
  }),
));

export const VoiceFocusActionSchema = lazySchema(() => action('VoiceFocus', z.strictObject({ ...onLeg, Enable: z.boolean() })));

export const SMA_ACTION_TYPES = [
  'Speak',
  'SpeakAndGetDigits',
  'PlayAudio',
  'PlayAudioAndGetDigits',
  'CallAndBridge',
  'JoinChimeMeeting',
  'ModifyChimeMeetingAttendees',
  'StartCallRecording',
  'StopCallRecording',
  'PauseCallRecording',
  'ResumeCallRecording',
  'RecordAudio',
  'Pause',
  'Hangup',
  'ReceiveDigits',
  'SendDigits',
  'VoiceFocus',
] as const;
export type SmaActionType = (typeof SMA_ACTION_TYPES)[number];

export const SmaActionSchema = lazySchema(() => z.discriminatedUnion('Type', [
  SpeakActionSchema,
  SpeakAndGetDigitsActionSchema,
  PlayAudioActionSchema,
  PlayAudioAndGetDigitsActionSchema,
  CallAndBridgeActionSchema,
  JoinChimeMeetingActionSchema,
  ModifyChimeMeetingAttendeesActionSchema,
  StartCallRecordingActionSchema,
  StopCallRecordingActionSchema,
  PauseCallRecordingActionSchema,
  ResumeCallRecordingActionSchema,
  RecordAudioActionSchema,
  PauseActionSchema,
  HangupActionSchema,
  ReceiveDigitsActionSchema,
  SendDigitsActionSchema,
  VoiceFocusActionSchema,
]));
export type SmaAction = z.infer<typeof SmaActionSchema>;
export type SmaActionOf<T extends SmaActionType> = Extract<SmaAction, { Type: T }>;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

export const SmaResponseAttributesSchema = lazySchema(() => z
  .record(z.string(), z.string({ error: 'transaction attribute values must be strings' }))
  .refine((a) => Object.keys(a).length <= SMA_MAX_ATTRIBUTES, {
    error: `at most ${SMA_MAX_ATTRIBUTES} transaction attributes`,
  })
  .refine((a) => utf8Bytes(JSON.stringify(a)) <= SMA_MAX_ATTRIBUTES_BYTES, {
    error: `transaction attributes must serialize to at most ${SMA_MAX_ATTRIBUTES_BYTES} bytes`,
  }));

export const SmaResponseSchema = lazySchema(() => z.strictObject({
  SchemaVersion: z.literal(SMA_SCHEMA_VERSION, { error: `SchemaVersion must be "${SMA_SCHEMA_VERSION}"` }),
  Actions: z.array(SmaActionSchema).max(SMA_MAX_ACTIONS, { error: `at most ${SMA_MAX_ACTIONS} actions per response` }),
  /** Absent: the stored attributes stay; `{}` erases them; any other map replaces them. */
  TransactionAttributes: SmaResponseAttributesSchema.optional(),
}));
export type SmaResponse = z.infer<typeof SmaResponseSchema>;

const where = (path: readonly PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');

/** The first reason the service would refuse `value`, in plain words; undefined when it is a valid answer. */
export function smaResponseProblem(value: unknown): string | undefined {
  const actions = (value as { Actions?: unknown } | null)?.Actions;
  if (Array.isArray(actions)) {
    const unknownAt = actions.findIndex(
      (a) => !SMA_ACTION_TYPES.includes((a as { Type?: unknown } | null)?.Type as SmaActionType),
    );
    if (unknownAt >= 0 && actions.length <= SMA_MAX_ACTIONS) {
      const type = (actions[unknownAt] as { Type?: unknown } | null)?.Type;
      return `Actions[${unknownAt}]: unknown action Type ${JSON.stringify(type)}`;
    }
  }
  const parsed = SmaResponseSchema.safeParse(value);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  if (!issue) return 'not a valid SMA response';
  const at = where(issue.path);
  return at ? `${at}: ${issue.message}` : issue.message;
}
