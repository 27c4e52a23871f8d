import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../vocabulary.ts';
import { SmaEventSchema } from './events.ts';
import type { SmaEventInput } from './events.ts';
import { readSmaSample } from './testing.ts';
import { SmaEventMappingError, decodeCallUpdate, encodeCallUpdate, fromSmaEvent } from './to-event.ts';

const map = (event: unknown) => fromSmaEvent(SmaEventSchema.parse(event));
const sample = (name: string) => readSmaSample<SmaEventInput>(name);

/** A sample event turned into another type, with other ActionData and attributes. */
function variant(type: SmaEventInput['InvocationEventType'], actionData?: SmaEventInput['ActionData'], attributes?: Record<string, string>): SmaEventInput {
  const base = sample('event-action-successful-play-audio.json');
  const { ActionData: _dropped, ...rest } = base;
  return {
    ...rest,
    InvocationEventType: type,
    ...(actionData ? { ActionData: actionData } : {}),
    CallDetails: { ...base.CallDetails, TransactionAttributes: attributes ?? { tenantId: 'acme-ru' } },
  };
}

describe('fromSmaEvent on the documented samples', () => {
  it.each<[string, CallEvent]>([
    ['event-new-inbound-call.json', { type: 'call-started', direction: 'inbound', from: '+79001234567', to: '+12065550143' }],
    ['event-new-outbound-call.json', { type: 'call-started', direction: 'outbound', from: '+12065550143', to: '+79001234567' }],
    ['event-call-answered.json', { type: 'answered' }],
    ['event-action-successful-play-audio.json', { type: 'step-done', step: 'play' }],
    ['event-action-successful-speak-and-get-digits.json', { type: 'step-done', step: 'gather', digits: '2' }],
    ['event-action-failed-play-audio.json', { type: 'step-failed', step: 'play', error: 'InvalidAudioSource', message: 'Cannot access S3 bucket or audio file.' }],
    ['event-hangup-caller.json', { type: 'hang-up', leg: 'caller' }],
    ['event-call-update-requested.json', { type: 'update-requested', reason: 'agent-connected', agentId: 'ag-0042' }],
    ['event-invalid-lambda-response.json', { type: 'invalid-response', error: 'TransactionAttributesInvalidMapSize' }],
  ])('%s', (name, expected) => {
    const inbound = map(sample(name));
    expect(inbound.event).toEqual(expected);
    expect(inbound.callId).toBe('4b0c6e1a-93d2-4f7e-a8b5-2c9d1e0f3a74');
    expect(inbound.legA?.callId).toBe('a1f9c3e2-5b7d-4e08-9c6a-3d2b1f0e8c57');
    expect(inbound.legB).toBeUndefined();
  });

  it('returns the transaction attributes and the LEG-A details', () => {
    const inbound = map(sample('event-action-successful-speak-and-get-digits.json'));
    expect(inbound.attributes).toEqual({ tenantId: 'acme-ru', contactId: 'ct-01J0Q8Z6K2V9', flowStep: 'main-menu' });
    expect(inbound.legA).toEqual({ callId: 'a1f9c3e2-5b7d-4e08-9c6a-3d2b1f0e8c57', from: '+79001234567', to: '+12065550143', direction: 'inbound' });
    expect(map(sample('event-new-inbound-call.json')).attributes).toEqual({});
  });
});

