import { describe, expect, it } from 'vitest';
import { SmaResponseSchema, smaResponseProblem } from './actions.ts';
import { readSmaSample, smaSampleNames } from './testing.ts';

const CALL = 'a1f9c3e2-5b7d-4e08-9c6a-3d2b1f0e8c57';
const speak = { Type: 'Speak', Parameters: { CallId: CALL, Text: 'Здравствуйте', LanguageCode: 'ru-RU', VoiceId: 'Tatyana', Engine: 'standard' } };
const respond = (actions: unknown[], extra: Record<string, unknown> = {}) => ({ SchemaVersion: '1.0', Actions: actions, ...extra });
const bridge = (parameters: Record<string, unknown>) => ({
  Type: 'CallAndBridge',
  Parameters: { CallerIdNumber: '+12065550143', Endpoints: [{ BridgeEndpointType: 'PSTN', Uri: '+79167654321' }], ...parameters },
});

describe('SmaResponseSchema', () => {
  const names = smaSampleNames('response-');

  it('finds the documented response samples', () => {
    expect(names.length).toBeGreaterThanOrEqual(7);
  });

  it.each(names)('accepts %s', (name) => {
    const sample = readSmaSample(name);
    expect(smaResponseProblem(sample)).toBeUndefined();
    expect(SmaResponseSchema.parse(sample)).toEqual(sample);
  });

  it('accepts ten actions and a hundred attributes', () => {
    const attributes = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 'v']));
    expect(smaResponseProblem(respond(Array.from({ length: 10 }, () => speak), { TransactionAttributes: attributes }))).toBeUndefined();
  });

  it.each<[string, unknown, RegExp]>([
    ['eleven actions', respond(Array.from({ length: 11 }, () => speak)), /at most 10 actions/],
    ['SchemaVersion 2.0', { ...respond([speak]), SchemaVersion: '2.0' }, /SchemaVersion must be "1.0"/],
    ['an unknown action Type', respond([speak, { Type: 'Teleport', Parameters: {} }]), /Actions\[1\]: unknown action Type "Teleport"/],
    [
      'CallAndBridge with two endpoints',
      respond([bridge({ Endpoints: [{ BridgeEndpointType: 'PSTN', Uri: '+79167654321' }, { BridgeEndpointType: 'PSTN', Uri: '+79167654322' }] })]),
      /exactly one endpoint/,
    ],
    ['CallAndBridge with no endpoint', respond([bridge({ Endpoints: [] })]), /exactly one endpoint/],
    ['CallTimeoutSeconds 121', respond([bridge({ CallTimeoutSeconds: 121 })]), /CallTimeoutSeconds must be at most 120/],
    ['a SIP header outside x-…', respond([bridge({ SipHeaders: { 'Contact-Id': '1' } })]), /SIP header "Contact-Id" is not allowed/],
    ['an AWS endpoint without its ARN', respond([bridge({ Endpoints: [{ BridgeEndpointType: 'AWS', Uri: 'agent' }] })]), /Endpoints\[0\]\.Arn/],
    [
      '101 attributes',
      respond([speak], { TransactionAttributes: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v'])) }),
      /at most 100 transaction attributes/,
    ],
    ['a non-string attribute', respond([speak], { TransactionAttributes: { attempts: 2 } }), /TransactionAttributes\.attempts: transaction attribute values must be strings/],
    ['attributes over 20 KB', respond([speak], { TransactionAttributes: { big: 'x'.repeat(20 * 1024) } }), /at most 20480 bytes/],
    ['a numeric SipResponseCode', respond([{ Type: 'Hangup', Parameters: { CallId: CALL, SipResponseCode: 0 } }]), /SipResponseCode must be the string/],
    ['a numeric Pause duration', respond([{ Type: 'Pause', Parameters: { CallId: CALL, DurationInMilliseconds: 1000 } }]), /DurationInMilliseconds/],
    [
      'a numeric PlayAudio Repeat',
      respond([{ Type: 'PlayAudio', Parameters: { CallId: CALL, Repeat: 2, AudioSource: { Type: 'S3', BucketName: 'b', Key: 'k' } } }]),
      /Repeat/,
    ],
    ['an unknown parameter', respond([{ ...speak, Parameters: { ...speak.Parameters, Volume: 11 } }]), /Volume/],
    ['a Speak over 1000 characters', respond([{ ...speak, Parameters: { ...speak.Parameters, Text: 'а'.repeat(1001) } }]), /at most 1000 characters/],
    ['a Speak without CallId', respond([{ Type: 'Speak', Parameters: { ParticipantTag: 'LEG-A', Text: 'a' } }]), /Actions\[0\]\.Parameters/],
    ['a Speak without text', respond([{ Type: 'Speak', Parameters: { CallId: CALL } }]), /Actions\[0\]\.Parameters\.Text/],
    ['Actions missing', { SchemaVersion: '1.0' }, /Actions/],
    [
      'RecordAudio naming its leg twice',
      respond([{ Type: 'RecordAudio', Parameters: { CallId: CALL, ParticipantTag: 'LEG-A', RecordingTerminators: ['#'], RecordingDestination: { Type: 'S3', BucketName: 'b' } } }]),
      /not both/,
    ],
    [
      'RecordAudio without terminators',
      respond([{ Type: 'RecordAudio', Parameters: { CallId: CALL, RecordingDestination: { Type: 'S3', BucketName: 'b' } } }]),
      /RecordingTerminators/,
    ],
    [
      'a get-digits action without its per-attempt timeout',
      respond([{ Type: 'SpeakAndGetDigits', Parameters: { CallId: CALL, SpeechParameters: { Text: 'a' }, FailureSpeechParameters: { Text: 'b' } } }]),
      /RepeatDurationInMilliseconds/,
    ],
    [
      'MinNumberOfDigits above MaxNumberOfDigits',
      respond([{ Type: 'SpeakAndGetDigits', Parameters: { CallId: CALL, SpeechParameters: { Text: 'a' }, FailureSpeechParameters: { Text: 'b' }, MinNumberOfDigits: 3, MaxNumberOfDigits: 2, RepeatDurationInMilliseconds: 5000 } }]),
      /MinNumberOfDigits must not exceed MaxNumberOfDigits/,
    ],
    ['the agent leg joining a meeting', respond([{ Type: 'JoinChimeMeeting', Parameters: { ParticipantTag: 'LEG-B', JoinToken: 't' } }]), /ParticipantTag/],
  ])('refuses %s with a clear problem', (_, value, problem) => {
    expect(SmaResponseSchema.safeParse(value).success).toBe(false);
    expect(smaResponseProblem(value)).toMatch(problem);
  });
});