describe('fromSmaEvent on the other event types', () => {
  const playAudio = sample('event-action-successful-play-audio.json').ActionData!;
  const gatherAudio = { Type: 'PlayAudioAndGetDigits', Parameters: { TerminatorDigits: ['#'] }, ReceivedDigits: '1#' };

  it('takes the step from the awaiting attribute, and hides that attribute from the flow', () => {
    const inbound = map(variant('ACTION_SUCCESSFUL', gatherAudio, { awaiting: 'enqueue', tenantId: 'acme-ru' }));
    expect(inbound.event).toEqual({ type: 'step-done', step: 'enqueue', digits: '1' });
    expect(inbound.attributes).toEqual({ tenantId: 'acme-ru' });
    expect(inbound.awaiting).toBe('enqueue');
    expect(map(variant('ACTION_SUCCESSFUL', playAudio, { awaiting: 'enqueue' })).event).toEqual({ type: 'step-done', step: 'enqueue' });
  });

  it('ignores an awaiting attribute that the reported action cannot stand for', () => {
    // Recording failed while the flow waited for the meeting: the failure belongs to the recording.
    const failed = { Type: 'StartCallRecording', Parameters: {}, ErrorType: 'InvalidActionParameter' };
    const inbound = map(variant('ACTION_FAILED', failed, { awaiting: 'connect' }));
    expect(inbound.event).toEqual({ type: 'step-failed', step: 'start-recording', error: 'InvalidActionParameter' });
    expect(inbound.awaiting).toBe('connect');
  });

  it('reads a get-digits timeout as a gather with no digits, and a real fault as a failure', () => {
    const timedOut = { Type: 'SpeakAndGetDigits', Parameters: {} };
    expect(map(variant('ACTION_FAILED', timedOut, { awaiting: 'gather' })).event).toEqual({ type: 'step-done', step: 'gather', digits: '' });
    expect(map(variant('ACTION_FAILED', { ...gatherAudio, ReceivedDigits: '' }, { awaiting: 'enqueue' })).event).toEqual({ type: 'step-done', step: 'enqueue' });
    const fault = { Type: 'PlayAudioAndGetDigits', Parameters: {}, ErrorType: 'InvalidAudioSource' };
    expect(map(variant('ACTION_FAILED', fault, { awaiting: 'gather' })).event).toEqual({ type: 'step-failed', step: 'gather', error: 'InvalidAudioSource' });
  });

  it('reports where RecordAudio put the recording', () => {
    const recorded = { Type: 'RecordAudio', Parameters: {}, RecordingDestination: { Type: 'S3', BucketName: 'rec', Key: 'vm/4b0c.wav' } };
    expect(map(variant('ACTION_SUCCESSFUL', recorded, { awaiting: 'record' })).event).toEqual({ type: 'step-done', step: 'record', recording: { location: 'vm/4b0c.wav' } });
  });

  it('maps ringing, interruption, digits and the agent leg hanging up', () => {
    expect(map(variant('RINGING')).event).toEqual({ type: 'ringing' });
    expect(map(variant('ACTION_INTERRUPTED', playAudio, { awaiting: 'enqueue' })).event).toEqual({ type: 'step-interrupted', step: 'enqueue' });
    expect(map(variant('ACTION_INTERRUPTED')).event).toEqual({ type: 'step-interrupted' });
    expect(map(variant('DIGITS_RECEIVED', { Type: 'ReceiveDigits', ReceivedDigits: '*9' })).event).toEqual({ type: 'digits', digits: '*9' });
    expect(map(variant('HANGUP', { Type: 'Hangup', Parameters: { SipResponseCode: 486, ParticipantTag: 'LEG-B' } })).event).toEqual({ type: 'hang-up', leg: 'agent' });
    expect(map(variant('HANGUP')).event).toEqual({ type: 'hang-up', leg: 'caller' });
  });

  it('describes both legs once bridged', () => {
    const event = variant('ACTION_SUCCESSFUL', { Type: 'CallAndBridge', Parameters: {} });
    const legB = { CallId: 'b-leg', ParticipantTag: 'LEG-B', To: '+79167654321', From: '+12065550143', Direction: 'Outbound', StartTimeInMilliseconds: '1718870401000', Status: 'Connected' } as const;
    const inbound = map({ ...event, CallDetails: { ...event.CallDetails, Participants: [...event.CallDetails.Participants, legB] } });
    expect(inbound.event).toEqual({ type: 'step-done', step: 'connect' });
    expect(inbound.legB).toEqual({ callId: 'b-leg', from: '+12065550143', to: '+79167654321', direction: 'outbound' });
  });

  it('refuses to guess the step of an action no step produces', () => {
    expect(() => map(variant('ACTION_SUCCESSFUL', { Type: 'VoiceFocus', Parameters: {} }))).toThrow(SmaEventMappingError);
  });
});

describe('call update arguments', () => {
  it('round-trips every reason and target through encodeCallUpdate', () => {
    const meeting = { kind: 'meeting', meetingId: 'm-1', joinToken: 'tok' } as const;
    expect(decodeCallUpdate(encodeCallUpdate('agent-connected', 'ag-1', meeting))).toEqual({ type: 'update-requested', reason: 'agent-connected', agentId: 'ag-1', target: meeting });
    expect(decodeCallUpdate(encodeCallUpdate('hold'))).toEqual({ type: 'update-requested', reason: 'hold' });
    for (const target of [{ kind: 'sip', uri: 'sip:agent-7@pbx.example' }, { kind: 'phone', e164: '+79167654321' }] as const) {
      expect(decodeCallUpdate(encodeCallUpdate('agent-connected', undefined, target)).target).toEqual(target);
    }
  });

  it('sends strings only, within the 20 arguments the API allows', () => {
    const args = encodeCallUpdate('agent-connected', 'ag-1', { kind: 'meeting', meetingId: 'm', joinToken: 't' });
    expect(Object.keys(args).length).toBeLessThanOrEqual(20);
    expect(Object.values(args).every((v) => typeof v === 'string')).toBe(true);
  });

  it('refuses arguments without a known reason', () => {
    expect(() => decodeCallUpdate({ reason: 'dance' })).toThrow(SmaEventMappingError);
  });
});
